import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { parsePdfFileName } from '../../core/pdf/pdfCache';
import { renderPdfViewerPage } from '../../core/pdf/viewerPage';
import { appendQuote } from '../../core/notes/quote';
import type { FromWebview, ToWebview } from '../../webview/pdf/protocol';
import { reportError } from '../errors';
import type { Logger } from '../logger';

export const PDF_VIEW_TYPE = 'paperPractice.pdf';

/** What the tests (and "Quote in notes") can know about an open PDF tab. */
export interface PdfTabState {
  uri: vscode.Uri;
  pages: number;
  page: number;
  error?: string;
  panel: vscode.WebviewPanel;
  /** Messages from the tab, in order (shown when a test waits in vain). */
  events: string[];
}

/**
 * The PDF editor: a read-only custom editor registered for `.pdf` with priority "option", so it
 * never takes PDFs away from another viewer; "Open PDF" opens papers with it explicitly.
 */
export class PdfEditorProvider implements vscode.CustomReadonlyEditorProvider {
  readonly tabs = new Map<string, PdfTabState>();
  private readonly loadedEmitter = new vscode.EventEmitter<PdfTabState>();
  readonly onDidLoad = this.loadedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
    /** Finds the note of the paper a PDF belongs to (by its file name), creating it if needed. */
    private readonly noteForPaper: (id: string, version: number) => Promise<vscode.Uri | undefined>,
  ) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const assets = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [assets] };
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(assets, name)).toString();
    webview.html = renderPdfViewerPage(path.basename(document.uri.fsPath), {
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: asset('pdf.js'),
      styleUri: asset('pdf.css'),
      workerUri: asset('pdf.worker.min.mjs'),
    });
    const key = document.uri.toString();
    const state: PdfTabState = { uri: document.uri, pages: 0, page: 1, panel, events: [] };
    this.tabs.set(key, state);
    panel.onDidDispose(() => this.tabs.get(key) === state && this.tabs.delete(key));
    webview.onDidReceiveMessage(async (message: FromWebview) => {
      state.events.push(message.type);
      switch (message.type) {
        case 'ready': {
          const bytes = await vscode.workspace.fs.readFile(document.uri);
          // An ArrayBuffer of exactly the file: VS Code transfers it without copying it to JSON.
          const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
          const delivered = await webview.postMessage({ type: 'open', data, title: path.basename(document.uri.fsPath) } satisfies ToWebview);
          state.events.push(`open posted (${delivered ? 'delivered' : 'not delivered'})`);
          break;
        }
        case 'loaded':
          state.pages = message.pages;
          this.loadedEmitter.fire(state);
          break;
        case 'page':
          state.page = message.page;
          break;
        case 'quote':
          await this.quote(document.uri, message.text, message.page);
          break;
        case 'error':
          state.error = message.message;
          this.logger.error(`PDF ${document.uri.fsPath}: ${message.message}`);
          this.loadedEmitter.fire(state);
          break;
      }
    });
  }

  /** Appends a quote with its page to the paper's note, and shows the note beside the PDF. */
  async quote(pdf: vscode.Uri, text: string, page: number): Promise<void> {
    const paper = parsePdfFileName(path.basename(pdf.fsPath));
    const note = paper ? await this.noteForPaper(paper.id, paper.version) : undefined;
    if (!note) {
      void vscode.window.showWarningMessage('This PDF is not a paper of your library, so it has no notes to quote into.');
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(note);
      const current = document.getText();
      const added = appendQuote(current, text, page).slice(current.length);
      if (!added) return;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(note, document.positionAt(current.length), added);
      await vscode.workspace.applyEdit(edit);
      await document.save();
      const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
      const end = document.positionAt(document.getText().length);
      editor.revealRange(new vscode.Range(end, end));
    } catch (e) {
      reportError(this.logger, 'Quoting into the notes failed', e);
    }
  }

  /** Sends a command to an open tab (tests use it to search and turn pages). */
  async post(uri: vscode.Uri, message: ToWebview): Promise<boolean> {
    const tab = this.tabs.get(uri.toString());
    return tab ? tab.panel.webview.postMessage(message) : false;
  }
}
