/**
 * The one way Paper Practice talks HTTP to arXiv. Every request passes the shared RequestGate
 * (1 request / 3 s, one connection), identifies itself with a descriptive User-Agent, has a
 * deadline for the *whole* response (a server that sends headers and then stalls still times out),
 * and is retried with capped exponential backoff on 429/5xx, resets and timeouts. The caller's
 * AbortSignal stops it promptly wherever it is: queued at the gate, in flight, or backing off.
 */
import * as http from 'http';
import * as https from 'https';
import { nodeFetch } from '../lazy';
import { ArxivError } from '../arxiv/errors';
import { Clock, cancelledError, throwIfAborted } from './clock';
import { RequestGate, sharedGate } from './gate';
import { isRetryableNetworkError, networkError } from './netErrors';
import { DEFAULT_RETRY, RetryPolicy, backoffDelay, isRetryableStatus, parseRetryAfter } from './retry';
import { defaultUserAgent } from './userAgent';

export interface HttpRequest {
  url: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides the transport's per-attempt deadline. */
  timeoutMs?: number;
  /** Bytes of body received so far, and the announced total when the server gave one. */
  onProgress?: (received: number, total: number | null) => void;
}

export interface HttpResponse {
  /** Final URL, after redirects. */
  url: string;
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
  /** Attempts it took (1 = first try). */
  attempts: number;
}

export interface RetryEvent {
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface TransportOptions {
  gate?: RequestGate;
  userAgent?: string;
  /** Deadline for one attempt, headers and body together. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  maxRedirects?: number;
  /** Called before each backoff wait (logging, tests). */
  onRetry?: (e: RetryEvent) => void;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

// One socket per scheme for the whole process matches "one connection at a time"; keep-alive
// spares arXiv a TLS handshake per request.
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 1 }),
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class HttpTransport {
  readonly gate: RequestGate;
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  private readonly random: () => number;
  private readonly maxRedirects: number;
  private readonly onRetry?: (e: RetryEvent) => void;

  constructor(opts: TransportOptions = {}) {
    this.gate = opts.gate ?? sharedGate();
    this.userAgent = opts.userAgent ?? defaultUserAgent();
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.random = opts.random ?? Math.random;
    this.maxRedirects = opts.maxRedirects ?? 5;
    this.onRetry = opts.onRetry;
  }

  get clock(): Clock {
    return this.gate.clock;
  }

  /**
   * Performs the request with retries. Returns every response that is not retryable (2xx, 304,
   * 4xx other than 429) for the caller to judge; throws ArxivError for everything else.
   */
  async request(req: HttpRequest): Promise<HttpResponse> {
    let url = req.url;
    let redirects = 0;
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(req.signal);
      let delayMs: number;
      let reason: string;
      try {
        const res = await this.once(url, req, attempt);
        const location = res.headers['location'];
        if (REDIRECTS.has(res.status) && location) {
          // Followed by hand so every hop passes the gate too.
          if (++redirects > this.maxRedirects) {
            throw new ArxivError('http-status', `Too many redirects fetching ${req.url}.`, { status: res.status, url });
          }
          url = new URL(location, url).toString();
          attempt--;
          continue;
        }
        if (!isRetryableStatus(res.status)) return res;
        if (attempt >= this.retry.maxAttempts) throw statusFailure(res, attempt);
        const retryAfter = parseRetryAfter(res.headers['retry-after'], this.clock.now());
        delayMs =
          retryAfter !== undefined
            ? Math.min(retryAfter, this.retry.maxRetryAfterMs)
            : backoffDelay(attempt - 1, this.retry, this.random);
        reason = `HTTP ${res.status}`;
        // The server is overloaded for everyone: hold back every client sharing the gate.
        this.gate.cooldown(this.clock.now() + delayMs);
      } catch (e) {
        const err = e instanceof ArxivError ? e : networkError(e, url);
        if (err.code === 'cancelled' || !isRetryableNetworkError(err) || attempt >= this.retry.maxAttempts) throw err;
        delayMs = backoffDelay(attempt - 1, this.retry, this.random);
        reason = err.code === 'timeout' ? 'timeout' : `network (${err.message})`;
      }
      this.onRetry?.({ url, attempt, delayMs, reason });
      await this.clock.sleep(delayMs, req.signal);
    }
  }

  /** One attempt: gate, fetch, read the whole body, all under one deadline. */
  private async once(url: string, req: HttpRequest, attempt: number): Promise<HttpResponse> {
    const release = await this.gate.acquire(req.signal);
    const ac = new AbortController();
    let timedOut = false;
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, timeoutMs);
    const onAbort = (): void => ac.abort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    let cutOff = false;
    try {
      const res = await nodeFetch()(url, {
        headers: { 'User-Agent': this.userAgent, ...req.headers },
        redirect: 'manual',
        signal: ac.signal as never, // node-fetch@2 types predate the DOM AbortSignal
        agent: (u: URL) =>
          watchingAgent(u.protocol === 'http:' ? agents.http : agents.https, () => {
            cutOff = true;
            ac.abort();
          }),
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const total = Number(headers['content-length']);
      const chunks: Buffer[] = [];
      let received = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        received += chunk.length;
        req.onProgress?.(received, Number.isFinite(total) && total > 0 ? total : null);
      }
      return { url, status: res.status, headers, body: Buffer.concat(chunks), attempts: attempt };
    } catch (e) {
      if (req.signal?.aborted) throw cancelledError(req.signal);
      if (cutOff && !timedOut) {
        throw networkError(Object.assign(new Error('connection closed before the whole body arrived'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }), url);
      }
      if (timedOut) {
        throw new ArxivError('timeout', `No complete response from ${url} within ${Math.round(timeoutMs / 100) / 10} s.`, {
          url,
          cause: e,
        });
      }
      throw networkError(e, url);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      release();
    }
  }
}

/**
 * node-fetch@2 never ends the body when a connection drops before Content-Length bytes arrived
 * (it only pipes the response), so the read would hang until the timeout. This per-request view
 * of the shared agent sees the raw response and reports an incomplete close.
 */
function watchingAgent(shared: http.Agent, onCutOff: () => void): http.Agent {
  const view = Object.create(shared) as http.Agent & { addRequest(req: http.ClientRequest, o: unknown): void };
  view.addRequest = (req: http.ClientRequest, o: unknown) => {
    req.once('response', (res: http.IncomingMessage) => {
      res.once('close', () => {
        if (!res.complete) onCutOff();
      });
    });
    (shared as unknown as { addRequest(r: http.ClientRequest, o: unknown): void }).addRequest(req, o);
  };
  return view;
}

function statusFailure(res: HttpResponse, attempts: number): ArxivError {
  const text = res.body.subarray(0, 200).toString('utf8').trim();
  const said = text && !text.startsWith('<') ? ` ("${text}")` : '';
  const code = res.status === 429 || res.status === 503 ? 'rate-limited' : 'http-status';
  const what = code === 'rate-limited' ? 'arXiv is refusing requests for now' : 'arXiv server error';
  return new ArxivError(code, `${what}: HTTP ${res.status}${said} after ${attempts} attempts from ${res.url}.`, {
    status: res.status,
    url: res.url,
  });
}
