import * as vscode from 'vscode';
import { practiceFolderFiles, validateFolderName } from '../core/practiceFolder';
import type { Logger } from './logger';

/** "Create a Practice Folder…": pick a parent, name it, lay out the starter files, open it. */
export async function createPracticeFolder(logger: Logger): Promise<void> {
  const parents = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Create Practice Folder Here',
    title: 'Where should the practice folder live?',
  });
  if (!parents?.length) return;
  const name = await vscode.window.showInputBox({
    title: 'Name of the practice folder',
    value: 'paper-practice',
    validateInput: validateFolderName,
  });
  if (name === undefined) return;

  const root = vscode.Uri.joinPath(parents[0], name.trim());
  const libraryFolder = vscode.workspace.getConfiguration('paperPractice').get<string>('libraryFolder', 'papers');
  for (const file of practiceFolderFiles(libraryFolder)) {
    const target = vscode.Uri.joinPath(root, file.relativePath);
    try {
      await vscode.workspace.fs.stat(target);
      continue; // never overwrite what the user already has
    } catch {
      await vscode.workspace.fs.writeFile(target, Buffer.from(file.content, 'utf8'));
    }
  }
  logger.info(`Created practice folder ${root.toString()}`);
  await vscode.commands.executeCommand('vscode.openFolder', root);
}
