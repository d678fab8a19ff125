import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { PaperDetails } from '../../core/arxiv/types';
import { renderArtifactsBody } from '../../core/detail/artifactsSection';
import { renderPaperPage, renderRecommendationSection, type RecommendationModel } from '../../core/detail/paperPage';
import { ArtifactsLookup, type ArtifactsState } from '../../core/replication/artifactsLookup';
import { STATUSES, STATUS_LABELS } from '../../core/library/record';
import { plainTitle } from '../../core/text/texText';
import type { LibraryService } from '../library/libraryService';
import type { Recommendations } from '../ranking/recommendations';
import { settings } from '../settings';

const VIEW_TYPE = 'paperPractice.paper';

/** Actions the page's buttons send; each maps to the command of the same purpose. */
const ACTION_COMMANDS: Record<string, string> = {
  save: 'paperPractice.savePaper',
  setStatus: 'paperPractice.setStatus',
  openPdf: 'paperPractice.openPdf',
  openNotes: 'paperPractice.openNotes',
  startReplication: 'paperPractice.startReplication',
  copyBibtex: 'paperPractice.copyBibtex',
};

interface OpenPanel {
  panel: vscode.WebviewPanel;
  paper: PaperDetails;
  /** Official code and artifacts as the page shows them now. */
  artifacts: ArtifactsState;
}

/**
 * Paper detail tabs: one webview editor per paper, reused when opened again, re-rendered when the
 * paper's library record changes. The page is static HTML under a strict CSP; the only script
 * posts button actions back here, and fills in the "Code and artifacts" section when the Hugging
 * Face lookup, started as the tab opens, answers (the page never waits for it).
 */
export class DetailPanels implements vscode.Disposable {
  private readonly panels = new Map<string, OpenPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  /** "Why recommended" per paper id, for the current ranking; filled after the page opens. */
  private readonly explanations = new Map<string, RecommendationModel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly library: LibraryService,
    private readonly recommendations: Recommendations,
    private readonly artifacts = new ArtifactsLookup(),
  ) {
    this.disposables.push(
      library.onDidChange(() => this.panels.forEach((open) => this.render(open))),
      recommendations.onDidChange((state) => {
        if (state.kind !== 'ready') return;
        this.explanations.clear();
        this.panels.forEach(({ paper }) => void this.explain(paper));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('paperPractice.huggingFace.url')) this.panels.forEach((open) => this.loadArtifacts(open, true));
      }),
      { dispose: () => this.artifacts.dispose() },
    );
  }

  /** Paper ids with an open tab (for tests and for "reveal"). */
  get openIds(): string[] {
    return [...this.panels.keys()];
  }

  /** The "Code and artifacts" section's body as last sent to a paper's tab (for tests). */
  artifactsShown(id: string): string | undefined {
    const open = this.panels.get(id);
    return open ? renderArtifactsBody(open.artifacts) : undefined;
  }

  show(paper: PaperDetails): vscode.WebviewPanel {
    const open = this.panels.get(paper.id);
    if (open) {
      open.paper = paper.version >= open.paper.version ? paper : open.paper;
      this.render(open);
      open.panel.reveal();
      if (open.artifacts.kind === 'failed') this.loadArtifacts(open, true);
      return open.panel;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, shortTitle(paper.title), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'paper-practice.svg');
    const entry: OpenPanel = { panel, paper, artifacts: this.artifacts.peek(paper.id, settings.huggingFaceUrl()) };
    this.panels.set(paper.id, entry);
    panel.onDidDispose(() => this.panels.delete(paper.id));
    panel.webview.onDidReceiveMessage((message: { action?: string; value?: string }) => {
      // The page (re)loaded: give it what the lookups found meanwhile.
      if (message.action === 'ready') {
        this.postExplanation(entry);
        return this.postArtifacts(entry);
      }
      const command = message.action ? ACTION_COMMANDS[message.action] : undefined;
      if (!command) return;
      const args: unknown[] = [entry.paper];
      if (message.action === 'setStatus' && message.value) args.push(message.value);
      void vscode.commands.executeCommand(command, ...args);
    });
    this.render(entry);
    this.loadArtifacts(entry);
    void this.explain(paper);
    return panel;
  }

  /** Asks the ranker why (never delaying the page), then shows it if the tab is still open. */
  private async explain(paper: PaperDetails): Promise<void> {
    if (this.library.loaded?.get(paper.id) || this.explanations.has(paper.id)) return;
    try {
      const result = await this.recommendations.explain(paper);
      const open = this.panels.get(paper.id);
      if (!result || !open) return;
      this.explanations.set(paper.id, {
        basis: this.recommendations.basis,
        score: result.explanation.score,
        reason: result.explanation.mode === 'model' ? null : result.reason,
        terms: result.explanation.terms.map((t) => ({ term: t.term, libraryPapers: t.libraryPapers })),
      });
      // Filled in by the page script: re-rendering would reload the page under the reader.
      this.postExplanation(open);
    } catch {
      // The Feeds view reports ranking failures; the page simply goes without the section.
    }
  }

  /** The explanation shown for a paper, for tests. */
  explanationOf(id: string): RecommendationModel | undefined {
    return this.explanations.get(id);
  }

  /** Starts the lookup (or takes the remembered answer) and shows the result when it comes. */
  private loadArtifacts(open: OpenPanel, again = false): void {
    const baseUrl = settings.huggingFaceUrl();
    const id = open.paper.id;
    if (again) {
      open.artifacts = this.artifacts.peek(id, baseUrl);
      this.postArtifacts(open);
    }
    if (open.artifacts.kind !== 'loading') return;
    void this.artifacts.lookup(id, baseUrl).then((state) => {
      if (this.panels.get(id) !== open || settings.huggingFaceUrl() !== baseUrl) return;
      open.artifacts = state;
      this.postArtifacts(open);
    });
  }

  private postExplanation(open: OpenPanel): void {
    const explanation = this.explanations.get(open.paper.id);
    if (!explanation || this.library.loaded?.get(open.paper.id)) return;
    void open.panel.webview.postMessage({ type: 'recommendation', html: renderRecommendationSection(explanation) });
  }

  private postArtifacts(open: OpenPanel): void {
    void open.panel.webview.postMessage({ type: 'artifacts', html: renderArtifactsBody(open.artifacts), busy: open.artifacts.kind === 'loading' });
  }

  private render({ panel, paper, artifacts }: OpenPanel): void {
    const webview = panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const record = this.library.loaded?.get(paper.id)?.record;
    panel.title = shortTitle(paper.title);
    webview.html = renderPaperPage(
      {
        paper,
        status: record ? record.status : null,
        statuses: STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
        tags: record?.tags ?? [],
        recommendation: record ? null : this.explanations.get(paper.id),
        artifacts,
      },
      {
        cspSource: webview.cspSource,
        nonce: randomBytes(16).toString('base64'),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'detail.css')).toString(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'detail.js')).toString(),
      },
    );
  }

  dispose(): void {
    this.panels.forEach(({ panel }) => panel.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}

function shortTitle(title: string): string {
  const flat = plainTitle(title);
  return flat.length > 48 ? `${flat.slice(0, 47)}…` : flat;
}
