import * as vscode from 'vscode';
// From the modules themselves, not the index (see editorStatus.ts).
import { budgetStatus, type BudgetStatus } from '../../core/replication/budget';
import { MANIFEST_FILE, NOTEBOOK_FILE, type ReplicationStatus, SCAFFOLD_DIR } from '../../core/replication/manifest';
import { type ManifestParse, parseManifest } from '../../core/replication/parseManifest';
import { type ManifestSummary, suggestStatus, summarizeManifest } from '../../core/replication/summary';
import type { Logger } from '../logger';

/** What the editor shows for one replication folder, re-derived on every change of its manifest. */
export interface ReplicationInfo {
  /** `<paper folder>/replication` */
  dir: vscode.Uri;
  manifestUri: vscode.Uri;
  notebookUri: vscode.Uri;
  paperDir: vscode.Uri;
  /** The manifest's text the rest was derived from. */
  text: string;
  parse: ManifestParse;
  /** null when the manifest is not a JSON object at all. */
  summary: ManifestSummary | null;
  budget: BudgetStatus | null;
  /** What the claims support now (not what the file says), null without a manifest. */
  status: ReplicationStatus | null;
}

/** The glob every piece watches; the manifest sits directly in a `replication` folder. */
export const MANIFEST_GLOB = `**/${SCAFFOLD_DIR}/${MANIFEST_FILE}`;

export function isManifestUri(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${SCAFFOLD_DIR}/${MANIFEST_FILE}`);
}

function parent(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/**
 * The replication manifests of the workspace, parsed: from the open document when there is one
 * (so unsaved edits show at once), from disk otherwise. A file watcher and document events keep it
 * current; `onDidChange` tells the status bar, CodeLens, diagnostics and decorations what changed.
 */
export class ReplicationState implements vscode.Disposable {
  /** By the replication folder's path. */
  private readonly byDir = new Map<string, ReplicationInfo>();
  private readonly changed = new vscode.EventEmitter<ReplicationInfo | { removed: vscode.Uri }>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private scanned: Promise<void> | undefined;
  /**
   * One non-recursive watcher per replication folder besides the workspace-wide one: a recursive
   * watcher can miss files in folders created after it started (see LibraryService.watch).
   */
  private readonly folderWatchers = new Map<string, vscode.Disposable>();

  constructor(private readonly logger: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher(MANIFEST_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isManifestUri(e.document.uri) && e.contentChanges.length) this.accept(e.document.uri, e.document.getText());
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (isManifestUri(doc.uri)) this.accept(doc.uri, doc.getText());
      }),
      // Closing an edited manifest without saving: what counts again is the file.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (isManifestUri(doc.uri)) this.schedule(doc.uri);
      }),
    );
  }

  /** Finds the manifests already in the workspace (once; later ones come through the watcher). */
  scan(): Promise<void> {
    this.scanned ??= (async () => {
      const found = await vscode.workspace.findFiles(MANIFEST_GLOB, '**/node_modules/**', 2000);
      await Promise.all(found.map((uri) => this.load(uri)));
    })().catch((e) => this.logger.warn(`Looking for replication manifests: ${String(e)}`));
    return this.scanned;
  }

  get all(): ReplicationInfo[] {
    return [...this.byDir.values()];
  }

  /** The replication a file or folder belongs to: the folder itself, its manifest, notebook, or anything below it. */
  infoFor(uri: vscode.Uri): ReplicationInfo | undefined {
    const p = uri.path;
    let best: ReplicationInfo | undefined;
    for (const [dir, info] of this.byDir) {
      if ((p === dir || p.startsWith(`${dir}/`)) && (!best || dir.length > best.dir.path.length)) best = info;
    }
    return best;
  }

  /** The replication whose paper folder is exactly `uri`. */
  infoForPaperDir(uri: vscode.Uri): ReplicationInfo | undefined {
    return this.byDir.get(`${uri.path}/${SCAFFOLD_DIR}`);
  }

  /** Reads the manifest now (the open document's text when it is open) and publishes it. */
  async load(manifestUri: vscode.Uri): Promise<ReplicationInfo | undefined> {
    // An edited document wins; a clean one may not have reloaded yet, so the file is read.
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === manifestUri.toString());
    if (doc?.isDirty) return this.accept(manifestUri, doc.getText());
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(manifestUri);
    } catch {
      this.forget(manifestUri);
      return undefined;
    }
    return this.accept(manifestUri, new TextDecoder().decode(bytes));
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    // Writers (the Python helper, editors) save in bursts: read once they settle.
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.load(uri);
      }, 50),
    );
  }

  private accept(manifestUri: vscode.Uri, text: string): ReplicationInfo {
    const dir = parent(manifestUri);
    const parse = parseManifest(text);
    const m = parse.manifest;
    const info: ReplicationInfo = {
      dir,
      manifestUri,
      notebookUri: vscode.Uri.joinPath(dir, NOTEBOOK_FILE),
      paperDir: parent(dir),
      text,
      parse,
      summary: m ? summarizeManifest(m) : null,
      budget: m ? budgetStatus(m.compute) : null,
      status: m ? suggestStatus(m) : null,
    };
    this.byDir.set(dir.path, info);
    this.watchFolder(dir);
    this.changed.fire(info);
    return info;
  }

  private forget(manifestUri: vscode.Uri): void {
    const dir = parent(manifestUri);
    this.folderWatchers.get(dir.path)?.dispose();
    this.folderWatchers.delete(dir.path);
    if (this.byDir.delete(dir.path)) this.changed.fire({ removed: dir });
  }

  private watchFolder(dir: vscode.Uri): void {
    if (this.folderWatchers.has(dir.path)) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, MANIFEST_FILE));
    watcher.onDidCreate((uri) => this.schedule(uri));
    watcher.onDidChange((uri) => this.schedule(uri));
    watcher.onDidDelete((uri) => this.forget(uri));
    this.folderWatchers.set(dir.path, watcher);
  }

  dispose(): void {
    this.pending.forEach((t) => clearTimeout(t));
    this.folderWatchers.forEach((w) => w.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
