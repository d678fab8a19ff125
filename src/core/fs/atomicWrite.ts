/**
 * Readers must never see half a file: a crash or a concurrent reader during a plain writeFile
 * leaves a truncated JSON that then looks like corruption. We write a temporary sibling (same
 * directory, so rename stays on one file system), flush it, and rename it over the target, which
 * POSIX and NTFS make atomic.
 */
import * as crypto from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';

export interface AtomicWriteOptions {
  /** File mode for a newly created file (default 0o666 before umask). */
  mode?: number;
  /** Create missing parent directories (default true). */
  mkdirs?: boolean;
  /** fsync before rename for durability across power loss (default true). */
  fsync?: boolean;
}

export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const dir = path.dirname(file);
  if (opts.mkdirs ?? true) await fsp.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(tmp, 'wx', opts.mode ?? 0o666);
    await handle.writeFile(data);
    if (opts.fsync ?? true) await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(tmp, file);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** Windows refuses to rename over a file another process has open for a brief moment; retry. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await fsp.rename(from, to);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (i >= 5 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw e;
      await new Promise((r) => setTimeout(r, 20 * (i + 1)));
    }
  }
}
