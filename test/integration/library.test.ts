import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { nodeFileSystem } from '../../src/core/library/nodeFileSystem';
import { LibraryStore } from '../../src/core/library/store';
import type { FeedsNode } from '../../src/vscode/feeds/feedsTree';
import { LIBRARY_MIME, type LibraryNode } from '../../src/vscode/library/libraryTree';
import { api, waitFor, workspaceRoot } from './helpers';

const libraryRoot = () => path.join(workspaceRoot().fsPath, 'papers');

async function feedPapers() {
  const exports = await api();
  const subs = (await exports.views.feeds.getChildren()).filter((n): n is Extract<FeedsNode, { kind: 'subscription' }> => n.kind === 'subscription');
  return subs.flatMap((s) => s.cache.papers.map((p) => p.paper));
}

async function statusGroup(status: string): Promise<Extract<LibraryNode, { kind: 'status' }>> {
  const groups = await (await api()).views.library.getChildren();
  const group = groups.find((g): g is Extract<LibraryNode, { kind: 'status' }> => g.kind === 'status' && g.status === status);
  if (!group) throw new Error(`no ${status} group`);
  return group;
}

async function statusOf(id: string): Promise<string | undefined> {
  return (await (await api()).library.get())?.get(id)?.record.status;
}

describe('Library stored as files in the workspace', function () {
  this.timeout(60_000);
  let first: string;

  it('saves a paper from the Feeds view as papers/<id>-<slug>/notes.md with its record in front matter', async () => {
    const paper = (await feedPapers())[0];
    first = paper.id;
    await vscode.commands.executeCommand('paperPractice.savePaper', { kind: 'paper', key: 'x', paper });
    const store = await (await api()).library.get();
    const entry = store?.get(paper.id);
    assert.ok(entry, 'saved paper is not in the library');
    assert.ok(entry.notePath.startsWith(libraryRoot()));
    assert.match(path.basename(path.dirname(entry.notePath)), new RegExp(`^${paper.id.replace('.', '\\.')}-[a-z0-9-]+$`));
    const text = fs.readFileSync(entry.notePath, 'utf8');
    assert.match(text, new RegExp(`^---\\nid: ['"]?${paper.id.replace('.', '\\.')}`));
    assert.match(text, /\nstatus: inbox\n/);
    // The body comes from the default reading-note template.
    assert.match(text, /\n---\n\n# .+\n[\s\S]*## Summary in my own words[\s\S]*## Claims and numbers worth replicating/);
    assert.strictEqual((await statusGroup('inbox')).entries.length, 1);
  });

  it('watches the library folder for changes made outside VS Code', async () => {
    // The workbench starts its file watcher lazily after the window opens: touch the new note until
    // the watcher reports it, so the tests below measure the extension, not the watcher's start-up.
    const exports = await api();
    const entry = (await exports.library.get())!.get(first)!;
    let seen = false;
    let lastTouch = 0;
    const listener = exports.library.onDidSeeNoteChange((uri) => (seen ||= uri.fsPath === entry.notePath));
    try {
      await waitFor(() => {
        if (!seen && Date.now() - lastTouch > 1000) {
          fs.writeFileSync(entry.notePath, fs.readFileSync(entry.notePath));
          lastTouch = Date.now();
        }
        return seen;
      }, 'the file watcher to report a change to the note', 60_000);
    } finally {
      listener.dispose();
    }
  });

  it('changes status by command, setting the dates and never touching the notes body', async () => {
    const entry = (await (await api()).library.get())!.get(first)!;
    const body = '\n# My notes\n\nThe key idea, in my words: a quasiperiodic schedule.\n';
    fs.writeFileSync(entry.notePath, fs.readFileSync(entry.notePath, 'utf8').replace(/\n---\n[\s\S]*$/, `\n---\n${body}`));
    await waitFor(async () => (await (await api()).library.get())?.get(first)?.body.includes('key idea'), 'the edited body to be read');
    await vscode.commands.executeCommand('paperPractice.setStatus', first, 'reading');
    const text = fs.readFileSync(entry.notePath, 'utf8');
    assert.match(text, /\nstatus: reading\n/);
    assert.match(text, /\nstarted: ['"]?\d{4}-\d{2}-\d{2}/);
    assert.ok(text.endsWith(`\n---\n${body}`), 'the body changed');
    assert.strictEqual((await statusGroup('reading')).entries.length, 1);
  });

  it('follows a hand edit of the front matter (file watcher)', async () => {
    const entry = (await (await api()).library.get())!.get(first)!;
    const text = fs.readFileSync(entry.notePath, 'utf8');
    fs.writeFileSync(entry.notePath, text.replace('status: reading', 'status: read'));
    await waitFor(async () => (await statusOf(first)) === 'read', 'the hand edit to reach the library');
    assert.strictEqual((await statusGroup("read")).entries[0].record.id, first);
  });

  it('moves papers between statuses by drag and drop, and saves papers dropped from the Feeds view', async () => {
    const exports = await api();
    const move = new vscode.DataTransfer();
    move.set(LIBRARY_MIME, new vscode.DataTransferItem({ ids: [first] }));
    await exports.views.library.handleDrop(await statusGroup('to-read'), move);
    assert.strictEqual(await statusOf(first), 'to-read');

    const paper = (await feedPapers())[1];
    const fromFeed = new vscode.DataTransfer();
    exports.views.feeds.handleDrag([{ kind: 'paper', key: 'x', paper }], fromFeed);
    await exports.views.library.handleDrop(await statusGroup('replicating'), fromFeed);
    assert.strictEqual(await statusOf(paper.id), 'replicating');
  });

  it('shows library status on papers in the Feeds view', async () => {
    const exports = await api();
    const paper = (await feedPapers()).find((p) => p.id === first)!;
    const item = exports.views.feeds.getTreeItem({ kind: 'paper', key: 'x', paper });
    assert.match(String(item.description), /to read/);
    assert.strictEqual(item.contextValue, 'feedPaper.saved');
  });

  it('never loses a change when another window writes the same note at the same time', async () => {
    const otherWindow = new LibraryStore(nodeFileSystem, libraryRoot());
    await otherWindow.load();
    await Promise.all([
      vscode.commands.executeCommand('paperPractice.setStatus', first, 'reading'),
      otherWindow.update(first, { addTags: ['transformers'] }),
    ]);
    const text = fs.readFileSync(otherWindow.get(first)!.notePath, 'utf8');
    assert.match(text, /\nstatus: reading\n/);
    assert.match(text, /transformers/);
    await waitFor(async () => (await (await api()).library.get())?.get(first)?.record.tags.includes('transformers'), 'the other window’s tag');
    otherWindow.dispose();
  });

  it('reports a note with malformed front matter and leaves it untouched', async () => {
    const store = (await (await api()).library.get())!;
    const entry = store.get(first)!;
    const broken = fs.readFileSync(entry.notePath, 'utf8').replace('status: reading', 'status: [reading');
    fs.writeFileSync(entry.notePath, broken);
    // A change arriving before the watcher has re-read the note: applied to the fresh text, it must refuse.
    await assert.rejects(store.update(first, { status: 'read' }), (e: Error & { code?: string }) => e.code === 'malformed' && /notes\.md:\d+:/.test(e.message));
    assert.strictEqual(fs.readFileSync(entry.notePath, 'utf8'), broken);
    const uri = vscode.Uri.file(entry.notePath);
    const diagnostics = await waitFor(() => vscode.languages.getDiagnostics(uri).length > 0 && vscode.languages.getDiagnostics(uri), 'a diagnostic on the broken note');
    assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    const groups = await (await api()).views.library.getChildren();
    assert.strictEqual(groups[0].kind, 'problems');
    await vscode.commands.executeCommand('paperPractice.setStatus', first, 'read');
    assert.strictEqual(fs.readFileSync(entry.notePath, 'utf8'), broken);

    fs.writeFileSync(entry.notePath, broken.replace('status: [reading', 'status: reading'));
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'the diagnostic to clear');
    await waitFor(async () => (await statusOf(first)) === 'reading', 'the repaired note to return');
  });

  it('groups by tag as well as by status', async () => {
    const exports = await api();
    await vscode.commands.executeCommand('paperPractice.libraryGroupByTag');
    const groups = await exports.views.library.getChildren();
    assert.deepStrictEqual(groups.map((g) => (g.kind === 'tag' ? [g.tag, g.entries.length] : g.kind)), [['transformers', 1], [null, 1]]);
    await vscode.commands.executeCommand('paperPractice.libraryGroupByStatus');
    assert.strictEqual((await exports.views.library.getChildren())[0].kind, 'status');
  });

  it('finds papers by title, author, abstract, tag and notes as the user types, and follows edits', async () => {
    const exports = await api();
    const entry = (await exports.library.get())!.get(first)!;
    const titleWords = entry.record.title.split(/\s+/).slice(0, 2).join(' ');
    const partial = titleWords.slice(0, -2); // the last word still being typed
    assert.strictEqual((await exports.index.search(partial))[0]?.record.id, first, `"${partial}"`);
    const surname = entry.record.authors[0].split(' ').pop()!;
    assert.ok((await exports.index.search(surname)).some((e) => e.record.id === first), surname);
    assert.deepStrictEqual((await exports.index.search('transformers')).map((e) => e.record.id), [first]);
    assert.deepStrictEqual((await exports.index.search('quasiperiodic schedule')).map((e) => e.record.id), [first], 'words only in the notes');
    await vscode.commands.executeCommand('paperPractice.setStatus', first, 'read');
    await exports.library.get().then((store) => store!.update(first, { addTags: ['zeitgeist'] }));
    assert.deepStrictEqual((await exports.index.search('zeitgeist')).map((e) => e.record.id), [first]);
  });

  it('copies a paper’s BibTeX in arXiv’s style', async () => {
    await vscode.commands.executeCommand('paperPractice.copyBibtex', first);
    const text = await vscode.env.clipboard.readText();
    assert.match(text, /^@(misc|article)\{[a-z]+\d{4}[a-z]*,/m);
    assert.match(text, new RegExp(`eprint\\s*=\\s*\\{${first.replace('.', '\\.')}\\}`));
    assert.match(text, /archivePrefix\s*=\s*\{arXiv\}/);
  });

  it('starts notes from the workspace’s own template when it has one', async () => {
    const templateFile = path.join(workspaceRoot().fsPath, '.paper-practice', 'note-template.md');
    fs.mkdirSync(path.dirname(templateFile), { recursive: true });
    fs.writeFileSync(templateFile, '# {{title}} ({{year}})\n\nSee arXiv:{{id}}. {{nonsense}}\n');
    try {
      const paper = (await feedPapers())[2];
      await vscode.commands.executeCommand('paperPractice.savePaper', paper);
      const entry = (await (await api()).library.get())!.get(paper.id)!;
      const body = fs.readFileSync(entry.notePath, 'utf8').split('\n---\n')[1];
      assert.strictEqual(body, `# ${paper.title} (20${paper.id.slice(0, 2)})\n\nSee arXiv:${paper.id}. {{nonsense}}\n`);
    } finally {
      fs.rmSync(path.dirname(templateFile), { recursive: true, force: true });
    }
  });
});
