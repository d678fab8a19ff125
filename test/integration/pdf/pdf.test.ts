import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PaperDetails } from '../../../src/core/arxiv/types';
import type { FeedsNode } from '../../../src/vscode/feeds/feedsTree';
import type { PdfTabState } from '../../../src/vscode/pdf/pdfEditor';
import { api, fakeRequests, injectFault, setSetting, waitFor } from '../helpers';

async function feedPaper(index: number): Promise<PaperDetails> {
  const subs = (await (await api()).views.feeds.getChildren()).filter((n): n is Extract<FeedsNode, { kind: 'subscription' }> => n.kind === 'subscription');
  return subs[0].cache.papers[index].paper;
}

async function openedTab(paper: PaperDetails): Promise<PdfTabState> {
  const exports = await api();
  return waitFor(
    () => [...exports.pdfEditor.tabs.values()].find((t) => t.uri.fsPath.endsWith(`${paper.id.replace('/', '_')}v${paper.version}.pdf`) && (t.pages > 0 || t.error)),
    () => `the PDF tab to load (tabs: ${JSON.stringify([...exports.pdfEditor.tabs.values()].map((t) => ({ uri: t.uri.fsPath, events: t.events })))})`,
    30_000,
  );
}

describe('PDF in an editor tab', function () {
  this.timeout(60_000);

  before(async () => {
    await setSetting('paperPractice.subscriptions', [{ kind: 'category', categories: ['quant-ph'] }]);
    await vscode.commands.executeCommand('paperPractice.refreshFeeds');
  });

  it('downloads a paper’s PDF once, renders it with pdf.js, and serves it from disk afterwards', async () => {
    const paper = await feedPaper(10);
    const pdfRequests = async () => (await fakeRequests()).filter((r) => r.path.startsWith('/pdf/'));
    const before = (await pdfRequests()).length;
    await vscode.commands.executeCommand('paperPractice.openPdf', paper);
    const tab = await openedTab(paper);
    assert.strictEqual(tab.error, undefined);
    assert.strictEqual(tab.pages, 3);
    assert.strictEqual(fs.readFileSync(tab.uri.fsPath).subarray(0, 5).toString(), '%PDF-');
    const downloads = await pdfRequests();
    assert.strictEqual(downloads.length, before + 1);
    assert.strictEqual(downloads[downloads.length - 1].path, `/pdf/${paper.id}v${paper.version}`);

    // Opening it again shows the same tab; asking for the file again reads the cache, offline.
    await vscode.commands.executeCommand('paperPractice.openPdf', paper);
    const again = await (await api()).pdfs.ensure(paper);
    assert.strictEqual(again?.fsPath, tab.uri.fsPath);
    assert.strictEqual((await pdfRequests()).length, before + 1, 'the cached PDF was downloaded again');
  });

  it('is offered for .pdf files without taking them over (priority option)', async () => {
    const ext = vscode.extensions.getExtension('paper-practice.paper-practice')!;
    const editors = (ext.packageJSON as { contributes: { customEditors: { viewType: string; priority: string }[] } }).contributes.customEditors;
    assert.deepStrictEqual(editors.map((e) => [e.viewType, e.priority]), [['paperPractice.pdf', 'option']]);
  });

  it('turns to a page and reports the page shown back to the extension', async () => {
    const paper = await feedPaper(10);
    const tab = await openedTab(paper);
    const pdfEditor = (await api()).pdfEditor;
    for (const page of [3, 2]) {
      assert.ok(await pdfEditor.post(tab.uri, { type: 'goToPage', page }), 'the message was not delivered');
      await waitFor(() => tab.page === page, () => `page ${page} (the tab is on ${tab.page}; events ${tab.events.slice(-5).join(', ')})`);
    }
    // A page the document does not have leaves the tab where it is.
    await pdfEditor.post(tab.uri, { type: 'goToPage', page: 99 });
    await pdfEditor.post(tab.uri, { type: 'goToPage', page: 1 });
    await waitFor(() => tab.page === 1, () => `page 1 (the tab is on ${tab.page})`);
  });

  it('quotes a selection into the paper’s notes with its page, and shows the note beside the PDF', async () => {
    const paper = await feedPaper(10);
    const tab = await openedTab(paper);
    await (await api()).pdfEditor.quote(tab.uri, 'Multi-head attention allows the model to jointly at-\ntend to information', 2);
    const entry = (await (await api()).library.get())!.get(paper.id);
    assert.ok(entry, 'quoting saved the paper to the library');
    const text = fs.readFileSync(entry.notePath, 'utf8');
    assert.ok(text.endsWith('> Multi-head attention allows the model to jointly attend to information\n>\n> — p. 2\n'), text.slice(-200));
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === entry.notePath));
  });

  it('says clearly when arXiv sends an HTML page instead of the PDF, and keeps no broken file', async () => {
    const paper = await feedPaper(11);
    await injectFault({ kind: 'html' }, '/pdf/');
    const local = await (await api()).pdfs.localPath(paper);
    await vscode.commands.executeCommand('paperPractice.openPdf', paper);
    assert.ok(!fs.existsSync(local), 'a file was left in the PDF cache');
    assert.ok(!fs.readdirSync(path.dirname(local)).some((f) => f.endsWith('.tmp')), 'a temporary file was left behind');
    assert.ok(![...(await api()).pdfEditor.tabs.values()].some((t) => t.uri.fsPath.includes(paper.id)));
    // The fault was for one request: the next download succeeds and is kept.
    const retried = await (await api()).pdfs.ensure(paper);
    assert.strictEqual(retried?.fsPath, local);
    assert.strictEqual(fs.readFileSync(local).subarray(0, 5).toString(), '%PDF-');
  });

  for (const [what, fault, reason] of [
    ['answers 404', { kind: 'status', status: 404 }, /HTTP 404/],
    ['cuts the download off half-way', { kind: 'truncate' }, /cut off/],
  ] as const) {
    it(`reports why when arXiv ${what}, and keeps no broken file`, async () => {
      const paper = await feedPaper(12);
      const pdfs = (await api()).pdfs;
      const local = await pdfs.localPath(paper);
      assert.ok(!fs.existsSync(local), 'the PDF is cached already');
      await injectFault(fault, '/pdf/');
      await assert.rejects(pdfs.ensure(paper), (e: Error) => reason.test(e.message));
      assert.ok(!fs.existsSync(local), 'a file was left in the PDF cache');
      assert.ok(!fs.readdirSync(path.dirname(local)).some((f) => f.endsWith('.tmp')), 'a temporary file was left behind');
    });
  }
});
