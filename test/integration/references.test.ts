import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, fakeRequests, waitFor, workspaceRoot } from './helpers';

/** Recorded API entries the fake arXiv serves for id_list lookups (see test/support/fakeArxiv.ts). */
const TIDE = { id: '2604.26951', title: 'Turning the TIDE: Cross-Architecture Distillation for Diffusion Large Language Models' };
const ICNN = { id: '2604.26942', title: 'Hyper Input Convex Neural Networks' };
const IMPORTED = ['2604.26932', '2604.26926', '2604.26922', '1611.09520'];
const UNKNOWN = '2604.99999';

const scratch = () => path.join(workspaceRoot().fsPath, 'references-scratch');

async function openFile(name: string, text: string): Promise<vscode.TextDocument> {
  fs.mkdirSync(scratch(), { recursive: true });
  const file = path.join(scratch(), name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position of `needle` (plus `offset` characters) in a document. */
function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${document.uri.fsPath}`);
  return document.positionAt(at + offset);
}

function commandOf(link: vscode.DocumentLink): { command: string; args: unknown[] } | undefined {
  if (!link.target || link.target.scheme !== 'command') return undefined;
  return { command: link.target.path, args: link.target.query ? (JSON.parse(decodeURIComponent(link.target.query)) as unknown[]) : [] };
}

async function ourLinks(document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri, 100);
  return links.filter((l) => commandOf(l)?.command === 'paperPractice.openPaper');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Hover text with Markdown backslash escapes removed, for comparing with plain titles. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

async function inLibrary(id: string): Promise<boolean> {
  return !!(await (await api()).library.get())?.get(id);
}

describe('arXiv references in any text document', function () {
  this.timeout(60_000);

  before(async () => {
    await api();
    for (const id of [TIDE.id, ICNN.id, ...IMPORTED]) assert.strictEqual(await inLibrary(id), false, `${id} is in the library before the test`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(scratch(), { recursive: true, force: true });
  });

  it('links a reference in a Python comment and a markdown URL to the paper', async () => {
    const py = await openFile('train.py', `import torch\n\n# see arXiv:${TIDE.id} for the distillation loss\nloss = 0.0\n`);
    assert.strictEqual(py.languageId, 'python');
    const pyLinks = await ourLinks(py);
    assert.ok(pyLinks.length >= 1, 'no link in the Python file');
    const first = pyLinks.find((l) => l.range.start.line === 2);
    assert.ok(first, `no link on line 3: ${pyLinks.map((l) => l.range.start.line).join(', ')}`);
    assert.deepStrictEqual(commandOf(first)!.args, [TIDE.id]);
    assert.strictEqual(py.getText(first.range), `arXiv:${TIDE.id}`);
    assert.strictEqual(first.tooltip, `Open arXiv:${TIDE.id} in Paper Practice`);

    const md = await openFile('reading.md', `# Reading list\n\nDistillation: https://arxiv.org/abs/${TIDE.id}v1 (read first)\n`);
    assert.strictEqual(md.languageId, 'markdown');
    const mdLinks = await ourLinks(md);
    assert.strictEqual(mdLinks.length, 1);
    assert.deepStrictEqual(commandOf(mdLinks[0])!.args, [TIDE.id], 'the link carries the id without its version');
    assert.strictEqual(md.getText(mdLinks[0].range), `https://arxiv.org/abs/${TIDE.id}v1`);
  });

  it('finds references in untitled buffers of any language', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: `// Based on https://arxiv.org/pdf/${ICNN.id}v1.pdf\nconst x = 1;\n` });
    const links = await ourLinks(doc);
    assert.strictEqual(links.length, 1);
    assert.deepStrictEqual(commandOf(links[0])!.args, [ICNN.id]);
  });

  it('links and describes references in notebook code cells', async () => {
    const data = new vscode.NotebookData([
      new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, `## Baseline\n\nFollows [the TIDE paper](https://arxiv.org/abs/${TIDE.id}).`, 'markdown'),
      new vscode.NotebookCellData(vscode.NotebookCellKind.Code, `# ICNN layer, arXiv:${ICNN.id}\nimport torch`, 'python'),
    ]);
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    // Cell text models exist in the workbench once the notebook is shown. (A rendered markdown
    // cell has none until it is edited, so the workbench asks no provider about it: not tested.)
    await vscode.window.showNotebookDocument(notebook);
    try {
      await checkCodeCell(notebook.cellAt(1).document);
    } finally {
      // An untitled notebook with content is dirty: close it without a save prompt.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  async function checkCodeCell(code: vscode.TextDocument): Promise<void> {
    assert.strictEqual(code.uri.scheme, 'vscode-notebook-cell');
    const links = await waitFor(async () => {
      const found = await ourLinks(code);
      return found.length ? found : undefined;
    }, 'a link in the code cell');
    assert.deepStrictEqual(links.map((l) => commandOf(l)!.args), [[ICNN.id]]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', code.uri, positionOf(code, ICNN.id, 1));
    assert.ok(unescaped(hoverText(hovers)).includes(ICNN.title), hoverText(hovers));
  }

  it('shows the title, authors, year and library status in a hover, fetched from arXiv once', async () => {
    const md = await openFile('hover.md', `Compare with arXiv:${TIDE.id}.\n\nAnd again: arXiv:${TIDE.id}\n`);
    const before = (await fakeRequests()).filter((r) => r.query.id_list?.includes(TIDE.id)).length;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', md.uri, positionOf(md, TIDE.id, 3));
    const text = hoverText(hovers);
    assert.ok(unescaped(text).includes(TIDE.title), `the hover has no title:\n${text}`);
    assert.match(unescaped(text), /2026/);
    assert.match(text, /Not in your library/);
    assert.match(text, /command:paperPractice\.addReferenceToLibrary\?/);
    const ours = hovers.find((h) => hoverText([h]).includes('paperPractice.openPaper'));
    assert.ok(ours?.range, 'the hover has no range');
    assert.strictEqual(md.getText(ours.range), `arXiv:${TIDE.id}`);
    // The same paper again, elsewhere in the file: answered from memory.
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', md.uri, positionOf(md, `again: arXiv:${TIDE.id}`, 12));
    const after = (await fakeRequests()).filter((r) => r.query.id_list?.includes(TIDE.id)).length;
    assert.ok(after - before <= 1, `${after - before} requests for one paper`);
  });

  it('describes a reference in a Python comment in a hover, and nothing in the code beside it', async () => {
    const py = await openFile('distill.py', `loss = kl(student, teacher)  # arXiv:${TIDE.id}, eq. 3\n`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', py.uri, positionOf(py, TIDE.id, 4));
    const ours = hovers.find((h) => hoverText([h]).includes('paperPractice.openPaper'));
    assert.ok(ours?.range, `no hover of ours:\n${hoverText(hovers)}`);
    assert.ok(unescaped(hoverText([ours])).includes(TIDE.title), hoverText([ours]));
    assert.match(hoverText([ours]), /Not in your library/);
    assert.strictEqual(py.getText(ours.range), `arXiv:${TIDE.id}`);
    const onCode = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', py.uri, positionOf(py, 'student'));
    assert.doesNotMatch(hoverText(onCode), /paperPractice/);
  });

  it('escapes arXiv text in hovers and trusts only its own commands', async () => {
    const md = await openFile('escape.md', `See arXiv:${TIDE.id}\n`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', md.uri, positionOf(md, TIDE.id));
    const content = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && c.value.includes('paperPractice.openPaper'));
    assert.ok(content, 'no hover of ours');
    // The title's colon is escaped; no raw link syntax comes from arXiv text.
    assert.ok(content.value.includes('Turning the TIDE\\: Cross\\-Architecture'), content.value);
    const commands = [...content.value.matchAll(/\]\(command:([\w.]+)\?/g)].map((m) => m[1]);
    assert.deepStrictEqual([...new Set(commands)].sort(), ['paperPractice.addReferenceToLibrary', 'paperPractice.openPaper']);
  });

  it('says when arXiv has no such paper', async () => {
    const md = await openFile('unknown.md', `Typo: arXiv:${UNKNOWN}\n`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', md.uri, positionOf(md, UNKNOWN));
    assert.match(hoverText(hovers), /arXiv has no paper/);
  });

  it('offers "Add … to library" on a reference not in the library, and the action saves it', async () => {
    const py = await openFile('model.py', `"""Hyper ICNN, arXiv:${ICNN.id}."""\n`);
    const at = positionOf(py, ICNN.id, 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', py.uri, new vscode.Range(at, at));
    const add = actions.find((a) => a.title === `Add arXiv:${ICNN.id} to library`);
    assert.ok(add?.command, `no add action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.deepStrictEqual(add.command.arguments, [ICNN.id]);
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    await waitFor(() => inLibrary(ICNN.id), `${ICNN.id} to be saved`);
    const entry = (await (await api()).library.get())!.get(ICNN.id)!;
    assert.ok(entry.record.title.startsWith(ICNN.title), entry.record.title);
    assert.ok(fs.existsSync(entry.notePath));

    // Once saved, the action is gone and the hover shows the status.
    const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', py.uri, new vscode.Range(at, at));
    assert.ok(!again.some((a) => a.title.startsWith(`Add arXiv:${ICNN.id}`)), 'still offered after saving');
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', py.uri, at));
    assert.match(hover, /In your library: inbox/);
    assert.doesNotMatch(hover, /addReferenceToLibrary/);
  });

  it('offers nothing away from a reference', async () => {
    const py = await openFile('plain.py', `x = 1  # nothing to see\n# arXiv:${TIDE.id}\n`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', py.uri, new vscode.Range(0, 2, 0, 2));
    assert.ok(!actions.some((a) => a.title.includes('arXiv:')), actions.map((a) => a.title).join(' | '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', py.uri, new vscode.Position(0, 2));
    assert.doesNotMatch(hoverText(hovers), /paperPractice/);
  });

  it('imports every paper referenced in a markdown list, once each, minus those already saved', async () => {
    const list = [
      '# Papers to read',
      '',
      `- arXiv:${IMPORTED[0]} — ADMM over-relaxation`,
      `- https://arxiv.org/abs/${IMPORTED[1]}v1`,
      `- [Revenue learning curves](https://arxiv.org/pdf/${IMPORTED[2]})`,
      `- doi:10.48550/arXiv.${IMPORTED[3]}`,
      `- again: arXiv:${IMPORTED[0]}v1`,
      `- already saved: arXiv:${ICNN.id}`,
      `- does not exist: arXiv:${UNKNOWN}`,
      '',
    ].join('\n');
    const md = await openFile('to-read.md', list);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), md.uri.toString());
    const requestsBefore = (await fakeRequests()).length;
    const result = (await vscode.commands.executeCommand('paperPractice.importReferencesFromFile')) as {
      referenced: string[];
      alreadyInLibrary: string[];
      added: string[];
      missing: string[];
    };
    assert.deepStrictEqual(result.referenced, [...IMPORTED, ICNN.id, UNKNOWN]);
    assert.deepStrictEqual(result.alreadyInLibrary, [ICNN.id]);
    assert.deepStrictEqual([...result.added].sort(), [...IMPORTED].sort());
    assert.deepStrictEqual(result.missing, [UNKNOWN]);
    for (const id of IMPORTED) assert.ok(await inLibrary(id), `${id} is not in the library`);
    const lookups = (await fakeRequests()).slice(requestsBefore).filter((r) => r.path === '/api/query');
    assert.strictEqual(lookups.length, 1, `expected one batch lookup, saw ${lookups.map((r) => r.url).join(', ')}`);
    assert.deepStrictEqual(lookups[0].query.id_list.split(',').sort(), [...IMPORTED, UNKNOWN].sort());

    // A second import finds nothing new and asks arXiv nothing.
    const again = (await vscode.commands.executeCommand('paperPractice.importReferencesFromFile')) as { added: string[]; alreadyInLibrary: string[] };
    assert.deepStrictEqual(again.added, []);
    assert.deepStrictEqual([...again.alreadyInLibrary].sort(), [...IMPORTED, ICNN.id].sort());
    assert.strictEqual((await fakeRequests()).slice(requestsBefore).filter((r) => r.path === '/api/query').length, 1);
  });
});
