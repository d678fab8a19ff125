/**
 * A local stand-in for export.arxiv.org, rss.arxiv.org and arxiv.org/pdf (and for the Hugging Face
 * Hub's paper, model and dataset APIs, test/support/fakeHuggingFace.ts), bound to 127.0.0.1 on an
 * ephemeral port, so no test ever reaches the internet. It answers from the real recorded bodies in
 * ../shared/fixtures/arxiv (API entries are re-paged from the recorded ones; the Atom daily feed,
 * the API error feed and PDFs are synthesised because no capture exists), records every request,
 * speaks ETag / If-None-Match and Cache-Control, and injects the failures arXiv is known for.
 *
 * Usable in-process (`await FakeArxiv.start()`), and from another process through
 * test/support/fakeArxivMain.ts plus the JSON control endpoints under /__fake/.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import * as path from 'path';
import { nextEasternMidnight } from '../../src/core/http/freshness';
import { hfResponse } from './fakeHuggingFace';
import { arxivFixturesDir } from './paths';

export const FIXTURES = {
  apiCurrent: 'api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml',
  apiLegacy: 'api-legacy-search-deep-dream-2017.xml',
  rssQuantPh: 'rss-quant-ph-2025-04-28.xml',
  rssCombined: 'rss-all-archives-combined-2024-11-28.xml',
  rssEmpty: 'rss-empty-feed-test-archive-2024-11-28.xml',
  rssError: 'rss-error-bad-archive-astroph-2024-11-28.xml',
} as const;

/** The `+`-joined query of the combined fixture. */
export const COMBINED_FEED_QUERY =
  'astro-ph+cond-mat+physics+quant-ph+math+cs+econ+eess+gr-qc+hep-ex+hep-lat+hep-ph+hep-th+math-ph+nlin+nucl-ex+nucl-th+q-bio+q-fin+stat';

/** Archives rss.arxiv.org accepts (from the recorded error message). */
const FEED_ARCHIVES = new Set(
  'astro-ph cond-mat cs econ eess gr-qc hep-ex hep-lat hep-ph hep-th math math-ph nlin nucl-ex nucl-th physics q-bio q-fin quant-ph stat test'.split(
    ' ',
  ),
);

export interface RecordedRequest {
  /** From the server's `now()` (virtual time when the test injects its clock). */
  time: number;
  method: string;
  path: string;
  query: Record<string, string>;
  rawQuery: string;
  /** Path plus raw query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
}

export type Fault =
  /** 429 with body `Rate exceeded.` and no Retry-After, as arXiv sends it. */
  | { kind: 'rate-limit' }
  /** 503, with Retry-After when given (seconds or an HTTP date). */
  | { kind: 'unavailable'; retryAfter?: number | string }
  /** Never answer; with `headers`, send the status line and headers, then nothing. */
  | { kind: 'stall'; headers?: boolean }
  /** The normal body cut to `bytes` (default half). `declareLength` announces the full length and then drops the connection. */
  | { kind: 'truncate'; bytes?: number; declareLength?: boolean }
  /** An HTML error page (status 200 unless given). */
  | { kind: 'html'; status?: number }
  /** The normal answer with one end tag misspelt: the right kind of document, not well-formed. */
  | { kind: 'malformed' }
  /** Drop the connection without answering (ECONNRESET at the client). */
  | { kind: 'reset' }
  /** 400 with the API's error feed. */
  | { kind: 'api-error'; message?: string }
  /** 400 with the recorded rss.arxiv.org error channel. */
  | { kind: 'feed-error' }
  /** A valid API page with zero entries though totalResults promises more (arXiv's empty-page quirk). */
  | { kind: 'empty-page' }
  /** Any status and body. */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Answer normally after `ms` of real time. */
  | { kind: 'delay'; ms: number };

export type RequestMatcher = string | RegExp | ((r: RecordedRequest) => boolean);

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Cache-Control header; null for none. Defaults depend on the route. */
  cacheControl?: string | null;
  /** Send an ETag (and honour If-None-Match) for this response; default: the server's `etags` option. */
  etag?: boolean;
}

export type RouteHandler = (req: RecordedRequest, fake: FakeArxiv) => FakeResponse | Promise<FakeResponse>;

export interface FakeArxivOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Timestamps for recorded requests and Date/Cache-Control computations. */
  now?: () => number;
  /** ETag + If-None-Match on every 200 (default true). */
  etags?: boolean;
  /** Cache-Control of API responses (default: none, like export.arxiv.org). */
  apiCacheControl?: string | null;
  /** max-age of feed responses; default: seconds until the next midnight in New York, as rss.arxiv.org does. */
  feedMaxAgeSeconds?: number | null;
  /** Entries the API pages through for search_query (default: the 20 recorded 2026 entries). */
  apiPool?: string[];
  /** totalResults reported for searches (default: the pool size). */
  apiTotalResults?: number;
  /** Served for every /pdf/<id> instead of the generated one-page PDF (e.g. a real multi-page fixture). */
  pdfBody?: Buffer;
}

interface FaultRule {
  fault: Fault;
  match?: RequestMatcher;
  remaining: number;
}

interface Route {
  match: RequestMatcher;
  handler: RouteHandler;
}

const fixtureCache = new Map<string, string>();
export function fixtureText(name: string): string {
  let text = fixtureCache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(arxivFixturesDir, name), 'utf8');
    fixtureCache.set(name, text);
  }
  return text;
}

/** The `<entry>` elements of a recorded API response, verbatim. */
export function fixtureEntries(name: string): string[] {
  return fixtureText(name).match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
}

/** `2604.26951` and 1 from an entry's `<id>http://arxiv.org/abs/2604.26951v1</id>`. */
export function entryId(entry: string): { id: string; version: number } {
  const m = /<id>https?:\/\/arxiv\.org\/abs\/(.+?)v(\d+)<\/id>/.exec(entry);
  if (!m) throw new Error('entry without an arXiv id');
  return { id: m[1], version: Number(m[2]) };
}

/**
 * `count` distinct entries made from the recorded ones by giving them new ids
 * (`2601.10001`, `2601.10002`, ...), for paging tests that need more than 30 results.
 */
export function syntheticEntries(count: number, firstNumber = 10001, yymm = '2601'): string[] {
  const templates = fixtureEntries(FIXTURES.apiCurrent);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = templates[i % templates.length];
    const { id } = entryId(t);
    out.push(t.split(id).join(`${yymm}.${String(firstNumber + i).padStart(5, '0')}`));
  }
  return out;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An API response in the current (2026) layout around the given entries. */
export function apiFeed(entries: string[], o: { query: string; totalResults: number; startIndex: number; now: number }): string {
  const head = fixtureText(FIXTURES.apiCurrent);
  const root = head.slice(0, head.indexOf('<id>')); // xml declaration + <feed ...>
  const hash = crypto.createHash('sha1').update(o.query).digest('base64').slice(0, 27);
  return (
    root +
    `<id>https://arxiv.org/api/${hash}</id>\n` +
    `  <title>arXiv Query: ${xmlEscape(o.query)}</title>\n` +
    `  <updated>${new Date(o.now).toISOString().replace(/\.\d{3}Z$/, 'Z')}</updated>\n` +
    `  <link href="https://arxiv.org/api/query?${xmlEscape(o.query)}" type="application/atom+xml"/>\n` +
    `  <opensearch:itemsPerPage>${entries.length}</opensearch:itemsPerPage>\n` +
    `  <opensearch:totalResults>${o.totalResults}</opensearch:totalResults>\n` +
    `  <opensearch:startIndex>${o.startIndex}</opensearch:startIndex>\n` +
    entries.map((e) => `  ${e}\n`).join('') +
    '</feed>\n'
  );
}

/** arXiv's API error document (UM §3.4) in the current layout. */
export function apiErrorFeed(message: string, now: number, query = 'search_query=&id_list=&start=0&max_results=10'): string {
  const anchor = message.replace(/\s+/g, '_');
  return (
    `<?xml version='1.0' encoding='UTF-8'?>\n` +
    `<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n` +
    `  <id>https://arxiv.org/api/errors</id>\n` +
    `  <title>arXiv Query: ${xmlEscape(query)}</title>\n` +
    `  <updated>${new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z')}</updated>\n` +
    `  <link href="https://arxiv.org/api/query?${xmlEscape(query)}" type="application/atom+xml"/>\n` +
    `  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>\n` +
    `  <opensearch:totalResults>1</opensearch:totalResults>\n` +
    `  <opensearch:startIndex>0</opensearch:startIndex>\n` +
    `  <entry>\n` +
    `    <id>http://arxiv.org/api/errors#${xmlEscape(anchor)}</id>\n` +
    `    <title>Error</title>\n` +
    `    <summary>${xmlEscape(message)}</summary>\n` +
    `    <updated>${new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z')}</updated>\n` +
    `    <link href="http://arxiv.org/api/errors#${xmlEscape(anchor)}" rel="alternate" type="text/html"/>\n` +
    `    <author>\n      <name>arXiv api core</name>\n    </author>\n` +
    `  </entry>\n` +
    `</feed>\n`
  );
}

/** `Mon, 28 Apr 2025 00:00:00 -0400` -> `2025-04-28T00:00:00-04:00` (keeping the offset, as feedgen does). */
function rfc822ToIso(s: string): string {
  const m = /(\d{1,2}) (\w{3}) (\d{4}) (\d{2}:\d{2}:\d{2}) ([+-])(\d{2})(\d{2})/.exec(s);
  if (!m) return s;
  const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[2]) / 3 + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}T${m[4]}${m[5]}${m[6]}:${m[7]}`;
}

/**
 * The Atom daily feed (arxiv-docs atom_specifications.md) for the same announcements as a recorded
 * RSS feed. No real Atom capture exists, so this is built element by element from the RSS items.
 */
export function atomFromRss(rss: string, query: string, now: number): string {
  const tag = (block: string, name: string): string | undefined =>
    new RegExp(`<${name}(?: [^>]*)?>([\\s\\S]*?)</${name}>`).exec(block)?.[1];
  const channel = rss.slice(0, rss.search(/<item>|<\/channel>/));
  const title = tag(channel, 'title') ?? `${query} updates on arXiv.org`;
  const subtitle = tag(channel, 'description') ?? '';
  const generated = new Date(now).toISOString().replace('Z', '000+00:00');
  const items = rss.match(/<item>[\s\S]*?<\/item>/g) ?? [];
  const entries = items.map((item) => {
    const opt = (name: string, out: string): string => {
      const v = tag(item, name);
      return v === undefined ? '' : `    <${out}>${v}</${out}>\n`;
    };
    const cats = [...item.matchAll(/<category>([\s\S]*?)<\/category>/g)].map((m) => `    <category term="${m[1]}"/>\n`);
    return (
      `  <entry>\n` +
      `    <id>${tag(item, 'guid') ?? ''}</id>\n` +
      `    <title>${tag(item, 'title') ?? ''}</title>\n` +
      `    <updated>${generated}</updated>\n` +
      `    <link href="${tag(item, 'link') ?? ''}" rel="alternate" type="text/html"/>\n` +
      `    <summary>${tag(item, 'description') ?? ''}</summary>\n` +
      cats.join('') +
      `    <published>${rfc822ToIso(tag(item, 'pubDate') ?? '')}</published>\n` +
      opt('arxiv:announce_type', 'arxiv:announce_type') +
      opt('dc:rights', 'dc:rights') +
      opt('arxiv:journal_reference', 'arxiv:journal_reference') +
      opt('arxiv:DOI', 'arxiv:DOI') +
      opt('dc:creator', 'dc:creator') +
      `  </entry>\n`
    );
  });
  return (
    `<?xml version='1.0' encoding='UTF-8'?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="en-us">\n` +
    `  <id>http://rss.arxiv.org/atom/${query}</id>\n` +
    `  <title>${title}</title>\n` +
    `  <updated>${generated}</updated>\n` +
    `  <link href="http://rss.arxiv.org/atom/${query}" rel="self" type="application/atom+xml"/>\n` +
    `  <subtitle>${subtitle}</subtitle>\n` +
    entries.join('') +
    `</feed>\n`
  );
}

/** A small but valid one-page PDF naming the paper. */
export function fakePdf(id: string): Buffer {
  const text = `arXiv ${id} (Paper Practice test PDF)`.replace(/[()\\]/g, '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const HTML_ERROR_PAGE =
  '<!DOCTYPE html>\n<html lang="en">\n<head><title>arXiv - Service Unavailable</title></head>\n' +
  '<body><h1>Something went wrong</h1><p>We are experiencing high load. Please try again later.</p></body>\n</html>\n';

/**
 * The normal body with one end tag misspelt inside the first record (or anywhere), so the document
 * still looks like the right kind of response but is not well-formed.
 */
function corrupt(body: Buffer): Buffer {
  const text = body.toString('utf8');
  const record = Math.max(0, text.search(/<entry>|<item>/));
  const at = text.indexOf('</title>', record) >= 0 ? text.indexOf('</title>', record) : text.indexOf('</title>');
  if (at < 0) return Buffer.from(text + '<unclosed>', 'utf8');
  return Buffer.from(text.slice(0, at) + '</titel>' + text.slice(at + '</title>'.length), 'utf8');
}

const NEW_ID_RE = /^\d{2}(0[1-9]|1[0-2])\.\d{4,5}(v\d+)?$/;
const OLD_ID_RE = /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/;

function matches(m: RequestMatcher | undefined, r: RecordedRequest): boolean {
  if (m === undefined) return true;
  if (typeof m === 'string') return r.path === m || r.path.startsWith(m.endsWith('/') ? m : m + '/') || r.url.startsWith(m);
  if (m instanceof RegExp) return m.test(r.url);
  return m(r);
}

export class FakeArxiv {
  readonly requests: RecordedRequest[] = [];
  readonly now: () => number;
  private server!: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly faults: FaultRule[] = [];
  private readonly routes: Route[] = [];
  private readonly opts: FakeArxivOptions;
  apiPool: string[];
  apiTotalResults: number | undefined;
  port = 0;
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;

  private constructor(opts: FakeArxivOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.apiPool = opts.apiPool ?? fixtureEntries(FIXTURES.apiCurrent);
    this.apiTotalResults = opts.apiTotalResults;
  }

  static async start(opts: FakeArxivOptions = {}): Promise<FakeArxiv> {
    const fake = new FakeArxiv(opts);
    await fake.listen(opts.port ?? 0);
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get apiUrl(): string {
    return `${this.url}/api/query`;
  }
  get rssUrl(): string {
    return this.url;
  }
  get pdfUrl(): string {
    return `${this.url}/pdf`;
  }
  /** Base URL of the Hugging Face look-alike (`/api/papers/<id>`, `/api/models`, `/api/datasets`). */
  get hfUrl(): string {
    return this.url;
  }

  /** Inject `fault` into the next `times` requests that match (default: any request, once). */
  fault(fault: Fault, opts: { match?: RequestMatcher; times?: number } = {}): this {
    this.faults.push({ fault, match: opts.match, remaining: opts.times ?? 1 });
    return this;
  }

  /** Answer matching requests with `handler` instead of the defaults (later routes win). */
  route(match: RequestMatcher, handler: RouteHandler | FakeResponse): this {
    this.routes.unshift({ match, handler: typeof handler === 'function' ? handler : () => handler });
    return this;
  }

  /** Requests whose path starts with `prefix`. */
  requestsTo(prefix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }

  /** Forget requests, faults and routes. */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.routes.length = 0;
    this.maxInFlight = this.inFlight;
    this.apiPool = this.opts.apiPool ?? fixtureEntries(FIXTURES.apiCurrent);
    this.apiTotalResults = this.opts.apiTotalResults;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private listen(port: number): Promise<void> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake arXiv failed: ${e instanceof Error ? e.stack : String(e)}`);
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawQuery = url.search.replace(/^\?/, '');
    const record: RecordedRequest = {
      time: this.now(),
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      rawQuery,
      url: req.url ?? '/',
      headers: req.headers,
    };
    if (record.path.startsWith('/__fake/')) return this.control(record, req, res);
    this.requests.push(record);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // A response that is never sent (stall) only ends when its socket closes.
    const finish = (): void => {
      this.inFlight--;
      res.off('close', finish);
      req.socket.off('close', finish);
    };
    res.once('close', finish);
    req.socket.once('close', finish);

    const rule = this.faults.find((f) => f.remaining > 0 && matches(f.match, record));
    if (rule) rule.remaining--;
    const fault = rule?.fault;

    switch (fault?.kind) {
      case 'reset':
        return resetSocket(req.socket);
      case 'stall':
        if (fault.headers) {
          res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8', 'content-length': '100000' });
          res.flushHeaders();
        }
        return; // and never answer
      case 'rate-limit':
        return send(res, { status: 429, body: 'Rate exceeded.', headers: { 'content-type': 'text/plain' } });
      case 'unavailable': {
        const headers: Record<string, string> = { 'content-type': 'text/plain' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        return send(res, { status: 503, body: 'Service Unavailable', headers });
      }
      case 'html':
        return send(res, { status: fault.status ?? 200, body: HTML_ERROR_PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } });
      case 'api-error':
        return send(res, {
          status: 400,
          body: apiErrorFeed(fault.message ?? 'incorrect id format for 1234.12345', this.now(), rawQuery),
          headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
        });
      case 'feed-error':
        return send(res, {
          status: 400,
          body: fixtureText(FIXTURES.rssError),
          headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
        });
      case 'status':
        return send(res, { status: fault.status, body: fault.body ?? '', headers: fault.headers ?? { 'content-type': 'text/plain' } });
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms));
        break;
    }

    const response = await this.respond(record, fault?.kind === 'empty-page');
    const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body ?? '', 'utf8');
    const status = response.status ?? 200;
    const headers: Record<string, string> = { ...response.headers };
    if (response.cacheControl) headers['cache-control'] = response.cacheControl;
    if (status === 200 && (response.etag ?? this.opts.etags ?? true)) {
      const etag = `"${crypto.createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
      headers['etag'] = etag;
      const altersBody = fault?.kind === 'truncate' || fault?.kind === 'malformed' || fault?.kind === 'empty-page';
      if (etagMatches(req.headers['if-none-match'], etag) && !altersBody) {
        return send(res, { status: 304, headers: { etag, ...(response.cacheControl ? { 'cache-control': response.cacheControl } : {}) } });
      }
    }
    if (fault?.kind === 'malformed') return send(res, { status, headers, body: corrupt(body) });
    if (fault?.kind === 'truncate') {
      const cut = body.subarray(0, fault.bytes ?? Math.floor(body.length / 2));
      if (fault.declareLength) {
        res.writeHead(status, { ...headers, 'content-length': String(body.length) });
        res.write(cut, () => req.socket.destroy());
        return;
      }
      return send(res, { status, headers, body: cut });
    }
    return send(res, { status, headers, body });
  }

  /** The undisturbed answer: custom routes first, then the arXiv look-alikes. */
  private async respond(r: RecordedRequest, emptyPage: boolean): Promise<FakeResponse> {
    const route = this.routes.find((x) => matches(x.match, r));
    if (route) return route.handler(r, this);
    if (r.path === '/api/query') return this.api(r, emptyPage);
    const hf = hfResponse(r.path, new URLSearchParams(r.rawQuery));
    if (hf) return { status: hf.status, body: JSON.stringify(hf.body), headers: { 'content-type': 'application/json; charset=utf-8' }, etag: false };
    const feed = /^\/(rss|atom)(?:\/(.*))?$/.exec(r.path);
    if (feed) return this.feed(feed[1] as 'rss' | 'atom', feed[2] ?? '');
    const pdf = /^\/pdf\/(.+)$/.exec(r.path);
    if (pdf) {
      if (pdf[1].endsWith('.pdf')) return { status: 301, headers: { location: `/pdf/${pdf[1].slice(0, -4)}` }, body: '' };
      return { body: this.opts.pdfBody ?? fakePdf(pdf[1]), headers: { 'content-type': 'application/pdf' }, cacheControl: 'max-age=86400' };
    }
    return { status: 404, body: 'Not Found', headers: { 'content-type': 'text/plain' }, etag: false };
  }

  private api(r: RecordedRequest, emptyPage: boolean): FakeResponse {
    const xml = (body: string, status = 200): FakeResponse => ({
      status,
      body,
      headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
      cacheControl: status === 200 ? this.opts.apiCacheControl ?? null : null,
      etag: status === 200 ? undefined : false,
    });
    const q = r.query;
    const start = q.start === undefined ? 0 : Number(q.start);
    const max = q.max_results === undefined ? 10 : Number(q.max_results);
    const error = (message: string): FakeResponse => xml(apiErrorFeed(message, this.now(), r.rawQuery), 400);
    if (!Number.isInteger(start) || start < 0) return error('start must be an integer');
    if (!Number.isInteger(max) || max < 0) return error('max_results must be an integer');
    if (max > 30000) return error('max_results must be less than or equal to 30000');
    const echo = `search_query=${q.search_query ?? ''}&id_list=${q.id_list ?? ''}&start=${start}&max_results=${max}`;
    if (q.id_list) {
      const ids = q.id_list.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = ids.find((id) => !NEW_ID_RE.test(id) && !OLD_ID_RE.test(id));
      if (bad) return error(`incorrect id format for ${bad}`);
      const pool = [...this.apiPool, ...fixtureEntries(FIXTURES.apiLegacy)];
      const found: string[] = [];
      for (const want of ids) {
        const m = /^(.+?)(?:v(\d+))?$/.exec(want) as RegExpExecArray;
        const hit = pool.find((e) => {
          const { id, version } = entryId(e);
          return id === m[1] && (m[2] === undefined || Number(m[2]) === version);
        });
        if (hit && !found.includes(hit)) found.push(hit);
      }
      // arXiv does not keep the requested order; reversing makes that visible in tests.
      found.reverse();
      return xml(apiFeed(found.slice(start, start + max), { query: echo, totalResults: found.length, startIndex: start, now: this.now() }));
    }
    if (!q.search_query) return xml(apiFeed([], { query: echo, totalResults: 0, startIndex: start, now: this.now() }));
    const total = this.apiTotalResults ?? this.apiPool.length;
    const entries = emptyPage ? [] : this.apiPool.slice(start, start + max);
    return xml(apiFeed(entries, { query: echo, totalResults: total, startIndex: start, now: this.now() }));
  }

  private feed(format: 'rss' | 'atom', query: string): FakeResponse {
    if (!query) {
      return { body: 'Usage: /rss/<archive or category>[+<more>]\n', headers: { 'content-type': 'text/plain; charset=utf-8' } };
    }
    const type = format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8';
    for (const cat of query.split('+')) {
      const archive = cat.split('.')[0].toLowerCase();
      if (!FEED_ARCHIVES.has(archive)) {
        const body = fixtureText(FIXTURES.rssError).split('astroph').join(xmlEscape(cat));
        return { status: 400, body, headers: { 'content-type': type }, etag: false };
      }
    }
    const name =
      query === COMBINED_FEED_QUERY ? FIXTURES.rssCombined : query.toLowerCase() === 'test' ? FIXTURES.rssEmpty : FIXTURES.rssQuantPh;
    const rss = fixtureText(name);
    const maxAge =
      this.opts.feedMaxAgeSeconds !== undefined
        ? this.opts.feedMaxAgeSeconds
        : Math.round((nextEasternMidnight(this.now()) - this.now()) / 1000);
    return {
      body: format === 'rss' ? rss : atomFromRss(rss, query, this.now()),
      headers: { 'content-type': type },
      cacheControl: maxAge === null ? null : `max-age=${maxAge}`,
    };
  }

  /** JSON control API for tests running in another process. */
  private async control(r: RecordedRequest, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const json = (status: number, value: unknown): void =>
      send(res, { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const input = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    if (r.path === '/__fake/requests') return json(200, this.requests);
    if (r.path === '/__fake/reset' && r.method === 'POST') {
      this.reset();
      return json(200, { ok: true });
    }
    if (r.path === '/__fake/fault' && r.method === 'POST') {
      const m = input.match as string | { regex: string } | undefined;
      const match = typeof m === 'object' && m ? new RegExp(m.regex) : m;
      this.fault(input.fault as Fault, { match, times: typeof input.times === 'number' ? input.times : 1 });
      return json(200, { ok: true });
    }
    if (r.path === '/__fake/api-total' && r.method === 'POST') {
      this.apiTotalResults = typeof input.totalResults === 'number' ? input.totalResults : undefined;
      return json(200, { ok: true });
    }
    return json(404, { error: `unknown control path ${r.path}` });
  }
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function send(res: http.ServerResponse, r: { status: number; headers?: Record<string, string>; body?: string | Buffer }): void {
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
  res.writeHead(r.status, { ...r.headers, 'content-length': String(body.length) });
  res.end(r.status === 304 ? undefined : body);
}

function resetSocket(socket: Socket): void {
  const s = socket as Socket & { resetAndDestroy?: () => void };
  if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
  else s.destroy();
}

/** Runs `fn` with a started fake and always closes it. */
export async function withFakeArxiv<T>(fn: (fake: FakeArxiv) => Promise<T>, opts?: FakeArxivOptions): Promise<T> {
  const fake = await FakeArxiv.start(opts);
  try {
    return await fn(fake);
  } finally {
    await fake.close();
  }
}
