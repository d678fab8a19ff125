/**
 * The library: one folder per paper under the library folder, each with a `notes.md` whose front
 * matter is the paper's record. The store reads them all, adds papers, and changes records; it
 * rewrites only the front matter, never the body, and never writes a note it cannot parse.
 */
import type { Paper } from '../arxiv/types';
import type { CachedNote, LibraryCache } from './cache';
import { Emitter } from './emitter';
import { type FileStat, joinPath, type LibraryFileSystem } from './fileSystem';
import type { TextProblem } from './frontMatter';
import { LibraryError } from './libraryError';
import { parseNote, renderNote, rewriteNote } from './note';
import { NOTE_FILE, paperFolderName } from './paperFolder';
import { applyPatch, datesOnEntering, type RecordPatch, validatePatch } from './patch';
import { type LibraryRecord, localDay, type PaperStatus, recordFromPaper } from './record';
import { type NoteWriterOptions, updateFile } from './noteWriter';

export interface LibraryEntry {
  /** Folder name under the library folder, e.g. `1706.03762-attention-is-all-you-need`. */
  folder: string;
  notePath: string;
  record: LibraryRecord;
  /** The user's notes (for full-text search and previews). */
  body: string;
  /** Front matter keys the user added. */
  extras: Record<string, unknown>;
}

export interface LibraryProblem {
  /** Path of the note that has the problem. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
}

export type LibraryChange =
  | { kind: 'loaded' }
  | { kind: 'added'; entry: LibraryEntry }
  | { kind: 'updated'; entry: LibraryEntry }
  | { kind: 'removed'; id: string; folder: string }
  | { kind: 'problems' };

export interface LoadStats {
  papers: number;
  /** Notes read and parsed because the cache did not have them as they are now. */
  parsed: number;
  fromCache: number;
  problems: number;
  ms: number;
}

export interface LibraryStoreOptions extends NoteWriterOptions {
  cache?: LibraryCache;
  /** The clock that decides "today" for added / started / finished. */
  now?: () => Date;
  log?: (message: string) => void;
}

export interface AddOptions {
  status?: PaperStatus;
  tags?: string[];
  /** The note body; by default a heading with the title. */
  body?: string;
}

/** Removed papers are moved here (inside the library, so the user can move them back). */
export const REMOVED_FOLDER = '.removed';

/** Parallel file operations during a load: enough to hide latency, few enough for any file system. */
const LOAD_CONCURRENCY = 32;

/** Longest stretch a load runs before letting other work on the event loop have a turn. */
const SLICE_MS = 20;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let sliceStart = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
      // A file system whose calls complete synchronously would otherwise hold the loop throughout.
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function toCached(text: string, stat: Pick<FileStat, 'mtimeMs' | 'size'>): CachedNote {
  const parsed = parseNote(text);
  if (!parsed.ok) return { ...stat, problems: parsed.problems };
  const { record, body, extras } = parsed.note;
  return { ...stat, note: { record, body, extras } };
}

export class LibraryStore {
  private byFolder = new Map<string, LibraryEntry>();
  private byId = new Map<string, LibraryEntry>();
  private problemsByFolder = new Map<string, LibraryProblem[]>();
  /** What the cache will hold: notes exactly as stat'ed during the last load. */
  private snapshot = new Map<string, CachedNote>();
  private snapshotDirty = false;
  private observedAt = 0;
  private readonly changes = new Emitter<LibraryChange>();
  readonly onDidChange = this.changes.event;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;

  constructor(
    private readonly fs: LibraryFileSystem,
    /** The library folder, e.g. `<workspace>/papers`. */
    readonly root: string,
    private readonly options: LibraryStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  get entries(): LibraryEntry[] {
    return [...this.byId.values()];
  }

  get(id: string): LibraryEntry | undefined {
    return this.byId.get(id);
  }

  get problems(): LibraryProblem[] {
    return [...this.problemsByFolder.values()].flat();
  }

  /** Reads every `<folder>/notes.md`, from the cache where the file is unchanged. */
  async load(): Promise<LoadStats> {
    const started = Date.now();
    this.observedAt = started;
    const cached = (await this.options.cache?.read(this.root)) ?? new Map<string, CachedNote>();
    const folders = await this.listFolders();
    let parsed = 0;
    const notes = await mapLimit(folders, LOAD_CONCURRENCY, async (folder) => {
      const stat = await this.fs.stat(this.notePath(folder));
      if (stat?.type !== 'file') return undefined; // a folder of the user's own, not a paper
      const hit = cached.get(folder);
      if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit;
      parsed++;
      return toCached(await this.fs.readFile(this.notePath(folder)), { mtimeMs: stat.mtimeMs, size: stat.size });
    });
    this.byFolder.clear();
    this.byId.clear();
    this.problemsByFolder.clear();
    this.snapshot.clear();
    folders.forEach((folder, i) => {
      const note = notes[i];
      if (!note) return;
      this.snapshot.set(folder, note);
      this.apply(folder, note);
    });
    this.snapshotDirty = parsed > 0 || cached.size !== this.snapshot.size;
    await this.flushCache();
    const stats: LoadStats = {
      papers: this.byId.size,
      parsed,
      fromCache: this.snapshot.size - parsed,
      problems: this.problems.length,
      ms: Date.now() - started,
    };
    this.log(`Library: ${stats.papers} papers (${stats.fromCache} from cache, ${stats.parsed} parsed, ${stats.problems} problems) in ${stats.ms} ms`);
    this.changes.fire({ kind: 'loaded' });
    return stats;
  }

  /** Saves the cache if anything changed since it was last written. Errors are logged, not thrown. */
  async flushCache(): Promise<void> {
    const cache = this.options.cache;
    if (!cache || !this.snapshotDirty) return;
    try {
      await cache.write(this.root, this.snapshot, this.observedAt);
      this.snapshotDirty = false;
    } catch (e) {
      this.log(`Library cache ${cache.path} could not be written: ${String(e)}`);
    }
  }

  /** Saves a paper as `<id>-<slug>/notes.md`; a paper already in the library is returned as it is. */
  async add(paper: Paper, options: AddOptions = {}): Promise<{ entry: LibraryEntry; created: boolean }> {
    const existing = this.byId.get(paper.id);
    if (existing) return { entry: existing, created: false };
    const today = localDay(this.now());
    const saved = recordFromPaper(paper, { status: options.status, tags: options.tags, added: today });
    // Saved straight to "read" (or "reading"…): the dates say so, as if the status had been set.
    const record = { ...saved, ...datesOnEntering(saved.status, saved, today) };
    const text = renderNote(record, options.body ?? `\n# ${record.title}\n\n`);
    const base = paperFolderName(paper.id, record.title);
    for (let n = 1; n <= 20; n++) {
      const folder = n === 1 ? base : `${base}-${n}`;
      await this.fs.createDirectory(joinPath(this.root, folder));
      let found: string | undefined;
      const result = await updateFile(
        this.fs,
        this.notePath(folder),
        (current) => {
          found = current;
          return current === undefined ? text : undefined;
        },
        this.options,
      );
      if (result.written) return { entry: this.acceptOwn(folder, text, 'added'), created: true };
      // Another window saved the same paper first, or the folder holds a note we must not touch.
      const there = parseNote(found ?? '');
      if (there.ok && there.note.record.id === paper.id) return { entry: this.acceptOwn(folder, found ?? '', 'added'), created: false };
    }
    throw new LibraryError('conflict', `No free folder for paper ${paper.id} under ${this.root}`);
  }

  /**
   * Applies the change to the note as it is on disk now, so edits made meanwhile in another window
   * or in the editor are kept. Setting a status also sets the dates it implies (see patch.ts).
   */
  async update(id: string, patch: RecordPatch): Promise<LibraryEntry> {
    const invalid = validatePatch(patch);
    if (invalid) throw new LibraryError('invalid-change', invalid);
    const entry = this.byId.get(id);
    if (!entry) throw new LibraryError('not-found', `Paper ${id} is not in the library`);
    const today = localDay(this.now());
    if ((await this.fs.stat(entry.notePath))?.type !== 'file') return this.gone(entry);
    let malformed: TextProblem[] | undefined;
    const result = await updateFile(
      this.fs,
      entry.notePath,
      (current) => {
        if (current === undefined) return undefined;
        const rewrite = rewriteNote(current, (record) => applyPatch(record, patch, today));
        malformed = rewrite.ok ? undefined : rewrite.problems;
        return rewrite.ok ? rewrite.text : undefined;
      },
      this.options,
    );
    if (result.text === undefined) return this.gone(entry);
    if (malformed) {
      this.forget(entry.folder);
      this.setProblems(entry.folder, malformed);
      this.changes.fire({ kind: 'problems' });
      const first = malformed[0];
      throw new LibraryError('malformed', `${entry.notePath}:${first.line}: ${first.message}`, entry.notePath);
    }
    return this.acceptOwn(entry.folder, result.text, 'updated');
  }

  /**
   * Moves the paper's folder to `.removed/` (returning where it went), or deletes it when
   * `deleteFiles` is set. Either way its notes and replication files go with it.
   */
  async remove(id: string, options: { deleteFiles?: boolean } = {}): Promise<string | undefined> {
    const entry = this.byId.get(id);
    if (!entry) throw new LibraryError('not-found', `Paper ${id} is not in the library`);
    const from = joinPath(this.root, entry.folder);
    let movedTo: string | undefined;
    if (options.deleteFiles) {
      await this.fs.delete(from, { recursive: true });
    } else {
      await this.fs.createDirectory(joinPath(this.root, REMOVED_FOLDER));
      movedTo = joinPath(this.root, REMOVED_FOLDER, entry.folder);
      if (await this.fs.stat(movedTo)) movedTo += `-${this.now().getTime()}`;
      await this.fs.rename(from, movedTo);
    }
    this.forget(entry.folder);
    return movedTo;
  }

  /** Re-reads one paper's note after it changed on disk (the extension's file watcher calls this). */
  async refresh(folder: string): Promise<void> {
    const stat = await this.fs.stat(this.notePath(folder));
    if (stat?.type !== 'file') {
      this.forget(folder);
      return;
    }
    this.accept(folder, await this.fs.readFile(this.notePath(folder)), 'updated');
  }

  private gone(entry: LibraryEntry): never {
    this.forget(entry.folder);
    throw new LibraryError('not-found', `The note of paper ${entry.record.id} is gone: ${entry.notePath}`, entry.notePath);
  }

  dispose(): void {
    this.changes.dispose();
  }

  private notePath(folder: string): string {
    return joinPath(this.root, folder, NOTE_FILE);
  }

  private async listFolders(): Promise<string[]> {
    if ((await this.fs.stat(this.root))?.type !== 'directory') return [];
    const children = await this.fs.readDirectory(this.root);
    // Sorted, so when two folders claim one id the same one wins in every window.
    return children
      .filter(([name, type]) => type === 'directory' && !name.startsWith('.'))
      .map(([name]) => name)
      .sort();
  }

  /** Takes a note's text as the truth for its folder after a write or an outside change. */
  private accept(folder: string, text: string, kind: 'added' | 'updated'): LibraryEntry | undefined {
    // The mtime is unknown here, so the note is simply re-parsed on the next warm start.
    this.snapshot.delete(folder);
    this.snapshotDirty = true;
    const previous = this.byFolder.get(folder);
    if (previous) this.byId.delete(previous.record.id);
    this.byFolder.delete(folder);
    this.problemsByFolder.delete(folder);
    const entry = this.apply(folder, toCached(text, { mtimeMs: 0, size: 0 }));
    if (entry) this.changes.fire({ kind: previous ? 'updated' : kind, entry });
    else {
      if (previous) this.changes.fire({ kind: 'removed', id: previous.record.id, folder });
      this.changes.fire({ kind: 'problems' });
    }
    return entry;
  }

  /** `accept` for text the store itself wrote or vetted, which always reads as a paper. */
  private acceptOwn(folder: string, text: string, kind: 'added' | 'updated'): LibraryEntry {
    const entry = this.accept(folder, text, kind);
    if (!entry) throw new LibraryError('malformed', this.problemsByFolder.get(folder)?.[0]?.message ?? 'unreadable note', this.notePath(folder));
    return entry;
  }

  /** Indexes a parsed note, or records its problems. Returns the entry when it is a paper. */
  private apply(folder: string, cached: CachedNote): LibraryEntry | undefined {
    const notePath = this.notePath(folder);
    if (!cached.note) {
      this.setProblems(folder, cached.problems ?? []);
      return undefined;
    }
    const { record, body, extras } = cached.note;
    const holder = this.byId.get(record.id);
    if (holder && holder.folder !== folder) {
      // Line 2 is where the store writes `id:`; the cached parse does not keep lines.
      this.setProblems(folder, [{ line: 2, message: `Paper ${record.id} is already in the library as ${holder.folder}; this note is ignored` }]);
      return undefined;
    }
    const entry: LibraryEntry = { folder, notePath, record, body, extras };
    this.byFolder.set(folder, entry);
    this.byId.set(record.id, entry);
    return entry;
  }

  private setProblems(folder: string, problems: TextProblem[]): void {
    const file = this.notePath(folder);
    this.problemsByFolder.set(
      folder,
      problems.map((p) => ({ file, ...p })),
    );
  }

  private forget(folder: string): void {
    const entry = this.byFolder.get(folder);
    this.byFolder.delete(folder);
    if (entry) this.byId.delete(entry.record.id);
    const hadProblems = this.problemsByFolder.delete(folder);
    this.snapshotDirty ||= this.snapshot.delete(folder);
    if (entry) this.changes.fire({ kind: 'removed', id: entry.record.id, folder });
    else if (hadProblems) this.changes.fire({ kind: 'problems' });
  }
}
