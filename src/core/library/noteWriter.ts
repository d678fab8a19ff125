/**
 * How a note is changed safely when several windows (and the user's editor) share one library:
 * writers take turns through a lock file, each change is computed from the note as it is on disk
 * right now, and the new text reaches the note by rename, so a reader or a crash sees either the
 * old or the new note, never half of one.
 *
 * `src/core/fs/atomicWrite.ts` does temp-then-rename on node paths; this does it over the file
 * port and checks the note again between the temporary write and the rename, which a plain atomic
 * write cannot.
 */
import { randomBytes } from 'crypto';
import { basename, dirname, joinPath, type LibraryFileSystem } from './fileSystem';
import { LibraryError } from './libraryError';

export interface NoteWriterOptions {
  /** A lock older than this was left by a crashed writer and is broken (default 30 s). */
  staleLockMs?: number;
  /** Give up waiting for another writer after this long (default 10 s). */
  lockTimeoutMs?: number;
}

export interface FileUpdate {
  /** The file's text afterwards (undefined if it does not exist). */
  text: string | undefined;
  written: boolean;
}

/** Attempts when an editor that ignores the lock keeps saving the note under us. */
const MAX_ATTEMPTS = 5;

async function readIfExists(fs: LibraryFileSystem, path: string): Promise<string | undefined> {
  return (await fs.stat(path)) ? fs.readFile(path) : undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Writes `data` to a temporary sibling of `path` and renames it over `path`, unless `beforeRename`
 * says no (then returns false). The temporary file is removed on every failure.
 */
export async function writeViaTemp(
  fs: LibraryFileSystem,
  path: string,
  data: string | Uint8Array,
  beforeRename: () => Promise<boolean> = async () => true,
): Promise<boolean> {
  const tmp = joinPath(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    if (!(await beforeRename())) {
      await fs.delete(tmp);
      return false;
    }
    await fs.rename(tmp, path);
    return true;
  } catch (e) {
    await fs.delete(tmp).catch(() => undefined);
    throw e;
  }
}

export async function withFileLock<T>(fs: LibraryFileSystem, path: string, fn: () => Promise<T>, options: NoteWriterOptions = {}): Promise<T> {
  const lock = joinPath(dirname(path), `.${basename(path)}.lock`);
  const staleMs = options.staleLockMs ?? 30_000;
  const deadline = Date.now() + (options.lockTimeoutMs ?? 10_000);
  while (!(await fs.createExclusive(lock, `${process.pid} ${new Date().toISOString()}\n`))) {
    const held = await fs.stat(lock);
    if (held && Date.now() - held.mtimeMs > staleMs) {
      await fs.delete(lock);
      continue;
    }
    if (Date.now() > deadline) throw new LibraryError('busy', `Another window kept ${path} locked; try again`, path);
    await sleep(5 + Math.random() * 20);
  }
  try {
    return await fn();
  } finally {
    await fs.delete(lock).catch(() => undefined);
  }
}

/**
 * Replaces the file with `next(current)`, where `current` is its text at this moment (undefined if
 * it does not exist). `next` returns undefined, or the same text, to leave the file alone.
 */
export async function updateFile(
  fs: LibraryFileSystem,
  path: string,
  next: (current: string | undefined) => string | undefined,
  options: NoteWriterOptions = {},
): Promise<FileUpdate> {
  return withFileLock(
    fs,
    path,
    async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const current = await readIfExists(fs, path);
        const text = next(current);
        if (text === undefined || text === current) return { text: current, written: false };
        // The user's editor does not take our lock: if it saved meanwhile, start again from its text.
        const unchanged = async () => (await readIfExists(fs, path)) === current;
        if (await writeViaTemp(fs, path, text, unchanged)) return { text, written: true };
      }
      throw new LibraryError('conflict', `${path} kept changing while it was being saved; try again`, path);
    },
    options,
  );
}
