/**
 * Reading and changing `replication.json` from TypeScript through the library's file port. Changes
 * go through the library's `updateFile`: the lock file (`.replication.json.lock`) is the one the
 * Python helper takes too, so the editor and a running training script never lose each other's
 * writes, and the new text reaches the disk by rename.
 */
import type { LibraryFileSystem } from '../library/fileSystem';
import { updateFile } from '../library/noteWriter';
import { type ReplicationManifest, serializeManifest } from './manifest';
import { type ManifestParse, parseManifest } from './parseManifest';

export async function readManifestFile(fs: LibraryFileSystem, path: string): Promise<ManifestParse> {
  return parseManifest(await fs.readFile(path));
}

export class ManifestError extends Error {
  constructor(message: string, readonly path: string, readonly parse?: ManifestParse) {
    super(message);
    this.name = 'ManifestError';
  }
}

/**
 * Applies `change` to the manifest as it is on disk now and writes the result. Refuses (throws
 * ManifestError) when the file does not parse, rather than overwrite a user's half-typed edit.
 */
export async function updateManifest(
  fs: LibraryFileSystem,
  path: string,
  change: (m: ReplicationManifest) => ReplicationManifest,
  now: () => Date = () => new Date(),
): Promise<ReplicationManifest> {
  let result: ReplicationManifest | undefined;
  await updateFile(fs, path, (current) => {
    if (current === undefined) throw new ManifestError(`${path} does not exist`, path);
    const parsed = parseManifest(current);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    if (!parsed.manifest || errors.length) {
      throw new ManifestError(`${path} has ${errors.length} error(s); fix them first (${errors[0]?.message ?? 'not a JSON object'})`, path, parsed);
    }
    const next = change(parsed.manifest);
    result = { ...next, updated: now().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    return serializeManifest(result);
  });
  return result!;
}
