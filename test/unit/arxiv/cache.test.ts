import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ResponseCache } from '../../../src/core/arxiv/cache';
import { ArxivClient } from '../../../src/core/arxiv/client';
import { writeFileAtomic } from '../../../src/core/fs/atomicWrite';
import { VirtualClock } from '../../../src/core/http/clock';
import { expiryFor, nextEasternMidnight, parseCacheControl } from '../../../src/core/http/freshness';
import { RequestGate } from '../../../src/core/http/gate';
import { FakeArxiv } from '../../support/fakeArxiv';
import { rejectsCode } from '../../support/arxivAsserts';

const iso = (t: number): string => new Date(t).toISOString();
const HOUR = 3600_000;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pp-cache-'));
}

describe('arXiv freshness (next announcement, New York time)', () => {
  it('expires at the next midnight in New York, across both DST changes', () => {
    // Sat 7 Mar 2026, EST (UTC-5): next midnight is Sun 8 Mar 00:00 EST = 05:00Z.
    assert.strictEqual(iso(nextEasternMidnight(Date.UTC(2026, 2, 7, 12))), '2026-03-08T05:00:00.000Z');
    // Sun 8 Mar 2026 after the 02:00 spring-forward: Mon 9 Mar 00:00 EDT = 04:00Z.
    assert.strictEqual(iso(nextEasternMidnight(Date.UTC(2026, 2, 8, 12))), '2026-03-09T04:00:00.000Z');
    // Sat 31 Oct 2026, EDT: Sun 1 Nov 00:00 EDT = 04:00Z (fall-back happens at 02:00 that night).
    assert.strictEqual(iso(nextEasternMidnight(Date.UTC(2026, 9, 31, 12))), '2026-11-01T04:00:00.000Z');
    // Sun 1 Nov 2026 after fall-back: Mon 2 Nov 00:00 EST = 05:00Z.
    assert.strictEqual(iso(nextEasternMidnight(Date.UTC(2026, 10, 1, 12))), '2026-11-02T05:00:00.000Z');
    // 23:30 New York on 5 Jan is already 6 Jan in UTC; midnight is 30 minutes away.
    assert.strictEqual(iso(nextEasternMidnight(Date.UTC(2026, 0, 6, 4, 30))), '2026-01-06T05:00:00.000Z');
    // Exactly at midnight: the next one, a day later.
    assert.strictEqual(iso(nextEasternMidnight(Date.UTC(2026, 0, 6, 5))), '2026-01-07T05:00:00.000Z');
  });

  it('skips the weekend midnights for API results (no announcements Fri and Sat)', () => {
    // Fri 9 Jan 2026 10:00 New York: the next announcement is Sun 20:00, live Mon 00:00.
    assert.strictEqual(iso(nextEasternMidnight(Date.UTC(2026, 0, 9, 15), { weekdaysOnly: true })), '2026-01-12T05:00:00.000Z');
    // Sun 11 Jan 22:00 New York (Mon 03:00Z): Monday midnight is two hours away.
    assert.strictEqual(iso(nextEasternMidnight(Date.UTC(2026, 0, 12, 3), { weekdaysOnly: true })), '2026-01-12T05:00:00.000Z');
    // Thu 8 Jan 21:00 New York: Friday 00:00 follows Thursday's announcement.
    assert.strictEqual(iso(nextEasternMidnight(Date.UTC(2026, 0, 9, 2), { weekdaysOnly: true })), '2026-01-09T05:00:00.000Z');
  });

  it('prefers Cache-Control max-age, honours no-cache, falls back to the rhythm', () => {
    const now = Date.UTC(2026, 0, 9, 15);
    assert.deepStrictEqual(parseCacheControl('public, max-age=600'), { maxAgeMs: 600_000, noStore: false, noCache: false });
    assert.deepStrictEqual(parseCacheControl('no-store'), { noStore: true, noCache: false });
    assert.strictEqual(expiryFor(now, parseCacheControl('max-age=600'), 'api'), now + 600_000);
    assert.strictEqual(expiryFor(now, parseCacheControl('no-cache'), 'feed'), now);
    assert.strictEqual(iso(expiryFor(now, parseCacheControl(undefined), 'feed')), '2026-01-10T05:00:00.000Z');
    assert.strictEqual(iso(expiryFor(now, parseCacheControl(undefined), 'api')), '2026-01-12T05:00:00.000Z');
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary files', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sub', 'a.json');
    await writeFileAtomic(file, '{"v":1}');
    await writeFileAtomic(file, '{"v":2}');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '{"v":2}');
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['a.json']);
  });

  it('cleans up its temporary file when the rename fails', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target); // a directory where the file should go: rename must fail
    fs.writeFileSync(path.join(target, 'x'), 'keep');
    await assert.rejects(writeFileAtomic(target, 'data'));
    assert.deepStrictEqual(fs.readdirSync(dir), ['taken']);
  });
});

describe('ResponseCache', () => {
  it('tells fresh from stale by the clock and reports the age', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 5, 12));
    const cache = new ResponseCache({ clock });
    await cache.put('k', { body: Buffer.from('<feed/>'), etag: '"e1"', expiresAt: clock.now() + HOUR });
    clock.advance(30 * 60_000);
    const hit = await cache.getFresh('k');
    assert.ok(hit);
    assert.strictEqual(hit.ageMs, 30 * 60_000);
    clock.advance(HOUR);
    assert.strictEqual(await cache.getFresh('k'), undefined);
    const stale = await cache.getStale('k');
    assert.ok(stale && !stale.fresh);
    assert.strictEqual(stale.entry.etag, '"e1"');
    assert.strictEqual(stale.ageMs, 90 * 60_000);
  });

  it('persists one JSON file per key and reads it back in a new instance (text and binary)', async () => {
    const dir = tempDir();
    const clock = new VirtualClock(Date.UTC(2026, 0, 5, 12));
    const a = new ResponseCache({ dir, clock });
    await a.put('https://export.arxiv.org/api/query?x', { body: Buffer.from('<feed>é</feed>'), expiresAt: clock.now() + HOUR });
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0xff, 0x00, 0xfe]);
    await a.put('https://arxiv.org/pdf/1', { body: pdf, expiresAt: clock.now() + HOUR, contentType: 'application/pdf' });
    assert.strictEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).length, 2);
    const record = JSON.parse(fs.readFileSync(a.fileFor('https://export.arxiv.org/api/query?x'), 'utf8'));
    assert.strictEqual(record.encoding, 'utf8');
    assert.strictEqual(record.body, '<feed>é</feed>');
    const b = new ResponseCache({ dir, clock });
    assert.strictEqual((await b.getFresh('https://export.arxiv.org/api/query?x'))?.entry.body.toString('utf8'), '<feed>é</feed>');
    assert.ok((await b.getFresh('https://arxiv.org/pdf/1'))?.entry.body.equals(pdf));
  });

  it('discards a corrupt or foreign cache file instead of crashing', async () => {
    const dir = tempDir();
    const clock = new VirtualClock();
    const writer = new ResponseCache({ dir, clock });
    const corruptions = ['{"v":1,"key":"k","bo', 'not json at all', JSON.stringify({ v: 1, key: 'other', body: 'x' }), 'null', '[]'];
    for (const bad of corruptions) {
      await writer.put('k', { body: Buffer.from('good'), expiresAt: clock.now() + HOUR });
      fs.writeFileSync(writer.fileFor('k'), bad);
      const reader = new ResponseCache({ dir, clock });
      assert.strictEqual(await reader.getStale('k'), undefined, `accepted ${bad}`);
      assert.ok(!fs.existsSync(writer.fileFor('k')), 'corrupt file kept');
    }
  });

  it('keeps serving from memory when the directory cannot be written', async () => {
    const dir = tempDir();
    const blocked = path.join(dir, 'file-not-dir');
    fs.writeFileSync(blocked, '');
    const errors: unknown[] = [];
    const cache = new ResponseCache({ dir: blocked, clock: new VirtualClock(), onDiskError: (e) => errors.push(e) });
    await cache.put('k', { body: Buffer.from('x'), expiresAt: Number.MAX_SAFE_INTEGER });
    assert.strictEqual((await cache.getFresh('k'))?.entry.body.toString(), 'x');
    assert.strictEqual(errors.length, 1);
  });

  it('evicts least recently used entries beyond its memory budget', async () => {
    const cache = new ResponseCache({ clock: new VirtualClock(), maxMemoryBytes: 10 });
    await cache.put('a', { body: Buffer.alloc(4), expiresAt: Infinity });
    await cache.put('b', { body: Buffer.alloc(4), expiresAt: Infinity });
    await cache.getStale('a'); // a is now the most recent
    await cache.put('c', { body: Buffer.alloc(4), expiresAt: Infinity });
    assert.ok(await cache.getStale('a'));
    assert.strictEqual(await cache.getStale('b'), undefined);
    assert.ok(await cache.getStale('c'));
  });
});

describe('cache + client against the fake arXiv', () => {
  let clock: VirtualClock;
  let fake: FakeArxiv;
  let cache: ResponseCache;
  let client: ArxivClient;
  const feedUrl = (f: FakeArxiv): string => `${f.rssUrl}/rss/quant-ph`;

  beforeEach(async () => {
    clock = new VirtualClock(Date.UTC(2026, 0, 6, 15)); // Tue 10:00 New York
    fake = await FakeArxiv.start({ now: () => clock.now(), feedMaxAgeSeconds: 600 });
    cache = new ResponseCache({ clock, dir: tempDir() });
    client = new ArxivClient({
      apiUrl: fake.apiUrl,
      rssUrl: fake.rssUrl,
      pdfUrl: fake.pdfUrl,
      cache,
      gate: new RequestGate({ clock }),
      timeoutMs: 2000,
      retry: { maxAttempts: 2, baseDelayMs: 1000 },
    });
  });
  afterEach(() => fake.close());

  it('answers from a fresh entry with no request at all', async () => {
    const first = await client.feed('quant-ph');
    assert.strictEqual(first.provenance.origin, 'network');
    clock.advance(599_000);
    const again = await client.feed('quant-ph');
    assert.strictEqual(again.provenance.origin, 'cache');
    assert.strictEqual(again.provenance.ageMs, 599_000);
    assert.strictEqual(again.papers.length, first.papers.length);
    assert.strictEqual(fake.requests.length, 1);
  });

  it('revalidates a stale entry with If-None-Match; a 304 renews it', async () => {
    await client.feed('quant-ph');
    const etag = (await cache.getStale(feedUrl(fake)))?.entry.etag;
    assert.ok(etag, 'the fake sent no ETag');
    clock.advance(601_000);
    const revalidated = await client.feed('quant-ph');
    assert.strictEqual(revalidated.provenance.origin, 'revalidated');
    assert.strictEqual(fake.requests.length, 2);
    assert.strictEqual(fake.requests[1].headers['if-none-match'], etag);
    assert.strictEqual(revalidated.papers.length, 81);
    // Renewed: fresh again for another max-age, without a request.
    clock.advance(300_000);
    assert.strictEqual((await client.feed('quant-ph')).provenance.origin, 'cache');
    assert.strictEqual(fake.requests.length, 2);
  });

  it('uses the daily rhythm when the server sends no Cache-Control (API)', async () => {
    const res = await client.search('cat:cs.LG', { max: 5 });
    const entry = (await cache.getStale(res.provenance[0].url))?.entry;
    assert.ok(entry);
    assert.strictEqual(iso(entry.expiresAt), '2026-01-07T05:00:00.000Z'); // Wednesday 00:00 New York
    clock.set(Date.UTC(2026, 0, 7, 4, 59));
    await client.search('cat:cs.LG', { max: 5 });
    assert.strictEqual(fake.requests.length, 1);
    clock.set(Date.UTC(2026, 0, 7, 5, 1));
    await client.search('cat:cs.LG', { max: 5 });
    assert.strictEqual(fake.requests.length, 2);
  });

  for (const [name, fault, code] of [
    ['a truncated body', { kind: 'truncate' as const }, 'malformed-xml'],
    ['an HTML error page', { kind: 'html' as const }, 'unexpected-content'],
    ['malformed XML', { kind: 'malformed' as const }, 'malformed-xml'],
    ['a connection reset', { kind: 'reset' as const }, 'offline'],
    ['a persistent 503', { kind: 'unavailable' as const, retryAfter: 1 }, 'rate-limited'],
  ] as const) {
    it(`keeps the good cached copy when a refresh brings ${name}`, async () => {
      const good = await client.feed('quant-ph');
      const before = (await cache.getStale(feedUrl(fake)))?.entry;
      assert.ok(before);
      clock.advance(601_000);
      fake.fault(fault, { times: 5 });
      await rejectsCode(client.feed('quant-ph'), code);
      const after = (await cache.getStale(feedUrl(fake)))?.entry;
      assert.ok(after && after.body.equals(before.body), 'cached body was replaced');
      assert.strictEqual(after.fetchedAt, before.fetchedAt);
      // A fresh process sees the same good copy on disk.
      const reread = await new ResponseCache({ dir: cache.dir, clock }).getStale(feedUrl(fake));
      assert.ok(reread?.entry.body.equals(before.body));
      // And a caller that prefers old data to none gets it, marked stale, with the reason.
      fake.fault(fault, { times: 5 });
      const stale = await client.feed('quant-ph', { staleOnError: true });
      assert.strictEqual(stale.provenance.origin, 'stale');
      assert.strictEqual(stale.provenance.error?.code, code);
      assert.strictEqual(stale.papers.length, good.papers.length);
    });
  }

  it('never caches an error response (400 feed error)', async () => {
    await rejectsCode(client.feed('astroph'), 'feed-error');
    assert.strictEqual(await cache.getStale(`${fake.rssUrl}/rss/astroph`), undefined);
    await rejectsCode(client.feed('astroph'), 'feed-error');
    assert.strictEqual(fake.requests.length, 2);
  });

  it('survives a corrupt cache file by refetching', async () => {
    await client.feed('quant-ph');
    fs.writeFileSync(cache.fileFor(feedUrl(fake)), '{"v":1,"key":');
    const fresh = new ArxivClient({
      rssUrl: fake.rssUrl,
      cache: new ResponseCache({ clock, dir: cache.dir }),
      gate: new RequestGate({ clock }),
    });
    const res = await fresh.feed('quant-ph');
    assert.strictEqual(res.provenance.origin, 'network');
    assert.strictEqual(res.papers.length, 81);
    assert.strictEqual(fake.requests.length, 2);
  });
});
