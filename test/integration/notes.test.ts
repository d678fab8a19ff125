import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { localDay } from '../../src/core/library/record';
import type { LibraryNode } from '../../src/vscode/library/libraryTree';
import { makePaper } from '../support/paperFactory';
import { api, waitFor, workspaceRoot } from './helpers';

/** A paper no other test saves (the references tests check theirs are not in the library). */
const paper = makePaper({
  id: '2601.07001',
  title: 'Curriculum Schedules for Small Transformers',
  summary: 'We train small transformers with a curriculum and reach 81.5% accuracy on CIFAR-10.',
});

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

const titles = (list: vscode.CodeLens[]) => list.map((l) => l.command?.title);

async function run(lens: vscode.CodeLens | undefined): Promise<void> {
  assert.ok(lens?.command, 'no such lens');
  await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
}

/** Resolves with the next change of the note's CodeLens line. */
async function nextLensChange(): Promise<void> {
  const { noteLens } = await api();
  return new Promise((resolve) => {
    const once = noteLens.onDidChangeCodeLenses(() => {
      once.dispose();
      resolve();
    });
  });
}

async function libraryGroup(status: string): Promise<Extract<LibraryNode, { kind: 'status' }>> {
  const groups = await (await api()).views.library.getChildren();
  const group = groups.find((g): g is Extract<LibraryNode, { kind: 'status' }> => g.kind === 'status' && g.status === status);
  assert.ok(group, `the Library view has no ${status} group`);
  return group;
}

describe('Reading notes: the note, its CodeLens line, finishing a paper', function () {
  this.timeout(60_000);
  let note: vscode.Uri;

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('creates the note from the template on "Open Notes" and shows it', async () => {
    assert.strictEqual((await (await api()).library.get())?.get(paper.id), undefined, 'the paper is in the library already');
    await vscode.commands.executeCommand('paperPractice.openNotes', paper);
    const entry = (await (await api()).library.get())?.get(paper.id);
    assert.ok(entry, 'Open Notes did not save the paper');
    note = vscode.Uri.file(entry.notePath);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, note.fsPath, 'the note is not the active editor');
    const text = fs.readFileSync(note.fsPath, 'utf8');
    assert.match(text, /\nstatus: inbox\n/);
    assert.ok(text.includes(`\n# ${paper.title}\n`), text);
    assert.ok(text.includes(`[arXiv:${paper.id}](${paper.links.abs})`), 'the template’s link to the paper');
    for (const section of ['Summary in my own words', 'Key ideas', 'Method', 'Claims and numbers worth replicating', 'Questions', 'Related papers', 'Quotes']) {
      assert.ok(text.includes(`\n## ${section}\n`), `no "${section}" section`);
    }
  });

  it('puts the paper’s status and its next steps at the top of the note', async () => {
    const list = await lenses(note);
    assert.deepStrictEqual(titles(list), ['$(inbox) Inbox', '$(play) Start reading', '$(beaker) Start replication', '$(file-pdf) Open PDF', '$(preview) Paper details']);
    assert.ok(list.every((l) => l.range.start.line === 0), 'a lens is not on the first line');
    assert.deepStrictEqual(
      list.map((l) => [l.command?.command, l.command?.arguments]),
      [
        ['paperPractice.setStatus', [paper.id]],
        ['paperPractice.setStatus', [paper.id, 'reading']],
        ['paperPractice.startReplication', [paper.id]],
        ['paperPractice.openPdf', [paper.id]],
        ['paperPractice.openPaper', [paper.id]],
      ],
    );
  });

  it('offers nothing on a notes.md that is not a paper of the library', async () => {
    const stray = path.join(workspaceRoot().fsPath, 'notes-scratch', 'notes.md');
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, '# Meeting notes\n');
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(stray));
      assert.deepStrictEqual(await lenses(document.uri), []);
    } finally {
      fs.rmSync(path.dirname(stray), { recursive: true, force: true });
    }
  });

  it('starts reading from the lens, and the line follows the new status', async () => {
    const changed = nextLensChange();
    await run((await lenses(note)).find((l) => l.command?.title === '$(play) Start reading'));
    await changed;
    const record = (await (await api()).library.get())!.get(paper.id)!.record;
    assert.strictEqual(record.status, 'reading');
    assert.strictEqual(record.started, localDay(new Date()));
    assert.deepStrictEqual(titles(await lenses(note)).slice(0, 2), ['$(book) Reading', '$(check) Mark read']);
  });

  it('marking it read records the day it was finished, in the note and in the Library view', async () => {
    const exports = await api();
    let treeChanged = false;
    const listener = exports.views.library.onDidChangeTreeData(() => (treeChanged = true));
    try {
      await run((await lenses(note)).find((l) => l.command?.title === '$(check) Mark read'));
      const today = localDay(new Date());
      const record = (await exports.library.get())!.get(paper.id)!.record;
      assert.strictEqual(record.status, 'read');
      assert.strictEqual(record.finished, today);
      const text = fs.readFileSync(note.fsPath, 'utf8');
      assert.match(text, /\nstatus: read\n/);
      assert.match(text, new RegExp(`\\nfinished: ['"]?${today}['"]?\\n`));
      await waitFor(() => treeChanged, 'the Library view to be told');
    } finally {
      listener.dispose();
    }
    const read = await libraryGroup('read');
    assert.ok(read.entries.some((e) => e.record.id === paper.id), 'not in the Read group');
    assert.ok(!(await libraryGroup('reading')).entries.some((e) => e.record.id === paper.id), 'still in the Reading group');
    const [node] = (await exports.views.library.getChildren(read)).filter((n) => n.kind === 'paper' && n.entry.record.id === paper.id);
    const item = exports.views.library.getTreeItem(node);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'check');
    assert.strictEqual(item.contextValue, 'libraryPaper.read');
    assert.deepStrictEqual(titles(await lenses(note)).slice(0, 2), ['$(check) Read', '$(beaker) Start replication']);
  });

  it('follows a status changed by hand in the front matter', async () => {
    const changed = nextLensChange();
    const text = fs.readFileSync(note.fsPath, 'utf8');
    fs.writeFileSync(note.fsPath, text.replace('\nstatus: read\n', '\nstatus: abandoned\n'));
    await changed;
    await waitFor(async () => titles(await lenses(note))[0] === '$(circle-slash) Abandoned', 'the lens to follow the edit');
    assert.strictEqual(titles(await lenses(note))[1], '$(play) Read again');
  });
});
