/**
 * Runs inside the extension host on a workspace holding a 10,000-paper library: measures what the
 * Library view needs for its first render (load the library, group it, build the tree items of
 * every expanded group), then the same again once loaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PaperPracticeExports } from '../../../src/extension';
import type { LibraryNode } from '../../../src/vscode/library/libraryTree';
import { LIBRARY_VIEW_RESULT } from './paths';

async function renderOnce(exports: PaperPracticeExports): Promise<{ ms: number; items: number }> {
  const tree = exports.views.library;
  const started = performance.now();
  const roots = await tree.getChildren();
  let items = 0;
  for (const root of roots) {
    const item = tree.getTreeItem(root);
    items++;
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded) {
      const children: LibraryNode[] = await tree.getChildren(root);
      for (const child of children) tree.getTreeItem(child);
      items += children.length;
    }
  }
  return { ms: performance.now() - started, items };
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<PaperPracticeExports>('paper-practice.paper-practice');
  if (!ext) throw new Error('extension not found');
  const exports = await ext.activate();
  const first = await renderOnce(exports);
  const papers = (await exports.library.get())?.entries.length ?? 0;
  const again = await renderOnce(exports);
  const shown = performance.now();
  await vscode.commands.executeCommand('paperPractice.library.focus');
  const focusMs = performance.now() - shown;
  fs.mkdirSync(path.dirname(LIBRARY_VIEW_RESULT), { recursive: true });
  fs.writeFileSync(LIBRARY_VIEW_RESULT, JSON.stringify({ papers, first, again, focusMs }));
}
