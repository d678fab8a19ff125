/**
 * ArxivClient: search, id lookups, daily feeds and PDFs, all through the response cache and the
 * process-wide polite gate. It encodes arXiv's documented quirks: pages can come back empty in
 * the middle of a result set, totalResults is unreliable (stop when a page adds no new ids),
 * id_list results come back in any order, and only 30,000 results of a query are reachable.
 */
import type { Clock } from '../http/clock';
import { Fetched, DecodeInput, Provenance, fetchCached } from '../http/cachedFetch';
import { assertPdfBody, assertXmlBody } from '../http/content';
import { ArxivRhythm } from '../http/freshness';
import { RequestGate, sharedGate } from '../http/gate';
import { RetryPolicy } from '../http/retry';
import { HttpTransport } from '../http/transport';
import { parseApiResponse } from './apiParser';
import type { ResponseCache } from './cache';
import { ArxivError } from './errors';
import { parseFeed } from './feedParser';
import { formatArxivId, parseArxivId } from './ids';
import { MAX_PAGE_SIZE, MAX_REACHABLE_RESULTS, SortOrder, buildApiUrl, normalizeQuery } from './query';
import type { ParsedResponse, PaperDetails } from './types';

export const DEFAULT_API_URL = 'https://export.arxiv.org/api/query';
export const DEFAULT_RSS_URL = 'https://rss.arxiv.org';
export const DEFAULT_PDF_URL = 'https://arxiv.org/pdf';

export interface ArxivClientOptions {
  apiUrl?: string;
  rssUrl?: string;
  pdfUrl?: string;
  userAgent?: string;
  /** null/absent: no caching. Give it the same clock as the gate, or freshness is judged on another time line. */
  cache?: ResponseCache | null;
  /** A ready transport; otherwise one is built on `gate`. */
  transport?: HttpTransport;
  /** Defaults to the process-wide gate (or a private one when only `clock` is given, for tests). */
  gate?: RequestGate;
  clock?: Clock;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Results per API request (1..2000; default 200). */
  pageSize?: number;
  /** Ids per id_list request (default 100). */
  idBatchSize?: number;
}

export type SortBy = 'submitted' | 'updated' | 'relevance';

interface CommonOptions {
  signal?: AbortSignal;
  /** Serve cached data (origin 'stale') when the network fails. */
  staleOnError?: boolean;
}

export interface SearchProgress {
  received: number;
  target: number;
  requests: number;
}

export interface SearchOptions extends CommonOptions {
  /** Maximum results wanted (default 10; arXiv serves at most 30,000). */
  max?: number;
  sortBy?: SortBy;
  sortOrder?: SortOrder;
  onProgress?: (p: SearchProgress) => void;
}

export interface SearchResult extends ParsedResponse {
  /** The query as sent (normalized). */
  query: string;
  /** False when arXiv stopped short of min(totalResults, max) (e.g. empty pages persisted). */
  complete: boolean;
  /** One per page: where it came from and how old it is. */
  provenance: Provenance[];
}

export interface ByIdsResult {
  /** Keyed by the requested id as normalized (`2401.12345`, or `2401.12345v2` when a version was asked). */
  papers: Record<string, PaperDetails>;
  /** Requested ids arXiv returned nothing for. */
  missing: string[];
  provenance: Provenance[];
}

export interface FeedOptions extends CommonOptions {
  format?: 'rss' | 'atom';
}

export interface FeedResult extends ParsedResponse {
  provenance: Provenance;
}

export interface PdfOptions {
  signal?: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
}

const SORT_BY = { submitted: 'submittedDate', updated: 'lastUpdatedDate', relevance: 'relevance' } as const;
const EMPTY_PAGE_RETRIES = 3;
const XML_ACCEPT = 'application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1';
const CATEGORY_RE = /^[A-Za-z-]+(\.[A-Za-z-]+)?$/;

/** Thrown inside decode so an empty mid-result page is retried and never cached. */
class EmptyPage extends Error {}

export class ArxivClient {
  readonly apiUrl: string;
  readonly rssUrl: string;
  readonly pdfUrl: string;
  readonly transport: HttpTransport;
  readonly cache: ResponseCache | null;
  private readonly pageSize: number;
  private readonly idBatchSize: number;

  constructor(opts: ArxivClientOptions = {}) {
    this.apiUrl = opts.apiUrl ?? DEFAULT_API_URL;
    this.rssUrl = (opts.rssUrl ?? DEFAULT_RSS_URL).replace(/\/+$/, '');
    this.pdfUrl = (opts.pdfUrl ?? DEFAULT_PDF_URL).replace(/\/+$/, '');
    this.cache = opts.cache ?? null;
    const gate = opts.gate ?? (opts.clock ? new RequestGate({ clock: opts.clock }) : sharedGate());
    this.transport =
      opts.transport ??
      new HttpTransport({ gate, userAgent: opts.userAgent, timeoutMs: opts.timeoutMs, retry: opts.retry });
    this.pageSize = clamp(opts.pageSize ?? 200, 1, MAX_PAGE_SIZE);
    this.idBatchSize = clamp(opts.idBatchSize ?? 100, 1, MAX_PAGE_SIZE);
  }

  /** Pages through a search until min(totalResults, 30000, max), de-duplicating by id. */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
    const searchQuery = normalizeQuery(query);
    const limit = Math.min(Math.max(0, Math.floor(opts.max ?? 10)), MAX_REACHABLE_RESULTS);
    const sortBy = SORT_BY[opts.sortBy ?? 'relevance'];
    const sortOrder = opts.sortOrder ?? 'descending';
    const seen = new Map<string, PaperDetails>();
    const provenance: Provenance[] = [];
    let first: ParsedResponse | undefined;
    let target = limit;
    let start = 0;
    while (start < target && seen.size < target) {
      const url = buildApiUrl(this.apiUrl, {
        searchQuery,
        start,
        maxResults: Math.min(this.pageSize, target - start),
        sortBy,
        sortOrder,
      });
      const page = await this.fetchPage(url, start, opts);
      if (page.provenance) provenance.push(page.provenance);
      if (!first) {
        first = page.value;
        target = Math.min(limit, page.value.totalResults ?? limit);
      }
      let added = 0;
      for (const p of page.value.papers) {
        if (!seen.has(p.id)) {
          seen.set(p.id, p);
          added++;
        }
      }
      opts.onProgress?.({ received: Math.min(seen.size, target), target, requests: provenance.length });
      // Empty (after retries) or nothing new: arXiv has no more for us, whatever totalResults says.
      if (page.value.papers.length === 0 || added === 0) break;
      start += page.value.papers.length;
    }
    const papers = [...seen.values()].slice(0, target);
    return {
      kind: 'api',
      totalResults: first?.totalResults ?? 0,
      startIndex: 0,
      itemsPerPage: papers.length,
      title: first?.title ?? null,
      announced: null,
      papers,
      query: searchQuery,
      complete: papers.length >= target,
      provenance,
    };
  }

  /** One page; a non-first page that is empty while more results are announced is retried. */
  private async fetchPage(
    url: string,
    start: number,
    opts: SearchOptions,
  ): Promise<{ value: ParsedResponse; provenance?: Provenance }> {
    for (let retry = 0; ; retry++) {
      try {
        return await this.fetchXml(url, 'api', decodeApiPage(start), opts, retry > 0);
      } catch (e) {
        if (!(e instanceof EmptyPage)) throw e;
        if (retry >= EMPTY_PAGE_RETRIES) {
          return { value: emptyApiPage() };
        }
      }
    }
  }

  /** Looks ids up with id_list in batches; arXiv returns them in any order, so we index by id. */
  async getByIds(ids: string[], opts: CommonOptions = {}): Promise<ByIdsResult> {
    const wanted: string[] = [];
    for (const input of ids) {
      const r = parseArxivId(input);
      if (!r.ok) throw new ArxivError('invalid-id', `"${input}" is not an arXiv identifier: ${r.reason}.`);
      const key = formatArxivId(r.id);
      if (!wanted.includes(key)) wanted.push(key);
    }
    const papers: Record<string, PaperDetails> = {};
    const provenance: Provenance[] = [];
    for (let i = 0; i < wanted.length; i += this.idBatchSize) {
      const batch = wanted.slice(i, i + this.idBatchSize);
      const url = buildApiUrl(this.apiUrl, { idList: batch, start: 0, maxResults: batch.length });
      const res = await this.fetchXml(url, 'api', decodeApiPage(0), opts, false);
      provenance.push(res.provenance);
      const byKey = new Map<string, PaperDetails>();
      for (const p of res.value.papers) {
        byKey.set(`${p.id}v${p.version}`, p);
        if (!byKey.has(p.id) || (byKey.get(p.id) as PaperDetails).version < p.version) byKey.set(p.id, p);
      }
      for (const key of batch) {
        const hit = byKey.get(key);
        if (hit) papers[key] = hit;
      }
    }
    return { papers, missing: wanted.filter((k) => !(k in papers)), provenance };
  }

  /** Today's announcements for one or more categories; zero papers means no announcements. */
  async feed(cats: string[] | string, opts: FeedOptions = {}): Promise<FeedResult> {
    const list = (Array.isArray(cats) ? cats : [cats]).flatMap((c) => c.split(/[+,\s]+/)).filter(Boolean);
    if (list.length === 0) throw new ArxivError('invalid-query', 'Name at least one category, e.g. cs.LG.');
    const bad = list.find((c) => !CATEGORY_RE.test(c));
    if (bad) throw new ArxivError('invalid-query', `"${bad}" is not a category name like cs.LG or quant-ph.`);
    const url = `${this.rssUrl}/${opts.format ?? 'rss'}/${list.join('+')}`;
    const res = await this.fetchXml(url, 'feed', decodeFeed, opts, false);
    return { ...res.value, provenance: res.provenance };
  }

  /** The PDF of a paper (latest version unless one is given), checked to really be a PDF. */
  async downloadPdf(id: string, opts: PdfOptions = {}): Promise<Buffer> {
    const r = parseArxivId(id);
    if (!r.ok) throw new ArxivError('invalid-id', `"${id}" is not an arXiv identifier: ${r.reason}.`);
    const res = await fetchCached({
      url: `${this.pdfUrl}/${formatArxivId(r.id)}`,
      transport: this.transport,
      cache: this.cache,
      rhythm: r.id.version !== null ? 'immutable' : 'api',
      accept: 'application/pdf',
      signal: opts.signal,
      onProgress: opts.onProgress,
      decode: ({ body, url }) => {
        assertPdfBody(body, url);
        return body;
      },
    });
    return res.value;
  }

  private fetchXml<T>(
    url: string,
    rhythm: ArxivRhythm,
    decode: (input: DecodeInput) => T,
    opts: CommonOptions,
    bypassFresh: boolean,
  ): Promise<Fetched<T>> {
    return fetchCached({
      url,
      transport: this.transport,
      cache: this.cache,
      rhythm,
      decode,
      accept: XML_ACCEPT,
      signal: opts.signal,
      staleOnError: opts.staleOnError,
      bypassFresh,
    });
  }
}

function decodeApi(input: DecodeInput): ParsedResponse {
  assertXmlBody(input.body, input.contentType, input.url, input.status);
  const parsed = parseApiResponse(input.body);
  if (parsed.kind !== 'api') {
    throw new ArxivError('unexpected-content', `Expected an API response from ${input.url}, got a ${parsed.kind} feed.`, {
      url: input.url,
    });
  }
  return parsed;
}

/** An empty page past the first, while totalResults says there is more, is arXiv's hiccup. */
function decodeApiPage(start: number): (input: DecodeInput) => ParsedResponse {
  return (input) => {
    const parsed = decodeApi(input);
    if (start > 0 && parsed.papers.length === 0 && (parsed.totalResults ?? 0) > start) throw new EmptyPage();
    return parsed;
  };
}

function decodeFeed(input: DecodeInput): ParsedResponse {
  assertXmlBody(input.body, input.contentType, input.url, input.status);
  return parseFeed(input.body);
}

function emptyApiPage(): ParsedResponse {
  return { kind: 'api', totalResults: null, startIndex: null, itemsPerPage: 0, title: null, announced: null, papers: [] };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}
