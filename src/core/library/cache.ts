/**
 * A snapshot of the parsed library, so a warm start only stats each note and parses the ones whose
 * modification time or size changed. The cache is an optimisation and never a source of truth: a
 * cache that does not read back as exactly this format is dropped with a log line.
 *
 * It is stored with v8.serialize, which node documents as safe to keep on disk: for a 10,000-paper
 * library (20 MB, mostly abstracts) reading it back takes ~80 ms against ~200 ms for JSON.
 */
import { deserialize, serialize } from 'v8';
import { dirname, type LibraryFileSystem } from './fileSystem';
import type { TextProblem } from './frontMatter';
import { writeViaTemp } from './noteWriter';
import type { LibraryRecord } from './record';

/** Bump whenever the record or the parser changes what a note reads as. */
const FORMAT = 1;

/**
 * A file changed twice within one timestamp tick keeps its mtime (and maybe its size), so entries
 * this close to the moment they were observed are not trusted later ("racy git"). Two seconds
 * covers FAT and HFS+ timestamps.
 */
const MTIME_GRANULARITY_MS = 2000;

export interface CachedNote {
  mtimeMs: number;
  size: number;
  /** The parse of a good note... */
  note?: { record: LibraryRecord; body: string; extras: Record<string, unknown> };
  /** ...or why it did not parse (lines in the note file). */
  problems?: TextProblem[];
}

interface CacheFile {
  format: number;
  root: string;
  /** By folder name. */
  notes: Map<string, CachedNote>;
}

function isCachedNote(v: unknown): v is CachedNote {
  const c = v as CachedNote;
  if (typeof c !== 'object' || c === null || typeof c.mtimeMs !== 'number' || typeof c.size !== 'number') return false;
  if (c.note) return typeof c.note.record?.id === 'string' && typeof c.note.body === 'string' && typeof c.note.extras === 'object';
  return Array.isArray(c.problems);
}

export class LibraryCache {
  constructor(
    private readonly fs: LibraryFileSystem,
    /** Outside the library folder (the extension's workspace storage), so it never lands in git. */
    readonly path: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Cached notes by folder name; empty when there is no usable cache. */
  async read(root: string): Promise<Map<string, CachedNote>> {
    let bytes: Uint8Array;
    try {
      if (!(await this.fs.stat(this.path))) return new Map();
      bytes = await this.fs.readBytes(this.path);
    } catch (e) {
      this.log(`Library cache ${this.path} could not be read (${String(e)}); loading every note`);
      return new Map();
    }
    try {
      const data = deserialize(bytes) as CacheFile;
      if (data?.format !== FORMAT || data.root !== root || !(data.notes instanceof Map)) {
        this.log(`Library cache ${this.path} is for another format or folder; loading every note`);
        return new Map();
      }
      for (const [folder, cached] of data.notes) {
        if (typeof folder !== 'string' || !isCachedNote(cached)) throw new Error(`entry "${String(folder)}" is malformed`);
      }
      return data.notes;
    } catch (e) {
      this.log(`Discarded corrupt library cache ${this.path}: ${e instanceof Error ? e.message : String(e)}`);
      return new Map();
    }
  }

  /** `observedAt`: when the notes were stat'ed (epoch ms); entries too close to it are left out. */
  async write(root: string, notes: ReadonlyMap<string, CachedNote>, observedAt: number): Promise<void> {
    const trusted = new Map([...notes].filter(([, cached]) => cached.mtimeMs < observedAt - MTIME_GRANULARITY_MS));
    const data: CacheFile = { format: FORMAT, root, notes: trusted };
    await this.fs.createDirectory(dirname(this.path));
    await writeViaTemp(this.fs, this.path, serialize(data));
  }
}
