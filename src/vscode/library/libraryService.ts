import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LibraryCache } from '../../core/library/cache';
import { LibraryFolderWatcher } from '../../core/library/folderWatcher';
import { nodeFileSystem } from '../../core/library/nodeFileSystem';
import { NOTE_FILE } from '../../core/library/paperFolder';
import { LibraryStore, type LibraryChange } from '../../core/library/store';
import type { Logger } from '../logger';
import { settings } from '../settings';

/**
 * The library of the open workspace: a LibraryStore on `<first folder>/<libraryFolder>`, kept in
 * step with the files by a watcher (hand edits, git checkouts, another window), with malformed
 * notes reported as diagnostics. No folder open: no library.
 */
export class LibraryService implements vscode.Disposable {
  private store: LibraryStore | undefined;
  private loading: Promise<LibraryStore | undefined> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private storeDisposables: vscode.Disposable[] = [];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('paperPractice.library');
  private readonly changed = new vscode.EventEmitter<LibraryChange | { kind: 'reset' }>();
  readonly onDidChange = this.changed.event;
  private readonly fileEvents = new vscode.EventEmitter<vscode.Uri>();
  /** A note changed on disk (watcher or save), before it is re-read. */
  readonly onDidSeeNoteChange = this.fileEvents.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly logger: Logger,
  ) {
    this.disposables.push(
      this.diagnostics,
      this.changed,
      this.fileEvents,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('paperPractice.libraryFolder')) this.reset();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()),
    );
  }

  /** The library root on disk, or undefined with no folder open. */
  get rootPath(): string | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') return undefined;
    return path.join(folder.uri.fsPath, settings.libraryFolder());
  }

  /** The loaded store (loading it on first use). */
  async get(): Promise<LibraryStore | undefined> {
    if (this.store) return this.store;
    this.loading ??= this.load();
    return this.loading;
  }

  /** The store if it is already loaded; never starts a load. */
  get loaded(): LibraryStore | undefined {
    return this.store;
  }

  private async load(): Promise<LibraryStore | undefined> {
    const root = this.rootPath;
    if (!root) return undefined;
    const cacheDir = (this.context.storageUri ?? this.context.globalStorageUri).fsPath;
    const cache = new LibraryCache(nodeFileSystem, path.join(cacheDir, 'library-cache.json'), (m) => this.logger.warn(m));
    const store = new LibraryStore(nodeFileSystem, root, { cache, log: (m) => this.logger.info(m) });
    const stats = await store.load();
    this.logger.info(
      `Library ${root}: ${stats.papers} papers (${stats.fromCache} from cache, ${stats.parsed} parsed, ${stats.problems} problems) in ${stats.ms.toFixed(0)} ms`,
    );
    this.store = store;
    this.storeDisposables.push(
      { dispose: () => store.dispose() },
      toDisposable(store.onDidChange((change) => {
        // Any change can add or clear a problem (a note repaired by hand comes back as 'added').
        this.publishProblems();
        this.changed.fire(change);
      })),
      this.watch(root, store),
    );
    this.publishProblems();
    this.changed.fire({ kind: 'loaded' });
    return store;
  }

  private watch(root: string, store: LibraryStore): vscode.Disposable {
    let watcher: vscode.FileSystemWatcher | undefined;
    let watchingRoot = false;
    // A watcher rooted at the library folder sees every paper folder in it. Until that folder
    // exists (no paper saved yet) we watch for it from the workspace folder, then switch: a
    // recursive watcher can miss folders created together with their parent.
    const arm = () => {
      const exists = fs.existsSync(root);
      if (watcher && watchingRoot === exists) return;
      watcher?.dispose();
      watchingRoot = exists;
      const workspaceFolder = vscode.workspace.workspaceFolders![0];
      const relative = path.relative(workspaceFolder.uri.fsPath, root).split(path.sep).join('/');
      const pattern = exists
        ? new vscode.RelativePattern(vscode.Uri.file(root), `*/${NOTE_FILE}`)
        : new vscode.RelativePattern(workspaceFolder, `${relative}/*/${NOTE_FILE}`);
      watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate(onFile);
      watcher.onDidChange(onFile);
      watcher.onDidDelete(onFile);
    };
    const pending = new Map<string, NodeJS.Timeout>();
    const onFile = (uri: vscode.Uri) => onFolder(path.basename(path.dirname(uri.fsPath)));
    const onFolder = (folder: string) => {
      this.fileEvents.fire(vscode.Uri.file(path.join(root, folder, NOTE_FILE)));
      clearTimeout(pending.get(folder));
      // Editors save in bursts; one re-read per note after they settle.
      pending.set(folder, setTimeout(() => {
        pending.delete(folder);
        store.refresh(folder).catch((e) => this.logger.error(`Re-reading ${folder}/${NOTE_FILE}: ${String(e)}`));
      }, 100));
    };
    arm();
    const rearm = store.onDidChange((change) => change.kind === 'added' && arm());
    const osWatcher = new LibraryFolderWatcher(root, (folder) => onFolder(folder), (m) => this.logger.warn(m));
    // A note saved in the editor is re-read at once, without waiting for the file watcher.
    const onSave = vscode.workspace.onDidSaveTextDocument((doc) => {
      if (path.basename(doc.uri.fsPath) === NOTE_FILE && path.dirname(path.dirname(doc.uri.fsPath)) === root) onFile(doc.uri);
    });
    return { dispose: () => { watcher?.dispose(); osWatcher.dispose(); rearm.dispose(); onSave.dispose(); pending.forEach(clearTimeout); } };
  }

  private publishProblems(): void {
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of this.store?.problems ?? []) {
      const line = Math.max(0, problem.line - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'Paper Practice';
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), diagnostic]);
    }
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(file), list);
  }

  private reset(): void {
    this.storeDisposables.forEach((d) => d.dispose());
    this.storeDisposables = [];
    this.store = undefined;
    this.loading = undefined;
    this.diagnostics.clear();
    this.changed.fire({ kind: 'reset' });
  }

  dispose(): void {
    this.reset();
    this.disposables.forEach((d) => d.dispose());
  }
}

function toDisposable(d: { dispose(): void }): vscode.Disposable {
  return { dispose: () => d.dispose() };
}
