/**
 * GET through the response cache: fresh -> no request at all; stale with an ETag -> conditional
 * request, where a 304 renews the entry; otherwise a plain request. The body is decoded (parsed and
 * validated) BEFORE the cache is written, so a failure of any kind leaves the good entry in place.
 */
import { ArxivError, isArxivError } from '../arxiv/errors';
import type { CacheHit, ResponseCache } from '../arxiv/cache';
import { ArxivRhythm, expiryFor, parseCacheControl } from './freshness';
import type { HttpTransport } from './transport';

export type Origin = 'network' | 'cache' | 'revalidated' | 'stale';

export interface Provenance {
  /** network: fetched now; cache: fresh entry, no request; revalidated: 304; stale: served after a failure. */
  origin: Origin;
  url: string;
  /** When the body was fetched or last confirmed by the server (ISO 8601). */
  fetchedAt: string;
  ageMs: number;
  /** With origin 'stale': why the network could not be used. */
  error?: ArxivError;
}

export interface DecodeInput {
  status: number;
  body: Buffer;
  contentType: string | null;
  url: string;
}

export interface CachedFetchOptions<T> {
  url: string;
  transport: HttpTransport;
  cache: ResponseCache | null;
  rhythm: ArxivRhythm;
  /** Turns a body into a value; throws ArxivError when the body is not acceptable. */
  decode: (input: DecodeInput) => T;
  accept?: string;
  signal?: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
  /** Ignore a fresh entry (still revalidates with its ETag). */
  bypassFresh?: boolean;
  /** On a network-side failure, answer with the cached entry (origin 'stale') instead of throwing. */
  staleOnError?: boolean;
}

export interface Fetched<T> {
  value: T;
  provenance: Provenance;
}

/** Failures where showing older data beats showing nothing. */
const STALE_OK = new Set(['offline', 'dns', 'timeout', 'rate-limited', 'http-status', 'unexpected-content', 'malformed-xml']);

export async function fetchCached<T>(o: CachedFetchOptions<T>): Promise<Fetched<T>> {
  const clock = o.transport.clock;
  const key = o.url;
  let hit: CacheHit | undefined = o.cache ? await o.cache.getStale(key) : undefined;

  if (hit?.fresh && !o.bypassFresh) {
    try {
      return { value: decodeCached(o, hit), provenance: provenance('cache', key, hit.entry.fetchedAt, clock.now()) };
    } catch {
      await o.cache?.delete(key); // an entry our parser now rejects is worthless
      hit = undefined;
    }
  }

  const headers: Record<string, string> = {};
  if (o.accept) headers['Accept'] = o.accept;
  if (hit?.entry.etag) headers['If-None-Match'] = hit.entry.etag;

  let res;
  try {
    res = await o.transport.request({ url: o.url, headers, signal: o.signal, onProgress: o.onProgress });
  } catch (e) {
    return staleOr(o, hit, e);
  }
  const now = clock.now();
  const cc = parseCacheControl(res.headers['cache-control']);

  if (res.status === 304) {
    if (!hit) {
      throw new ArxivError('http-status', `Unexpected 304 Not Modified for ${o.url} without a cached copy.`, {
        status: 304,
        url: o.url,
      });
    }
    const value = decodeCached(o, hit);
    const entry = await o.cache?.refresh(key, { expiresAt: expiryFor(now, cc, o.rhythm), etag: res.headers['etag'] });
    return { value, provenance: provenance('revalidated', key, entry?.fetchedAt ?? now, now) };
  }

  const input: DecodeInput = { status: res.status, body: res.body, contentType: res.headers['content-type'] ?? null, url: res.url };
  let value: T;
  try {
    value = decodeResponse(o, input);
  } catch (e) {
    return staleOr(o, hit, e);
  }
  if (o.cache && !cc.noStore) {
    await o.cache.put(key, {
      body: res.body,
      etag: res.headers['etag'] ?? null,
      contentType: input.contentType,
      fetchedAt: now,
      expiresAt: expiryFor(now, cc, o.rhythm),
    });
  }
  return { value, provenance: provenance('network', key, now, now) };
}

function decodeCached<T>(o: CachedFetchOptions<T>, hit: CacheHit): T {
  return o.decode({ status: 200, body: hit.entry.body, contentType: hit.entry.contentType, url: o.url });
}

/**
 * 200 is data. A 400 from arXiv is normally its own error document, whose message the decoder
 * raises as 'arxiv-api-error' / 'feed-error'; any other outcome is reported as the status.
 */
function decodeResponse<T>(o: CachedFetchOptions<T>, input: DecodeInput): T {
  if (input.status === 200) return o.decode(input);
  const statusError = new ArxivError('http-status', `HTTP ${input.status} from ${input.url}.`, {
    status: input.status,
    url: input.url,
  });
  if (input.status === 400) {
    try {
      o.decode(input);
    } catch (e) {
      if (isArxivError(e, 'arxiv-api-error') || isArxivError(e, 'feed-error')) throw e;
    }
  }
  throw statusError;
}

function staleOr<T>(o: CachedFetchOptions<T>, hit: CacheHit | undefined, e: unknown): Fetched<T> {
  if (!o.staleOnError || !hit || !(e instanceof ArxivError) || !STALE_OK.has(e.code)) throw e;
  const now = o.transport.clock.now();
  return { value: decodeCached(o, hit), provenance: { ...provenance('stale', o.url, hit.entry.fetchedAt, now), error: e } };
}

function provenance(origin: Origin, url: string, fetchedAt: number, now: number): Provenance {
  return { origin, url, fetchedAt: new Date(fetchedAt).toISOString(), ageMs: Math.max(0, now - fetchedAt) };
}
