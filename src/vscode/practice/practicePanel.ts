import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { renderPracticePage } from '../../core/practice/practicePage';
import type { Logger } from '../logger';
import type { PracticeService } from './practiceService';

const VIEW_TYPE = 'paperPractice.practicePage';

/** The Practice page in an editor tab: one at a time, re-rendered live as the library changes. */
export class PracticePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly practice: PracticeService,
    private readonly logger: Logger,
  ) {
    this.subscription = practice.onDidChange(() => void this.render());
  }

  /** The page's current HTML, for tests. */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return this.render();
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Practice', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media] });
    panel.iconPath = vscode.Uri.joinPath(media, 'paper-practice.svg');
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((m: { action?: string; id?: string }) => {
      if (m.action === 'openPaper' && typeof m.id === 'string') void vscode.commands.executeCommand('paperPractice.openPaper', m.id);
      if (m.action === 'setGoals') void vscode.commands.executeCommand('paperPractice.setGoals');
    });
    await this.render();
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    try {
      const summary = await this.practice.summary();
      if (!summary) {
        panel.webview.html = '<!DOCTYPE html><html><body><p>Open a folder to keep a practice library.</p></body></html>';
        return;
      }
      const media = vscode.Uri.joinPath(this.extensionUri, 'media');
      panel.webview.html = renderPracticePage(summary, {
        cspSource: panel.webview.cspSource,
        nonce: randomBytes(16).toString('base64'),
        styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'practice.css')).toString(),
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'practice.js')).toString(),
      });
    } catch (e) {
      this.logger.error(`Practice page: ${String(e)}`);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
