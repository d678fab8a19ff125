import * as assert from 'assert';
import { XMLValidator } from 'fast-xml-parser';
import * as http from 'http';
import { FIXTURES, FakeArxiv, fakePdf, fixtureText } from '../../support/fakeArxiv';
import { spawnFakeArxiv } from '../../support/fakeArxivMain';

interface Got {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Plain node:http, so these tests check the server and not our client. */
function get(url: string, opts: { headers?: Record<string, string>; method?: string; body?: string } = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('fake arXiv server', () => {
  let fake: FakeArxiv;
  let t = 1_000_000;
  beforeEach(async () => {
    fake = await FakeArxiv.start({ now: () => t });
  });
  afterEach(() => fake.close());

  it('listens on 127.0.0.1 and serves the recorded RSS feed byte for byte, recording the request', async () => {
    assert.match(fake.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    t = 42;
    const r = await get(`${fake.url}/rss/quant-ph?x=1`, { headers: { 'user-agent': 'T/1' } });
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.body, fixtureText(FIXTURES.rssQuantPh));
    assert.match(String(r.headers['content-type']), /rss\+xml/);
    assert.match(String(r.headers['cache-control']), /^max-age=\d+$/);
    assert.deepStrictEqual(
      fake.requests.map((q) => [q.time, q.method, q.path, q.query, q.headers['user-agent']]),
      [[42, 'GET', '/rss/quant-ph', { x: '1' }, 'T/1']],
    );
  });

  it('answers If-None-Match with 304 and an empty body', async () => {
    const first = await get(`${fake.url}/rss/quant-ph`);
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[0-9a-f]+"$/);
    const again = await get(`${fake.url}/rss/quant-ph`, { headers: { 'if-none-match': etag } });
    assert.strictEqual(again.status, 304);
    assert.strictEqual(again.body, '');
    const other = await get(`${fake.url}/rss/quant-ph`, { headers: { 'if-none-match': '"nope"' } });
    assert.strictEqual(other.status, 200);
  });

  it('pages API results from the recorded entries and reverses id_list order', async () => {
    const page = await get(`${fake.apiUrl}?search_query=all:x&start=5&max_results=3`);
    assert.strictEqual(page.status, 200);
    assert.strictEqual(XMLValidator.validate(page.body), true);
    assert.strictEqual((page.body.match(/<entry>/g) ?? []).length, 3);
    assert.match(page.body, /<opensearch:totalResults>20<\/opensearch:totalResults>/);
    assert.match(page.body, /<opensearch:startIndex>5<\/opensearch:startIndex>/);
    const ids = await get(`${fake.apiUrl}?id_list=2604.26951,1611.09520v2,2604.26942v9&max_results=3`);
    assert.deepStrictEqual(
      [...ids.body.matchAll(/<id>http:\/\/arxiv\.org\/abs\/([^<]+)<\/id>/g)].map((m) => m[1]),
      ['1611.09520v2', '2604.26951v1'],
    );
    const bad = await get(`${fake.apiUrl}?id_list=1234.1234`);
    assert.strictEqual(bad.status, 400);
    assert.match(bad.body, /<title>Error<\/title>/);
    assert.match(bad.body, /api\/errors#incorrect_id_format_for_1234\.1234/);
  });

  it('serves feed errors with 400, empty days, synthesised Atom and PDFs', async () => {
    const err = await get(`${fake.url}/rss/astroph`);
    assert.strictEqual(err.status, 400);
    assert.strictEqual(err.body, fixtureText(FIXTURES.rssError));
    const empty = await get(`${fake.url}/rss/test`);
    assert.strictEqual(empty.body, fixtureText(FIXTURES.rssEmpty));
    const atom = await get(`${fake.url}/atom/quant-ph`);
    assert.strictEqual(XMLValidator.validate(atom.body), true);
    assert.strictEqual((atom.body.match(/<entry>/g) ?? []).length, 81);
    assert.match(atom.body, /<id>oai:arXiv\.org:2504\.17830v1<\/id>/);
    assert.match(atom.body, /<published>2025-04-28T00:00:00-04:00<\/published>/);
    const pdf = await get(`${fake.pdfUrl}/2604.26951v1`);
    assert.ok(pdf.body.startsWith('%PDF-1.4'));
    assert.ok(fakePdf('x').toString('latin1').trimEnd().endsWith('%%EOF'));
    const redirect = await get(`${fake.pdfUrl}/2604.26951.pdf`);
    assert.strictEqual(redirect.status, 301);
    assert.strictEqual(redirect.headers.location, '/pdf/2604.26951');
  });

  it('injects faults once, a number of times, or per route', async () => {
    fake.fault({ kind: 'rate-limit' }, { match: '/api/query', times: 2 });
    const feed = await get(`${fake.url}/rss/quant-ph`);
    assert.strictEqual(feed.status, 200, 'fault leaked to another route');
    for (let i = 0; i < 2; i++) {
      const r = await get(`${fake.apiUrl}?search_query=all:x`);
      assert.strictEqual(r.status, 429);
      assert.strictEqual(r.body, 'Rate exceeded.');
      assert.strictEqual(r.headers['retry-after'], undefined);
    }
    assert.strictEqual((await get(`${fake.apiUrl}?search_query=all:x`)).status, 200);

    fake.fault({ kind: 'unavailable', retryAfter: 7 });
    const u = await get(`${fake.url}/rss/quant-ph`);
    assert.deepStrictEqual([u.status, u.headers['retry-after']], [503, '7']);

    fake.fault({ kind: 'html' });
    assert.match((await get(`${fake.url}/rss/quant-ph`)).body, /^<!DOCTYPE html>/);
    fake.fault({ kind: 'malformed' });
    assert.notStrictEqual(XMLValidator.validate((await get(`${fake.url}/rss/quant-ph`)).body), true);
    fake.fault({ kind: 'truncate', bytes: 100 });
    assert.strictEqual((await get(`${fake.url}/rss/quant-ph`)).body, fixtureText(FIXTURES.rssQuantPh).slice(0, 100));
    fake.fault({ kind: 'api-error', message: 'start must be an integer' });
    const apiErr = await get(`${fake.apiUrl}?start=foo`);
    assert.strictEqual(apiErr.status, 400);
    assert.match(apiErr.body, /<summary>start must be an integer<\/summary>/);
    fake.fault({ kind: 'feed-error' });
    assert.strictEqual((await get(`${fake.url}/rss/quant-ph`)).status, 400);
  });

  it('resets connections and stalls on request', async () => {
    fake.fault({ kind: 'reset' });
    await assert.rejects(get(`${fake.url}/rss/quant-ph`), (e: NodeJS.ErrnoException) => e.code === 'ECONNRESET');
    fake.fault({ kind: 'stall', headers: true });
    const headersOnly = await new Promise<number>((resolve, reject) => {
      const req = http.get(`${fake.url}/rss/quant-ph`, { agent: false }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', () => undefined);
      setTimeout(() => reject(new Error('no headers')), 1000);
    });
    assert.strictEqual(headersOnly, 200);
    fake.fault({ kind: 'stall' });
    const nothing = await new Promise<string>((resolve) => {
      const req = http.get(`${fake.url}/rss/quant-ph`, { agent: false }, () => resolve('answered'));
      req.on('error', () => undefined);
      setTimeout(() => {
        req.destroy();
        resolve('silent');
      }, 100);
    });
    assert.strictEqual(nothing, 'silent');
  });

  it('accepts custom routes and exposes a JSON control API', async () => {
    fake.route('/custom', { status: 418, body: 'teapot' });
    assert.strictEqual((await get(`${fake.url}/custom/x`)).status, 418);
    const post = await get(`${fake.url}/__fake/fault`, {
      method: 'POST',
      body: JSON.stringify({ fault: { kind: 'rate-limit' }, match: { regex: '^/rss/' } }),
    });
    assert.strictEqual(post.status, 200);
    assert.strictEqual((await get(`${fake.url}/rss/cs.LG`)).status, 429);
    const log = JSON.parse((await get(`${fake.url}/__fake/requests`)).body) as { path: string }[];
    assert.deepStrictEqual(
      log.map((r) => r.path),
      ['/custom/x', '/rss/cs.LG'],
    );
    await get(`${fake.url}/__fake/reset`, { method: 'POST' });
    assert.strictEqual(fake.requests.length, 0);
  });

  it('runs as its own process and prints its URL as JSON', async () => {
    const child = await spawnFakeArxiv();
    try {
      assert.match(child.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.strictEqual(child.apiUrl, `${child.url}/api/query`);
      const r = await get(`${child.url}/rss/test`);
      assert.strictEqual(r.status, 200);
      const log = JSON.parse((await get(`${child.url}/__fake/requests`)).body) as unknown[];
      assert.strictEqual(log.length, 1);
    } finally {
      await child.stop();
    }
  });
});
