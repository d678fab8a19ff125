/**
 * Response cache keyed by request URL: memory first, optionally a directory with one JSON file per
 * key. arXiv asks clients not to repeat an identical query within a day, and a cache is also what
 * lets the extension show yesterday's results when offline (`getStale`).
 *
 * The cache never judges content: callers parse and validate a body *before* `put`, so an error
 * page, a truncated body or an empty mid-result page can never replace good data. A file that does
 * not read back as a valid entry is deleted and treated as a miss, never a crash.
 */
import * as crypto from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { Clock, systemClock } from '../http/clock';

export interface CacheEntry {
  key: string;
  body: Buffer;
  etag: string | null;
  contentType: string | null;
  /** Epoch ms when the body was fetched (a 304 does not change it: the body is that old). */
  fetchedAt: number;
  /** Epoch ms until which the entry may be used without asking the server. */
  expiresAt: number;
}

export interface CacheHit {
  entry: CacheEntry;
  fresh: boolean;
  ageMs: number;
}

export interface ResponseCacheOptions {
  /** Directory for persistent entries; memory only when absent. */
  dir?: string | null;
  clock?: Clock;
  /** Memory budget; least recently used entries are dropped beyond it (disk keeps them). */
  maxMemoryBytes?: number;
  /** Told about disk problems the cache otherwise shrugs off (e.g. a read-only directory). */
  onDiskError?: (e: unknown) => void;
}

interface DiskRecord {
  v: 1;
  key: string;
  etag: string | null;
  contentType: string | null;
  fetchedAt: number;
  expiresAt: number;
  encoding: 'utf8' | 'base64';
  body: string;
}

export class ResponseCache {
  readonly dir: string | null;
  private readonly clock: Clock;
  private readonly maxMemoryBytes: number;
  private readonly onDiskError?: (e: unknown) => void;
  private readonly memory = new Map<string, CacheEntry>();
  private memoryBytes = 0;

  constructor(opts: ResponseCacheOptions = {}) {
    this.dir = opts.dir ?? null;
    this.clock = opts.clock ?? systemClock;
    this.maxMemoryBytes = opts.maxMemoryBytes ?? 64 * 1024 * 1024;
    this.onDiskError = opts.onDiskError;
  }

  /** Any entry for `key`, fresh or stale. */
  async getStale(key: string): Promise<CacheHit | undefined> {
    const entry = this.memory.get(key) ?? (await this.readDisk(key));
    if (!entry) return undefined;
    this.remember(entry);
    const now = this.clock.now();
    return { entry, fresh: entry.expiresAt > now, ageMs: Math.max(0, now - entry.fetchedAt) };
  }

  /** The entry only while it is fresh. */
  async getFresh(key: string): Promise<CacheHit | undefined> {
    const hit = await this.getStale(key);
    return hit?.fresh ? hit : undefined;
  }

  async put(
    key: string,
    value: { body: Buffer; etag?: string | null; contentType?: string | null; expiresAt: number; fetchedAt?: number },
  ): Promise<CacheEntry> {
    const entry: CacheEntry = {
      key,
      body: value.body,
      etag: value.etag ?? null,
      contentType: value.contentType ?? null,
      fetchedAt: value.fetchedAt ?? this.clock.now(),
      expiresAt: value.expiresAt,
    };
    this.remember(entry);
    await this.writeDisk(entry);
    return entry;
  }

  /** After a 304: the body is confirmed current, so extend its life (and adopt a new ETag). */
  async refresh(key: string, update: { expiresAt: number; etag?: string | null }): Promise<CacheEntry | undefined> {
    const hit = await this.getStale(key);
    if (!hit) return undefined;
    const entry: CacheEntry = {
      ...hit.entry,
      expiresAt: update.expiresAt,
      etag: update.etag ?? hit.entry.etag,
      // The server just vouched for the body: it is as good as freshly fetched.
      fetchedAt: this.clock.now(),
    };
    this.remember(entry);
    await this.writeDisk(entry);
    return entry;
  }

  async delete(key: string): Promise<void> {
    this.forget(key);
    if (this.dir) await fsp.rm(this.fileFor(key), { force: true }).catch((e) => this.onDiskError?.(e));
  }

  /** The file an entry lives in (exposed so tests can corrupt it). */
  fileFor(key: string): string {
    if (!this.dir) throw new Error('This cache has no directory.');
    const hash = crypto.createHash('sha256').update(key).digest('hex').slice(0, 40);
    return path.join(this.dir, `${hash}.json`);
  }

  private remember(entry: CacheEntry): void {
    this.forget(entry.key);
    this.memory.set(entry.key, entry);
    this.memoryBytes += entry.body.length;
    for (const [k] of this.memory) {
      if (this.memoryBytes <= this.maxMemoryBytes || k === entry.key) break;
      this.forget(k);
    }
  }

  private forget(key: string): void {
    const old = this.memory.get(key);
    if (!old) return;
    this.memory.delete(key);
    this.memoryBytes -= old.body.length;
  }

  private async readDisk(key: string): Promise<CacheEntry | undefined> {
    if (!this.dir) return undefined;
    const file = this.fileFor(key);
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.onDiskError?.(e);
      return undefined;
    }
    const entry = decode(text, key);
    if (!entry) {
      // Corrupt or foreign: drop it so it costs nothing next time.
      await fsp.rm(file, { force: true }).catch((e) => this.onDiskError?.(e));
    }
    return entry;
  }

  private async writeDisk(entry: CacheEntry): Promise<void> {
    if (!this.dir) return;
    try {
      await writeFileAtomic(this.fileFor(entry.key), encode(entry), { fsync: false });
    } catch (e) {
      // A cache that cannot persist still serves from memory; never fail the fetch for it.
      this.onDiskError?.(e);
    }
  }
}

function encode(entry: CacheEntry): string {
  const text = entry.body.toString('utf8');
  const isText = Buffer.byteLength(text, 'utf8') === entry.body.length && !text.includes('\uFFFD');
  const record: DiskRecord = {
    v: 1,
    key: entry.key,
    etag: entry.etag,
    contentType: entry.contentType,
    fetchedAt: entry.fetchedAt,
    expiresAt: entry.expiresAt,
    encoding: isText ? 'utf8' : 'base64',
    body: isText ? text : entry.body.toString('base64'),
  };
  return JSON.stringify(record);
}

function decode(text: string, key: string): CacheEntry | undefined {
  let r: Partial<DiskRecord>;
  try {
    r = JSON.parse(text) as Partial<DiskRecord>;
  } catch {
    return undefined;
  }
  const ok =
    r !== null &&
    typeof r === 'object' &&
    r.v === 1 &&
    r.key === key &&
    typeof r.body === 'string' &&
    (r.encoding === 'utf8' || r.encoding === 'base64') &&
    Number.isFinite(r.fetchedAt) &&
    Number.isFinite(r.expiresAt) &&
    (r.etag === null || typeof r.etag === 'string') &&
    (r.contentType === null || typeof r.contentType === 'string');
  if (!ok) return undefined;
  return {
    key,
    body: Buffer.from(r.body as string, r.encoding),
    etag: r.etag ?? null,
    contentType: r.contentType ?? null,
    fetchedAt: r.fetchedAt as number,
    expiresAt: r.expiresAt as number,
  };
}
