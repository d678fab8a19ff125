import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { claimVerdictText, parseManifest } from '../../src/core/replication';
import type { PaperPracticeExports } from '../../src/extension';
import type { ReplicationExports } from '../../src/vscode/replication/registerReplication';
import { makePaper } from '../support/paperFactory';
import { api, fakeRequests, setSetting, waitFor } from './helpers';

type Exports = PaperPracticeExports & { replication: ReplicationExports };

const START = 'paperPractice.startReplication';
const EXPORT = 'paperPractice.exportReplicationReport';
const ADD_ASSUMPTION = 'paperPractice.addAssumption';
type StartResult = { status: 'created' | 'exists'; dir: string; manifestPath: string; notebookPath: string } | undefined;

const paper = makePaper({
  id: '2601.04242',
  title: 'Attention Is Still What You Need',
  summary: 'Our model achieves 28.4 BLEU on the WMT 2014 English-to-German translation task and a top-1 accuracy of 76.1% on ImageNet.',
});

async function exportsOf(): Promise<Exports> {
  const e = (await api()) as Exports;
  assert.ok(e.replication, 'the extension does not export `replication`');
  return e;
}

const cancel = new vscode.CancellationTokenSource().token;

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.map((l) => l.command?.title ?? '');
}

/** Writes the file until the replication state has seen the change (the workbench's watcher starts lazily). */
async function writeUntilSeen(file: string, text: string, seen: () => boolean, what: string): Promise<void> {
  let lastWrite = 0;
  await waitFor(() => {
    if (seen()) return true;
    if (Date.now() - lastWrite > 1500) {
      fs.writeFileSync(file, text);
      lastWrite = Date.now();
    }
    return false;
  }, what, 60_000);
}

describe('Replication: start, status in the editor, report', function () {
  this.timeout(60_000);
  let started: NonNullable<StartResult>;

  before(async () => {
    await setSetting('paperPractice.replication.framework', 'pytorch');
    const store = await (await exportsOf()).library.get();
    assert.ok(store, 'no library');
    await store.add(paper);
  });

  it('starts a replication in the paper folder: files, status replicating, notebook and manifest open', async () => {
    const store = (await (await exportsOf()).library.get())!;
    const result = await vscode.commands.executeCommand<StartResult>(START, paper.id);
    assert.ok(result, 'the command returned nothing');
    assert.strictEqual(result.status, 'created');
    started = result;
    const paperDir = path.dirname(store.get(paper.id)!.notePath);
    assert.strictEqual(result.dir, path.join(paperDir, 'replication'));
    for (const f of ['replication.json', 'notebook.ipynb', 'requirements.txt', 'README.md']) {
      assert.ok(fs.existsSync(path.join(result.dir, f)), `${f} was not written`);
    }
    const manifest = JSON.parse(fs.readFileSync(result.manifestPath, 'utf8'));
    assert.strictEqual(manifest.framework, 'pytorch', 'the framework setting was not used');
    assert.deepStrictEqual(manifest.claims.map((c: { reported: number }) => c.reported), [28.4, 76.1]);
    assert.strictEqual(store.get(paper.id)!.record.status, 'replicating');
    assert.match(fs.readFileSync(store.get(paper.id)!.notePath, 'utf8'), /\nstatus: replicating\n/);
    await waitFor(() => vscode.workspace.notebookDocuments.some((n) => n.uri.fsPath === result.notebookPath), 'the notebook to open');
    await waitFor(() => vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === result.manifestPath), 'the manifest to open beside it');
  });

  it('never overwrites: starting again opens the existing replication and leaves its files alone', async () => {
    const files = ['replication.json', 'notebook.ipynb', 'README.md'].map((f) => path.join(started.dir, f));
    fs.appendFileSync(files[2], '\nMy own notes on the setup.\n');
    const before = files.map((f) => ({ text: fs.readFileSync(f, 'utf8'), mtime: fs.statSync(f).mtimeMs }));
    await setSetting('paperPractice.replication.framework', 'keras');
    try {
      const again = await vscode.commands.executeCommand<StartResult>(START, { kind: 'paper', entry: (await (await exportsOf()).library.get())!.get(paper.id) });
      assert.strictEqual(again?.status, 'exists');
      assert.strictEqual(again.manifestPath, started.manifestPath);
    } finally {
      await setSetting('paperPractice.replication.framework', 'pytorch');
    }
    files.forEach((f, i) => {
      assert.strictEqual(fs.readFileSync(f, 'utf8'), before[i].text, `${path.basename(f)} changed`);
      assert.strictEqual(fs.statSync(f).mtimeMs, before[i].mtime, `${path.basename(f)} was rewritten`);
    });
  });

  it('saves a paper given from a feed before starting its replication', async () => {
    const other = makePaper({ id: '2601.04243', title: 'Another paper', summary: 'We reach 91.2% accuracy on CIFAR-10.' });
    const result = await vscode.commands.executeCommand<StartResult>(START, { kind: 'paper', key: 'feed:x', paper: other });
    assert.strictEqual(result?.status, 'created');
    const entry = (await (await exportsOf()).library.get())!.get(other.id);
    assert.ok(entry, 'the paper was not saved to the library');
    assert.strictEqual(entry.record.status, 'replicating');
    assert.ok(result.dir.startsWith(path.dirname(entry.notePath)));
  });

  it('puts each claim\'s verdict on it as a CodeLens', async () => {
    const uri = vscode.Uri.file(started.manifestPath);
    const text = fs.readFileSync(started.manifestPath, 'utf8');
    const claims = parseManifest(text).manifest!.claims;
    const titles = await lensTitles(uri);
    assert.deepStrictEqual(titles, claims.map((c) => `${c.id}: ${claimVerdictText(c)}`));
    assert.match(titles[0], /^c1: reported 28\.4 BLEU · not measured yet \(0\/3 seeds\) · pending$/);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri))!;
    const idLine = text.split('\n').findIndex((l) => l.includes('"id": "c1"'));
    assert.ok(lenses[0].range.start.line <= idLine && idLine - lenses[0].range.start.line <= 2, 'the lens is not on claim c1');
  });

  it('shows the summary in the status bar while a replication file is active, and badges the folders', async () => {
    const { replication } = await exportsOf();
    await vscode.window.showTextDocument(vscode.Uri.file(started.manifestPath), { preview: false });
    await waitFor(() => replication.statusBarVisible() && replication.statusBar.text === '$(beaker) 0/2 claims reproduced', () => `status bar, is "${replication.statusBar.text}"`);
    const command = replication.statusBar.command as vscode.Command;
    assert.strictEqual(command.command, 'vscode.open');
    assert.strictEqual((command.arguments?.[0] as vscode.Uri).fsPath, started.manifestPath);
    const dir = vscode.Uri.file(started.dir);
    for (const uri of [dir, vscode.Uri.file(path.dirname(started.dir)), vscode.Uri.file(started.manifestPath), vscode.Uri.file(started.notebookPath)]) {
      const deco = await replication.decorations.provideFileDecoration(uri, cancel);
      assert.strictEqual(deco?.badge, '…', `badge of ${uri.fsPath}`);
      assert.match(deco.tooltip ?? '', /0\/2 claims reproduced/);
    }
    assert.strictEqual(await replication.decorations.provideFileDecoration(vscode.Uri.file(path.join(started.dir, 'README.md')), cancel), undefined);

    // A file outside any replication hides it.
    const notes = (await (await exportsOf()).library.get())!.get(paper.id)!.notePath;
    await vscode.window.showTextDocument(vscode.Uri.file(notes), { preview: false });
    await waitFor(() => !replication.statusBarVisible(), 'the status bar item to hide outside the replication');
  });

  it('follows runs recorded on disk: warning for a claim outside tolerance, verdicts, badges, budget', async () => {
    const { replication } = await exportsOf();
    const uri = vscode.Uri.file(started.manifestPath);
    await vscode.window.showTextDocument(uri, { preview: false });
    const manifest = JSON.parse(fs.readFileSync(started.manifestPath, 'utf8'));
    const run = (value: number, seed: number) => ({ value, seed, at: '2026-11-26T01:00:00Z', how: 'notebook.ipynb#cell 5' });
    manifest.claims[0].runs = [run(25.1, 0), run(25.3, 1), run(25.2, 2)]; // BLEU 28.4 ± 0.28 reported
    manifest.claims[0].measured = 25.2;
    manifest.claims[1].runs = [run(76.0, 0), run(76.2, 1), run(76.1, 2)];
    manifest.claims[1].measured = 76.1;
    manifest.compute = { estimatedHours: 10, estimateBasis: 'my guess', actualHours: 12.5, entries: [{ hours: 12.5, at: '2026-11-26T01:00:00Z', note: null }] };
    const text = JSON.stringify(manifest, null, 2) + '\n';
    const warnings = () => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);
    await writeUntilSeen(started.manifestPath, text, () => warnings().length > 0, 'a warning for the claim outside tolerance');

    const [warning] = warnings();
    assert.strictEqual(warning.code, 'not-reproduced');
    assert.match(warning.message, /^Claim c1 not reproduced: measured 25\.2 ± 0\.1 BLEU is outside the tolerance/);
    const runsLine = text.split('\n').findIndex((l) => l.includes('"runs"'));
    assert.strictEqual(warning.range.start.line, runsLine, 'the warning is not on the runs of c1');
    assert.strictEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0);

    await waitFor(() => replication.statusBar.text === '$(beaker) 1/2 claims reproduced $(warning) over budget', () => `status bar, is "${replication.statusBar.text}"`);
    assert.match(String(replication.statusBar.tooltip), /over budget: 13 of 10 GPU-hours \(125%\)/);
    const deco = await replication.decorations.provideFileDecoration(vscode.Uri.file(started.dir), cancel);
    assert.strictEqual(deco?.badge, '≈');
    assert.match(deco.tooltip ?? '', /partially reproduced: 1\/2 claims reproduced \(1 not reproduced\)/);
    const titles = await lensTitles(uri);
    assert.match(titles[0], /· measured 25\.2 ± 0\.1 \(3\/3 seeds\) · not reproduced$/);
    assert.match(titles[1], /· reproduced$/);

    const nb = await vscode.workspace.openNotebookDocument(vscode.Uri.file(started.notebookPath));
    const firstCode = nb.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code)!;
    const items = await replication.notebookStatus.provideCellStatusBarItems(firstCode, cancel);
    const list = Array.isArray(items) ? items : items ? [items] : [];
    assert.strictEqual(list.length, 1);
    assert.strictEqual(list[0].text, '$(beaker) 1/2 claims reproduced $(warning) over budget');
    for (const other of [nb.cellAt(0), nb.cellAt(firstCode.index + 1)]) {
      assert.deepStrictEqual(await replication.notebookStatus.provideCellStatusBarItems(other, cancel), []);
    }
  });

  it('reports manifest problems as errors while typing, before saving', async () => {
    const uri = vscode.Uri.file(started.manifestPath);
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const text = editor.document.getText();
    const at = text.indexOf('"tolerance": ');
    assert.ok(at > 0);
    const pos = editor.document.positionAt(at + '"tolerance": '.length);
    await editor.edit((b) => b.insert(pos, '"wide", "was": '));
    try {
      await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'an error for the malformed tolerance');
      const error = vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error)!;
      assert.strictEqual(error.range.start.line, pos.line);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'the error to clear after revert');
  });

  it('exports the report to replication/REPORT.md and opens it', async () => {
    const reportPath = await vscode.commands.executeCommand<string | undefined>(EXPORT, paper.id);
    assert.strictEqual(reportPath, path.join(started.dir, 'REPORT.md'));
    const report = fs.readFileSync(reportPath, 'utf8');
    assert.match(report, /^# Reproducibility report: Attention Is Still What You Need/);
    assert.match(report, /1\/2 claims reproduced/);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === reportPath, 'the report to open');
  });

  it('logs an assumption from a notebook cell in the ledger of replication.json', async () => {
    const nb = await vscode.workspace.openNotebookDocument(vscode.Uri.file(started.notebookPath));
    await vscode.window.showNotebookDocument(nb, { selections: [new vscode.NotebookRange(2, 3)], preview: false });
    await waitFor(() => vscode.window.activeNotebookEditor?.notebook.uri.fsPath === started.notebookPath, 'the notebook editor to be active');
    const added = await vscode.commands.executeCommand<{ id: string } | undefined>(ADD_ASSUMPTION, undefined, {
      topic: 'learning-rate schedule',
      decision: 'inverse square root, 4000 warm-up steps',
    });
    assert.strictEqual(added?.id, 'a1');
    const ledger = () => parseManifest(fs.readFileSync(started.manifestPath, 'utf8')).manifest!.assumptions;
    // The line is the cursor's within the cell when its editor has focus; the cell is what matters here.
    assert.deepStrictEqual(
      ledger().map((a) => [a.id, a.topic, a.decision, a.decidedIn?.file, a.decidedIn?.cell]),
      [['a1', 'learning-rate schedule', 'inverse square root, 4000 warm-up steps', 'notebook.ipynb', 3]],
    );
  });

  it('logs an assumption from a line of the note, and refuses an empty answer without writing', async () => {
    const notes = (await (await exportsOf()).library.get())!.get(paper.id)!.notePath;
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(notes), { preview: false });
    editor.selection = new vscode.Selection(4, 0, 4, 0);
    const before = fs.readFileSync(started.manifestPath, 'utf8');
    assert.strictEqual(await vscode.commands.executeCommand(ADD_ASSUMPTION, undefined, { topic: '   ', decision: 'x' }), undefined);
    assert.strictEqual(fs.readFileSync(started.manifestPath, 'utf8'), before, 'an empty topic was written');

    const added = await vscode.commands.executeCommand<{ id: string } | undefined>(ADD_ASSUMPTION, undefined, { topic: 'train/validation split', decision: 'newstest2013 as validation' });
    assert.strictEqual(added?.id, 'a2');
    const ledger = parseManifest(fs.readFileSync(started.manifestPath, 'utf8')).manifest!.assumptions;
    assert.deepStrictEqual(ledger[1].decidedIn, { file: '../notes.md', line: 5, cell: null });
    assert.strictEqual(ledger.length, 2);
  });
});

describe('Replication: official code and artifacts from Hugging Face (the fake Hub)', function () {
  this.timeout(60_000);
  // Indexed and cited on the fake Hub (test/support/fakeHuggingFace.ts); ICNN is not.
  const TIDE = makePaper({
    id: '2604.26951',
    title: 'Turning the TIDE: Cross-Architecture Distillation for Diffusion Large Language Models',
    summary: 'HumanEval scores reach 48.78 compared to 32.3 for the AR baseline.',
  });
  const ICNN = makePaper({ id: '2604.26942', title: 'Hyper Input Convex Neural Networks for Shape Constrained Learning and Optimal Transport' });

  it('points the Hugging Face setting at the local fake server', () => {
    const url = vscode.workspace.getConfiguration('paperPractice').get<string>('huggingFace.url') ?? '';
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('fills the detail view\'s Code and artifacts section with the code repository, models and datasets', async () => {
    const { detail } = await exportsOf();
    await vscode.commands.executeCommand('paperPractice.openPaper', TIDE);
    assert.ok(detail.openIds.includes(TIDE.id));
    const shown = await waitFor(() => {
      const html = detail.artifactsShown(TIDE.id);
      return html && !html.includes('Looking up') && html;
    }, 'the artifacts of TIDE');
    assert.match(shown, /<a href="https:\/\/github\.com\/PKU-YuanGroup\/TIDE"[^>]*>PKU-YuanGroup\/TIDE<\/a>/);
    assert.match(shown, /PKU-YuanGroup\/TIDE-0\.6B-from-LLaDA-8B/);
    assert.match(shown, /PKU-YuanGroup\/TIDE-distillation-mix/);
    const asked = (await fakeRequests()).filter((r) => r.url.includes('2604.26951') && r.path !== '/api/query').map((r) => r.path);
    assert.deepStrictEqual([...new Set(asked)].sort(), ['/api/datasets', '/api/models', '/api/papers/2604.26951']);

    // Opened again in the session, nothing is asked again.
    const count = (await fakeRequests()).filter((r) => r.path === '/api/papers/2604.26951').length;
    await vscode.commands.executeCommand('paperPractice.openPaper', TIDE);
    assert.strictEqual(detail.artifactsShown(TIDE.id), shown);
    assert.strictEqual((await fakeRequests()).filter((r) => r.path === '/api/papers/2604.26951').length, count);
  });

  it('says plainly when the Hub lists nothing for a paper', async () => {
    const { detail } = await exportsOf();
    await vscode.commands.executeCommand('paperPractice.openPaper', ICNN);
    const shown = await waitFor(() => {
      const html = detail.artifactsShown(ICNN.id);
      return html && !html.includes('Looking up') && html;
    }, 'the artifacts of ICNN');
    assert.match(shown, /None found: as of \d{4}-\d\d-\d\d, Hugging Face has not indexed this paper and lists no code repository, project page, model or dataset for it\./);
  });

  it('lists them in the README of a replication started in the editor', async () => {
    const result = await vscode.commands.executeCommand<StartResult>(START, { kind: 'paper', key: 'feed:x', paper: TIDE });
    assert.strictEqual(result?.status, 'created');
    const readme = fs.readFileSync(path.join(result.dir, 'README.md'), 'utf8');
    const hub = vscode.workspace.getConfiguration('paperPractice').get<string>('huggingFace.url');
    assert.ok(readme.includes(`## Official code and artifacts\n\nFrom Hugging Face, as of `), readme);
    assert.ok(readme.includes('- Code: https://github.com/PKU-YuanGroup/TIDE (212 stars)'), readme);
    assert.ok(readme.includes(`- Models citing it: [PKU-YuanGroup/TIDE-0.6B-from-LLaDA-8B](${hub}/PKU-YuanGroup/TIDE-0.6B-from-LLaDA-8B) (1342 downloads)`), readme);
    assert.ok(readme.includes(`- Datasets citing it: [PKU-YuanGroup/TIDE-distillation-mix](${hub}/datasets/PKU-YuanGroup/TIDE-distillation-mix)`), readme);
  });
});
