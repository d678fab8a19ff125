/**
 * The Feeds view's memory: every paper each subscription has brought, grouped by announcement day,
 * kept for a bounded number of days in the extension's global storage so it survives restarts and
 * works offline. A refresh only ever adds; a failed refresh records its error and keeps the papers;
 * a corrupt cache file is discarded with a log line.
 */
import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { ParsedResponse, PaperDetails } from '../arxiv/types';
import { writeFileAtomic } from '../fs/atomicWrite';
import { easternWallClock } from '../http/freshness';

export interface CachedPaper {
  paper: PaperDetails;
  /** YYYY-MM-DD: announcement day (feeds, US Eastern) or submission day (searches, UTC). */
  day: string;
  /** When a refresh last brought it: what the days-kept bound counts from. */
  cachedAt: string;
}

export interface SubscriptionCache {
  key: string;
  papers: CachedPaper[];
  refreshedAt: string | null;
  /** The last refresh's failure, shown in the view until a refresh succeeds. */
  lastError: { message: string; at: string } | null;
  /** True when the last successful feed refresh had no announcements (weekend, holiday). */
  emptyAnnouncement: boolean;
}

export interface FeedCacheOptions {
  daysKept: number;
  now?: () => number;
  log?: (message: string) => void;
}

const FORMAT_VERSION = 1;

export class FeedCacheStore {
  private readonly memory = new Map<string, SubscriptionCache>();

  constructor(
    private readonly dir: string,
    private readonly options: FeedCacheOptions,
  ) {}

  private file(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`);
  }

  async load(key: string): Promise<SubscriptionCache> {
    const cached = this.memory.get(key);
    if (cached) return cached;
    const loaded = (await this.readFile(key)) ?? empty(key);
    this.memory.set(key, loaded);
    return loaded;
  }

  private async readFile(key: string): Promise<SubscriptionCache | undefined> {
    const file = this.file(key);
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch {
      return undefined; // never cached
    }
    try {
      const data = JSON.parse(text) as { version?: number } & SubscriptionCache;
      if (data.version !== FORMAT_VERSION || data.key !== key || !Array.isArray(data.papers)) throw new Error('unexpected shape');
      return { key, papers: data.papers, refreshedAt: data.refreshedAt ?? null, lastError: data.lastError ?? null, emptyAnnouncement: !!data.emptyAnnouncement };
    } catch (e) {
      this.options.log?.(`Discarding corrupt feed cache ${file}: ${(e as Error).message}`);
      await fsp.rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
  }

  /** Adds a successful refresh's papers; the newest version of a paper wins. */
  async merge(key: string, response: ParsedResponse, source: 'feed' | 'search'): Promise<SubscriptionCache> {
    const current = await this.load(key);
    const byId = new Map(current.papers.map((p) => [p.paper.id, p]));
    const nowIso = new Date(this.now()).toISOString();
    const announcedDay = response.announced ? easternDay(Date.parse(response.announced)) : easternDay(this.now());
    for (const paper of response.papers) {
      const day = source === 'feed' ? announcedDay : (paper.published ?? paper.updated ?? new Date(this.now()).toISOString()).slice(0, 10);
      const previous = byId.get(paper.id);
      if (!previous || paper.version >= previous.paper.version) {
        // A replacement keeps the paper under its newest announcement day.
        byId.set(paper.id, { paper, day: previous && source === 'search' ? previous.day : day, cachedAt: nowIso });
      } else {
        byId.set(paper.id, { ...previous, cachedAt: nowIso });
      }
    }
    const next: SubscriptionCache = {
      key,
      papers: this.prune([...byId.values()]),
      refreshedAt: new Date(this.now()).toISOString(),
      lastError: null,
      emptyAnnouncement: source === 'feed' && response.papers.length === 0,
    };
    await this.save(next);
    return next;
  }

  /** A failed refresh: remember why, keep every paper. */
  async recordError(key: string, message: string): Promise<SubscriptionCache> {
    const current = await this.load(key);
    const next = { ...current, lastError: { message, at: new Date(this.now()).toISOString() } };
    await this.save(next);
    return next;
  }

  async remove(key: string): Promise<void> {
    this.memory.delete(key);
    await fsp.rm(this.file(key), { force: true });
  }

  private prune(papers: CachedPaper[]): CachedPaper[] {
    const oldest = new Date(this.now() - this.options.daysKept * 86_400_000).toISOString();
    return papers
      .filter((p) => p.cachedAt >= oldest)
      .sort((a, b) => (a.day === b.day ? b.paper.id.localeCompare(a.paper.id) : b.day.localeCompare(a.day)));
  }

  private async save(cache: SubscriptionCache): Promise<void> {
    this.memory.set(cache.key, cache);
    await writeFileAtomic(this.file(cache.key), JSON.stringify({ version: FORMAT_VERSION, ...cache }));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function empty(key: string): SubscriptionCache {
  return { key, papers: [], refreshedAt: null, lastError: null, emptyAnnouncement: false };
}

/** The calendar day in New York, where arXiv's announcement days are counted. */
export function easternDay(t: number): string {
  const w = easternWallClock(t);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Groups papers by day, newest day first, keeping each group's order. */
export function groupByDay(papers: CachedPaper[]): { day: string; papers: CachedPaper[] }[] {
  const groups = new Map<string, CachedPaper[]>();
  for (const p of papers) {
    const list = groups.get(p.day) ?? [];
    list.push(p);
    groups.set(p.day, list);
  }
  return [...groups.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([day, list]) => ({ day, papers: list }));
}
