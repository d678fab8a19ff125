/**
 * Papers looked up one at a time for hovers and quick fixes, remembered for a while so moving the
 * mouse over the same reference again costs nothing. Concurrent requests for one id share a single
 * arXiv request, which is aborted only when every caller waiting for it has given up. Kept free of
 * `vscode`: it takes the client's `getByIds` as a function.
 */
import type { PaperDetails } from '../../core/arxiv/types';

export type GetByIds = (
  ids: string[],
  opts: { signal?: AbortSignal; staleOnError?: boolean },
) => Promise<{ papers: Record<string, PaperDetails>; missing: string[]; provenance?: { origin?: string }[] }>;

export interface LookupResult {
  /** null: arXiv has no such paper. */
  paper: PaperDetails | null;
  stale: boolean;
}

interface CacheEntry {
  result: LookupResult;
  at: number;
}

interface InFlight {
  promise: Promise<LookupResult>;
  controller: AbortController;
  waiters: number;
}

export interface PaperLookupOptions {
  /** How long a found paper is remembered (default one hour). */
  ttlMs?: number;
  /** How long "arXiv has no such paper" is remembered (default ten minutes). */
  missingTtlMs?: number;
  /** Most papers remembered (default 200; least recently used go first). */
  maxEntries?: number;
  now?: () => number;
}

export class PaperLookup {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly ttlMs: number;
  private readonly missingTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly getByIds: () => GetByIds,
    opts: PaperLookupOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 60 * 60 * 1000;
    this.missingTtlMs = opts.missingTtlMs ?? 10 * 60 * 1000;
    this.maxEntries = opts.maxEntries ?? 200;
    this.now = opts.now ?? (() => Date.now());
  }

  /** The remembered answer for an id, if still fresh. */
  peek(id: string): LookupResult | undefined {
    const hit = this.cache.get(id);
    if (!hit) return undefined;
    const ttl = hit.result.paper ? this.ttlMs : this.missingTtlMs;
    if (this.now() - hit.at > ttl) {
      this.cache.delete(id);
      return undefined;
    }
    // Least recently used goes first: re-insert on use.
    this.cache.delete(id);
    this.cache.set(id, hit);
    return hit.result;
  }

  /** Remembers papers obtained elsewhere (a batch import), so hovers over them need no request. */
  remember(papers: PaperDetails[]): void {
    for (const paper of papers) this.store(paper.id, { paper, stale: false });
  }

  /** The paper for an id (no version), from memory or arXiv. Rejects with the client's error, or with an AbortError. */
  async get(id: string, signal?: AbortSignal): Promise<LookupResult> {
    const cached = this.peek(id);
    if (cached) return cached;
    if (signal?.aborted) throw abortError();
    let flight = this.inFlight.get(id);
    if (!flight) {
      const controller = new AbortController();
      const promise = this.fetch(id, controller.signal).finally(() => {
        if (this.inFlight.get(id) === flight) this.inFlight.delete(id);
      });
      flight = { promise, controller, waiters: 0 };
      this.inFlight.set(id, flight);
    }
    const current = flight;
    current.waiters++;
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        if (--current.waiters === 0) current.controller.abort();
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([current.promise, aborted]);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      if (!signal?.aborted) current.waiters--;
      aborted.catch(() => undefined);
    }
  }

  private async fetch(id: string, signal: AbortSignal): Promise<LookupResult> {
    const result = await this.getByIds()([id], { signal, staleOnError: true });
    const paper = result.papers[id] ?? Object.values(result.papers)[0] ?? null;
    const stale = (result.provenance ?? []).some((p) => p.origin === 'stale');
    const answer: LookupResult = { paper, stale };
    // A stale copy is shown but not remembered: the next hover tries arXiv again.
    if (!stale) this.store(id, answer);
    return answer;
  }

  private store(id: string, result: LookupResult): void {
    this.cache.delete(id);
    this.cache.set(id, { result, at: this.now() });
    while (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }
}

function abortError(): Error {
  const e = new Error('The lookup was cancelled.');
  e.name = 'AbortError';
  return e;
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
