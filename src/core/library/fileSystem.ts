/**
 * The file operations the library needs, as a port: the extension plugs in `workspace.fs` (with
 * node fs for `createExclusive` on `file:` workspaces), the CLI and the tests plug in node fs.
 * Paths are strings joined with `/`; the adapter decides what they are relative to.
 */
export type FileType = 'file' | 'directory';

export interface FileStat {
  type: FileType;
  mtimeMs: number;
  size: number;
}

export interface LibraryFileSystem {
  /** UTF-8 text. */
  readFile(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  /** Plain write, text as UTF-8 (creates or truncates). The store only uses it for temporary files. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /**
   * Creates the file only if nothing exists at `path`, returning false if something does. Must be
   * atomic (O_EXCL): it is how writers in different windows take turns.
   */
  createExclusive(path: string, text: string): Promise<boolean>;
  /** Moves a file or folder; replaces an existing file at `to`. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file, or a folder when `recursive`; a missing path is not an error. */
  delete(path: string, options?: { recursive?: boolean }): Promise<void>;
  /** undefined when nothing exists at `path`. */
  stat(path: string): Promise<FileStat | undefined>;
  readDirectory(path: string): Promise<Array<[name: string, type: FileType]>>;
  /** Creates the folder and any missing parents. */
  createDirectory(path: string): Promise<void>;
}

export function joinPath(...parts: string[]): string {
  return parts
    .filter((p) => p !== '')
    .join('/')
    .replace(/\/{2,}/g, '/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
