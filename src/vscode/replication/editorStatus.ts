/**
 * Issue 5, "status inside the editor": the replication's state where the work happens. A status
 * bar item while a file of a replication is active, a CodeLens with the verdict on each claim of
 * `replication.json`, diagnostics for claims measured outside tolerance and for manifest problems,
 * badges on the replication's files and its paper folder, and the summary on the notebook's first
 * code cell. All of them follow ReplicationState, so they change as the helper records runs.
 */
import * as vscode from 'vscode';
// From the modules themselves, not the index: the index also brings the scaffold generator,
// which loads on first use only (tools.ts).
import type { ReplicationStatus } from '../../core/replication/manifest';
import { parseManifest, type Range as CoreRange } from '../../core/replication/parseManifest';
import { claimVerdictText, measuredText, reportedText } from '../../core/replication/summary';
import { claimVerdict } from '../../core/replication/verdict';
import { isManifestUri, type ReplicationInfo, type ReplicationState } from './replicationState';

export const DIAGNOSTIC_SOURCE = 'Paper Practice';

function toRange(r: CoreRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function overviewText(info: ReplicationInfo): string {
  if (!info.summary) return 'replication.json cannot be read';
  return info.summary.text;
}

export function tooltipText(info: ReplicationInfo): string {
  const lines = [`Replication: ${overviewText(info)}`];
  if (info.summary?.detail) lines.push(info.summary.detail);
  if (info.status) lines.push(`Status the claims support: ${STATUS_WORDS[info.status]}`);
  if (info.budget) lines.push(`Compute: ${info.budget.text}`);
  const errors = info.parse.problems.filter((p) => p.severity === 'error').length;
  if (errors) lines.push(`${errors} problem${errors === 1 ? '' : 's'} in replication.json`);
  return lines.join('\n');
}

const STATUS_WORDS: Record<ReplicationStatus, string> = {
  planned: 'planned (no runs yet)',
  running: 'running',
  reproduced: 'reproduced',
  'partially-reproduced': 'partially reproduced',
  'not-reproduced': 'not reproduced',
};

// ---------------------------------------------------------------- status bar

export class ReplicationStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('paperPractice.replication', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  /** Whether the item is shown now (StatusBarItem has no getter for it). */
  visible = false;
  current: ReplicationInfo | undefined;

  constructor(private readonly state: ReplicationState) {
    this.item.name = 'Paper Practice: Replication';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeActiveNotebookEditor(() => this.update()),
      state.onDidChange(() => this.update()),
    );
    this.update();
  }

  private activeUri(): vscode.Uri | undefined {
    return vscode.window.activeNotebookEditor?.notebook.uri ?? vscode.window.activeTextEditor?.document.uri;
  }

  update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri ?? this.activeUri();
    // A notebook's cell editors have their own scheme but the notebook's path.
    const info = (uri && this.state.infoFor(uri)) ?? (vscode.window.activeNotebookEditor && this.state.infoFor(vscode.window.activeNotebookEditor.notebook.uri));
    this.current = info || undefined;
    if (!info) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const over = info.budget?.state === 'over';
    this.item.text = `$(beaker) ${overviewText(info)}${over ? ' $(warning) over budget' : ''}`;
    this.item.tooltip = tooltipText(info);
    this.item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = { title: 'Open replication.json', command: 'vscode.open', arguments: [info.manifestUri] };
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

// ---------------------------------------------------------------- CodeLens

export class ClaimCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(state: ReplicationState) {
    state.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isManifestUri(document.uri)) return [];
    const parse = parseManifest(document.getText());
    const m = parse.manifest;
    if (!m) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const claim of m.claims) {
      const range = parse.claimRanges[claim.id];
      if (!range) continue;
      const at = new vscode.Range(range.start.line, range.start.character, range.start.line, range.start.character);
      // An empty command id makes the lens plain text: the verdict is information, not an action.
      lenses.push(new vscode.CodeLens(at, { title: `${claim.id}: ${claimVerdictText(claim)}`, command: '' }));
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

// ---------------------------------------------------------------- diagnostics

/** The line of the claim that holds its runs (where the measurement is), else the claim's first line. */
function claimLine(lines: string[], range: CoreRange): vscode.Range {
  const last = Math.min(range.end.line, lines.length - 1);
  for (const key of ['"runs"', '"measured"', '"id"']) {
    for (let i = range.start.line; i <= last; i++) {
      const t = lines[i].replace(/\r$/, '');
      const at = t.indexOf(key);
      if (at >= 0) return new vscode.Range(i, at, i, t.length);
    }
  }
  return toRange(range);
}

export function manifestDiagnostics(info: ReplicationInfo): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  for (const p of info.parse.problems) {
    const d = new vscode.Diagnostic(toRange(p.range), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    d.source = DIAGNOSTIC_SOURCE;
    out.push(d);
  }
  const m = info.parse.manifest;
  if (!m) return out;
  const lines = info.text.split('\n');
  for (const claim of m.claims) {
    const range = info.parse.claimRanges[claim.id];
    if (!range) continue;
    const v = claimVerdict(claim);
    if (v.verdict !== 'not-reproduced' && v.verdict !== 'inconclusive') continue;
    const measured = measuredText(claim, v) ?? '';
    const band = `reported ${reportedText(claim)}, tolerance ${claim.tolerance}`;
    const message =
      v.verdict === 'not-reproduced'
        ? `Claim ${claim.id} not reproduced: measured ${measured} is outside the tolerance (${band}).`
        : `Claim ${claim.id} inconclusive: measured ${measured} straddles the tolerance (${band}); more seeds would decide.`;
    const d = new vscode.Diagnostic(
      claimLine(lines, range),
      message,
      v.verdict === 'not-reproduced' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
    );
    d.source = DIAGNOSTIC_SOURCE;
    d.code = v.verdict;
    out.push(d);
  }
  return out;
}

// ---------------------------------------------------------------- file decorations

const BADGES: Record<ReplicationStatus, { badge: string; color?: string; words: string }> = {
  reproduced: { badge: '✓', color: 'testing.iconPassed', words: 'reproduced' },
  'partially-reproduced': { badge: '≈', color: 'editorWarning.foreground', words: 'partially reproduced' },
  'not-reproduced': { badge: '✗', color: 'testing.iconFailed', words: 'not reproduced' },
  running: { badge: '…', words: 'running' },
  planned: { badge: '…', words: 'planned, no runs yet' },
};

export class ReplicationDecorations implements vscode.FileDecorationProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;

  constructor(private readonly state: ReplicationState) {
    state.onDidChange((e) => {
      const dir = 'removed' in e ? e.removed : e.dir;
      const files = ['replication.json', 'notebook.ipynb'].map((f) => vscode.Uri.joinPath(dir, f));
      this.changed.fire([dir, vscode.Uri.joinPath(dir, '..'), ...files]);
    });
  }

  /** Which replication a uri is decorated for: the folder, its manifest or notebook, or the paper folder. */
  private infoFor(uri: vscode.Uri): ReplicationInfo | undefined {
    const own = this.state.infoFor(uri);
    if (own && (uri.path === own.dir.path || uri.path === own.manifestUri.path || uri.path === own.notebookUri.path)) return own;
    return this.state.infoForPaperDir(uri);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const info = this.infoFor(uri);
    if (!info?.status || !info.summary) return undefined;
    const b = BADGES[info.status];
    const over = info.budget?.state === 'over' ? ` · ${info.budget.text}` : '';
    const detail = info.summary.detail ? ` (${info.summary.detail})` : '';
    const deco = new vscode.FileDecoration(b.badge, `Replication ${b.words}: ${info.summary.text}${detail}${over}`, b.color ? new vscode.ThemeColor(b.color) : undefined);
    deco.propagate = false;
    return deco;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

// ---------------------------------------------------------------- notebook cell status bar

export class NotebookSummaryProvider implements vscode.NotebookCellStatusBarItemProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCellStatusBarItems = this.changed.event;

  constructor(private readonly state: ReplicationState) {
    state.onDidChange(() => this.changed.fire());
  }

  /**
   * On the notebook's first code cell (the one that imports the helper): the status bar of a
   * markdown cell, such as the title, only shows while it is being edited.
   */
  provideCellStatusBarItems(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    const firstCode = cell.notebook.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code);
    if (cell !== firstCode) return [];
    const info = this.state.infoFor(cell.notebook.uri);
    if (!info || info.notebookUri.path !== cell.notebook.uri.path) return [];
    const over = info.budget?.state === 'over';
    const item = new vscode.NotebookCellStatusBarItem(`$(beaker) ${overviewText(info)}${over ? ' $(warning) over budget' : ''}`, vscode.NotebookCellStatusBarAlignment.Left);
    item.tooltip = tooltipText(info);
    item.command = { title: 'Open replication.json', command: 'vscode.open', arguments: [info.manifestUri, vscode.ViewColumn.Beside] };
    return [item];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
