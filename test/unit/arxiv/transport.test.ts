import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { FetchError } from 'node-fetch';
import { ArxivError } from '../../../src/core/arxiv/errors';
import { VirtualClock } from '../../../src/core/http/clock';
import { assertPdfBody, assertXmlBody } from '../../../src/core/http/content';
import { RequestGate } from '../../../src/core/http/gate';
import { networkError } from '../../../src/core/http/netErrors';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from '../../../src/core/http/retry';
import { HttpTransport, RetryEvent, TransportOptions } from '../../../src/core/http/transport';
import { defaultUserAgent, productVersion } from '../../../src/core/http/userAgent';
import { FakeArxiv } from '../../support/fakeArxiv';
import { rejectsCode } from '../../support/arxivAsserts';

function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]);
}

describe('HttpTransport (polite transport)', () => {
  let clock: VirtualClock;
  let fake: FakeArxiv;
  let retries: RetryEvent[];

  beforeEach(async () => {
    clock = new VirtualClock();
    fake = await FakeArxiv.start({ now: () => clock.now() });
    retries = [];
  });
  afterEach(() => fake.close());

  function transport(opts: TransportOptions = {}): HttpTransport {
    return new HttpTransport({
      gate: new RequestGate({ clock }),
      timeoutMs: 2000,
      retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 20_000 },
      random: () => 0.5,
      onRetry: (e) => retries.push(e),
      ...opts,
    });
  }

  it('spaces requests at least 3 s apart and keeps one connection, across API, feeds and PDFs', async () => {
    const gate = new RequestGate({ clock });
    const a = transport({ gate });
    const b = transport({ gate }); // a second client sharing the process-wide gate
    const urls = [`${fake.apiUrl}?search_query=all:x&start=0&max_results=1`, `${fake.url}/rss/quant-ph`, `${fake.pdfUrl}/2604.26951`];
    const results = await Promise.all([
      ...urls.map((url) => a.request({ url })),
      ...urls.map((url) => b.request({ url })),
    ]);
    assert.deepStrictEqual(
      results.map((r) => r.status),
      [200, 200, 200, 200, 200, 200],
    );
    const times = fake.requests.map((r) => r.time);
    assert.strictEqual(times.length, 6);
    for (const g of gaps(times)) assert.ok(g >= 3000, `gap ${g} ms < 3000 ms in ${gaps(times).join(', ')}`);
    assert.strictEqual(fake.maxInFlight, 1, 'more than one request was in flight at once');
    assert.deepStrictEqual(gate.starts, times);
  });

  it('sends the descriptive User-Agent, and a configured one', async () => {
    await transport().request({ url: `${fake.url}/rss/quant-ph` });
    await transport({ userAgent: 'Custom/1.0' }).request({ url: `${fake.url}/rss/quant-ph` });
    assert.strictEqual(
      fake.requests[0].headers['user-agent'],
      `PaperPractice/${productVersion()} (+https://github.com/paper-practice/paper-practice; mailto-less)`,
    );
    assert.match(productVersion(), /^\d+\.\d+\.\d+/);
    assert.strictEqual(defaultUserAgent('9.9.9'), 'PaperPractice/9.9.9 (+https://github.com/paper-practice/paper-practice; mailto-less)');
    assert.strictEqual(fake.requests[1].headers['user-agent'], 'Custom/1.0');
  });

  it('retries a bare 429 with growing backoff and succeeds', async () => {
    fake.fault({ kind: 'rate-limit' }, { times: 2 });
    const res = await transport().request({ url: `${fake.url}/rss/quant-ph` });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.attempts, 3);
    assert.strictEqual(fake.requests.length, 3);
    assert.deepStrictEqual(
      retries.map((r) => [r.reason, r.delayMs]),
      [
        ['HTTP 429', 750],
        ['HTTP 429', 1500],
      ],
    );
  });

  it('gives up on persistent 429 after the attempt budget with rate-limited, delays capped', async () => {
    fake.fault({ kind: 'rate-limit' }, { times: 100 });
    const t = transport({ retry: { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 3000, maxRetryAfterMs: 20_000 } });
    const err = await rejectsCode(t.request({ url: `${fake.url}/rss/quant-ph` }), 'rate-limited');
    assert.match(err.message, /429/);
    assert.match(err.message, /Rate exceeded\./);
    assert.strictEqual(err.details.status, 429);
    assert.strictEqual(fake.requests.length, 6);
    assert.deepStrictEqual(
      retries.map((r) => r.delayMs),
      [750, 1500, 2250, 2250, 2250],
    );
    // The waits really happened (in virtual time) between the attempts.
    for (const [i, g] of gaps(fake.requests.map((r) => r.time)).entries()) {
      assert.ok(g >= Math.max(3000, retries[i].delayMs), `attempt gap ${g}`);
    }
  });

  it('keeps jittered backoff within [d/2, d] and never above the cap', () => {
    for (const r of [0, 0.25, 0.5, 0.999]) {
      let prevLow = 0;
      for (let i = 0; i < 12; i++) {
        const d = backoffDelay(i, { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 16_000 }, () => r);
        const full = Math.min(16_000, 1000 * 2 ** i);
        assert.ok(d >= full / 2 && d <= full, `retry ${i}: ${d} outside [${full / 2}, ${full}]`);
        assert.ok(full / 2 >= prevLow);
        prevLow = full / 2;
      }
    }
  });

  it('honours 503 Retry-After, capped, and falls back to backoff without it', async () => {
    fake.fault({ kind: 'unavailable', retryAfter: 10 });
    fake.fault({ kind: 'unavailable', retryAfter: 99_999 });
    fake.fault({ kind: 'unavailable' });
    const res = await transport().request({ url: `${fake.url}/rss/quant-ph` });
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(
      retries.map((r) => r.delayMs),
      [10_000, 20_000, 3000],
    );
    const g = gaps(fake.requests.map((r) => r.time));
    assert.ok(g[0] >= 10_000 && g[1] >= 20_000, `gaps ${g.join(', ')}`);
  });

  it('reports persistent 503 as rate-limited and 500 as http-status', async () => {
    fake.fault({ kind: 'unavailable', retryAfter: 1 }, { times: 4 });
    await rejectsCode(transport().request({ url: `${fake.url}/rss/quant-ph` }), 'rate-limited');
    fake.fault({ kind: 'status', status: 500 }, { times: 4 });
    const err = await rejectsCode(transport().request({ url: `${fake.url}/rss/quant-ph` }), 'http-status');
    assert.strictEqual(err.details.status, 500);
  });

  it('returns non-retryable statuses (404, 400) to the caller after one attempt', async () => {
    const res = await transport().request({ url: `${fake.url}/nothing-here` });
    assert.strictEqual(res.status, 404);
    fake.fault({ kind: 'api-error' });
    const bad = await transport().request({ url: `${fake.apiUrl}?id_list=1234.12345` });
    assert.strictEqual(bad.status, 400);
    assert.strictEqual(fake.requests.length, 2);
  });

  it('retries connection resets, then reports offline', async () => {
    fake.fault({ kind: 'reset' }, { times: 2 });
    const ok = await transport().request({ url: `${fake.url}/rss/quant-ph` });
    assert.strictEqual(ok.attempts, 3);
    fake.fault({ kind: 'reset' }, { times: 10 });
    await rejectsCode(transport().request({ url: `${fake.url}/rss/quant-ph` }), 'offline');
    assert.strictEqual(fake.requests.length, 3 + 4);
  });

  it('treats a body cut off mid-stream (connection dropped) as a retryable network failure', async () => {
    fake.fault({ kind: 'truncate', declareLength: true });
    const t0 = Date.now();
    const res = await transport({ timeoutMs: 5000 }).request({ url: `${fake.url}/rss/quant-ph` });
    assert.ok(Date.now() - t0 < 1000, 'the drop was only noticed by the timeout');
    assert.strictEqual(res.attempts, 2);
    assert.match(retries[0].reason, /^network .*ERR_STREAM_PREMATURE_CLOSE/);
    assert.strictEqual(res.body.length, 147_733);
  });

  it('times out a response whose headers arrive but whose body never does, and retries it', async () => {
    fake.fault({ kind: 'stall', headers: true }, { times: 5 });
    const t0 = Date.now();
    const err = await rejectsCode(
      transport({ timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1000, maxDelayMs: 1000, maxRetryAfterMs: 1000 } }).request({
        url: `${fake.url}/rss/quant-ph`,
      }),
      'timeout',
    );
    assert.match(err.message, /within 0\.1 s/);
    assert.strictEqual(fake.requests.length, 2);
    assert.deepStrictEqual(
      retries.map((r) => r.reason),
      ['timeout'],
    );
    assert.ok(Date.now() - t0 < 1500, 'timeouts took too long');
  });

  it('times out a server that never answers at all', async () => {
    fake.fault({ kind: 'stall' });
    await rejectsCode(
      transport({ timeoutMs: 80, retry: { maxAttempts: 1 } }).request({ url: `${fake.url}/rss/quant-ph` }),
      'timeout',
    );
  });

  it('reports a refused connection as offline without retrying', async () => {
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const err = await rejectsCode(transport().request({ url: `http://127.0.0.1:${port}/api/query` }), 'offline');
    assert.match(err.message, /ECONNREFUSED/);
    assert.deepStrictEqual(retries, []);
  });

  it('maps DNS failures to dns and resets to offline (node-fetch error shapes)', () => {
    const sys = (code: string): FetchError =>
      new FetchError(`request failed, reason: getaddrinfo ${code} export.arxiv.org`, 'system', Object.assign(new Error(code), { code }));
    assert.strictEqual(networkError(sys('ENOTFOUND'), 'https://export.arxiv.org').code, 'dns');
    assert.strictEqual(networkError(sys('EAI_AGAIN'), 'https://export.arxiv.org').code, 'dns');
    assert.strictEqual(networkError(sys('ECONNRESET'), 'https://export.arxiv.org').code, 'offline');
    assert.strictEqual(networkError(sys('ECONNREFUSED'), 'https://export.arxiv.org').code, 'offline');
  });

  it('follows redirects itself, each hop through the gate', async () => {
    const res = await transport().request({ url: `${fake.pdfUrl}/2604.26951.pdf` });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.url, `${fake.pdfUrl}/2604.26951`);
    assert.deepStrictEqual(
      fake.requests.map((r) => r.path),
      ['/pdf/2604.26951.pdf', '/pdf/2604.26951'],
    );
    assert.ok(fake.requests[1].time - fake.requests[0].time >= 3000);
  });

  it('reports body progress', async () => {
    const seen: [number, number | null][] = [];
    await transport().request({ url: `${fake.url}/rss/quant-ph`, onProgress: (n, total) => seen.push([n, total]) });
    assert.ok(seen.length >= 1);
    assert.deepStrictEqual(seen[seen.length - 1], [147_733, 147_733]);
  });

  describe('cancellation', () => {
    it('stops a stalled fetch promptly', async () => {
      fake.fault({ kind: 'stall', headers: true });
      const ac = new AbortController();
      const t0 = Date.now();
      setTimeout(() => ac.abort(), 30);
      await rejectsCode(transport({ timeoutMs: 10_000 }).request({ url: `${fake.url}/rss/quant-ph`, signal: ac.signal }), 'cancelled');
      assert.ok(Date.now() - t0 < 200, `took ${Date.now() - t0} ms`);
    });

    it('stops while waiting for the 3 s spacing at the gate', async () => {
      const manual = new VirtualClock(Date.UTC(2026, 0, 5), { autoAdvance: false });
      const t = transport({ gate: new RequestGate({ clock: manual }) });
      await t.request({ url: `${fake.url}/rss/quant-ph` }); // first one passes at once
      const ac = new AbortController();
      const second = t.request({ url: `${fake.url}/rss/quant-ph`, signal: ac.signal });
      const t0 = Date.now();
      setTimeout(() => ac.abort(), 20);
      await rejectsCode(second, 'cancelled');
      assert.ok(Date.now() - t0 < 200);
      assert.strictEqual(fake.requests.length, 1);
      assert.strictEqual(manual.pending, 0, 'the gate sleep was not cleaned up');
    });

    it('stops while queued behind another request holding the gate', async () => {
      fake.fault({ kind: 'stall', headers: true });
      const t = transport({ timeoutMs: 10_000 });
      const holder = new AbortController();
      const queued = new AbortController();
      const first = t.request({ url: `${fake.url}/rss/quant-ph`, signal: holder.signal });
      const second = t.request({ url: `${fake.url}/rss/quant-ph`, signal: queued.signal });
      const t0 = Date.now();
      setTimeout(() => queued.abort(), 30);
      await rejectsCode(second, 'cancelled');
      assert.ok(Date.now() - t0 < 200);
      holder.abort();
      await rejectsCode(first, 'cancelled');
      // The gate is free again: a new request goes through.
      const again = await t.request({ url: `${fake.url}/rss/quant-ph` });
      assert.strictEqual(again.status, 200);
      assert.strictEqual(fake.requests.length, 2);
    });

    it('stops during backoff', async () => {
      const manual = new VirtualClock(Date.UTC(2026, 0, 5), { autoAdvance: false });
      fake.fault({ kind: 'rate-limit' }, { times: 5 });
      const ac = new AbortController();
      const p = transport({ gate: new RequestGate({ clock: manual }) }).request({ url: `${fake.url}/rss/quant-ph`, signal: ac.signal });
      while (retries.length === 0) await new Promise((r) => setTimeout(r, 5));
      const t0 = Date.now();
      ac.abort();
      await rejectsCode(p, 'cancelled');
      assert.ok(Date.now() - t0 < 200);
      assert.strictEqual(fake.requests.length, 1);
    });

    it('rejects at once when already aborted, without a request', async () => {
      const ac = new AbortController();
      ac.abort();
      await rejectsCode(transport().request({ url: `${fake.url}/rss/quant-ph`, signal: ac.signal }), 'cancelled');
      assert.strictEqual(fake.requests.length, 0);
    });
  });
});

describe('content sniffing and Retry-After', () => {
  it('flags HTML where XML was expected, and non-PDF bodies', () => {
    assert.throws(
      () => assertXmlBody(Buffer.from('<!DOCTYPE html><html></html>'), 'text/html', 'u'),
      (e: ArxivError) => e.code === 'unexpected-content',
    );
    assert.throws(() => assertXmlBody(Buffer.from('\n <html><body>x'), null, 'u'), (e: ArxivError) => e.code === 'unexpected-content');
    assert.throws(() => assertXmlBody(Buffer.alloc(0), null, 'u'), (e: ArxivError) => e.code === 'malformed-xml');
    assertXmlBody(Buffer.from("<?xml version='1.0'?><feed/>"), 'application/atom+xml', 'u');
    assertXmlBody(Buffer.from("<?xml version='1.0'?><rss/>"), 'text/html', 'u'); // wrong label, XML body
    assert.throws(() => assertPdfBody(Buffer.from('<html>'), 'u'), (e: ArxivError) => e.code === 'unexpected-content' && /HTML/.test(e.message));
    assertPdfBody(Buffer.from('%PDF-1.4\n1 0 obj\n%%EOF\n'), 'u');
    // Cut off mid-way: the start is right, the end-of-file marker is missing.
    assert.throws(() => assertPdfBody(Buffer.from('%PDF-1.4\n1 0 obj\n'), 'u'), (e: ArxivError) => e.code === 'unexpected-content' && /cut off/.test(e.message));
  });

  it('parses Retry-After seconds and dates', () => {
    const now = Date.UTC(2026, 0, 5, 12);
    assert.strictEqual(parseRetryAfter('120', now), 120_000);
    assert.strictEqual(parseRetryAfter(new Date(now + 5000).toUTCString(), now), 5000);
    assert.strictEqual(parseRetryAfter('soon', now), undefined);
    assert.strictEqual(parseRetryAfter(undefined, now), undefined);
  });
});
