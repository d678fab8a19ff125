import * as assert from 'assert';
import { ArxivClient, ArxivClientOptions } from '../../../src/core/arxiv/client';
import { VirtualClock } from '../../../src/core/http/clock';
import { RequestGate } from '../../../src/core/http/gate';
import { FIXTURES, FakeArxiv, apiFeed, entryId, fixtureEntries, syntheticEntries } from '../../support/fakeArxiv';
import { rejectsCode } from '../../support/arxivAsserts';

describe('ArxivClient against the fake arXiv', () => {
  let clock: VirtualClock;
  let gate: RequestGate;
  let fake: FakeArxiv;

  beforeEach(async () => {
    clock = new VirtualClock();
    gate = new RequestGate({ clock });
    fake = await FakeArxiv.start({ now: () => clock.now() });
  });
  afterEach(() => fake.close());

  function client(opts: ArxivClientOptions = {}): ArxivClient {
    return new ArxivClient({
      apiUrl: fake.apiUrl,
      rssUrl: fake.rssUrl,
      pdfUrl: fake.pdfUrl,
      gate,
      timeoutMs: 2000,
      retry: { maxAttempts: 3, baseDelayMs: 1000 },
      ...opts,
    });
  }

  const api = (): { start: number; max: number; query: Record<string, string> }[] =>
    fake.requestsTo('/api/query').map((r) => ({ start: Number(r.query.start), max: Number(r.query.max_results), query: r.query }));

  function assertSpaced(): void {
    const times = fake.requests.map((r) => r.time);
    for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 3000, `requests ${i - 1} and ${i} only ${times[i] - times[i - 1]} ms apart`);
  }

  describe('search', () => {
    it('sends a normalized, encoded query and returns one page', async () => {
      const res = await client().search('cat:cs.LG OR cat:cs.AI', { max: 10, sortBy: 'submitted' });
      assert.strictEqual(fake.requests.length, 1);
      assert.strictEqual(
        fake.requests[0].rawQuery,
        'search_query=cat:cs.LG+OR+cat:cs.AI&start=0&max_results=10&sortBy=submittedDate&sortOrder=descending',
      );
      assert.strictEqual(res.kind, 'api');
      assert.strictEqual(res.papers.length, 10);
      assert.strictEqual(res.totalResults, 20);
      assert.strictEqual(res.papers[0].id, '2604.26951');
      assert.strictEqual(res.complete, true);
      assert.strictEqual(res.provenance[0].origin, 'network');
    });

    it('pages until min(totalResults, max), 3 s apart, reporting progress', async () => {
      fake.apiPool = syntheticEntries(45);
      const progress: number[] = [];
      const res = await client({ pageSize: 20 }).search('all:x', { max: 100, onProgress: (p) => progress.push(p.received) });
      assert.deepStrictEqual(
        api().map((r) => [r.start, r.max]),
        [
          [0, 20],
          [20, 20],
          [40, 5],
        ],
      );
      assert.strictEqual(res.papers.length, 45);
      assert.strictEqual(new Set(res.papers.map((p) => p.id)).size, 45);
      assert.deepStrictEqual(progress, [20, 40, 45]);
      assertSpaced();
    });

    it('stops at max even when more results exist', async () => {
      fake.apiPool = syntheticEntries(45);
      const res = await client({ pageSize: 20 }).search('all:x', { max: 30 });
      assert.deepStrictEqual(
        api().map((r) => [r.start, r.max]),
        [
          [0, 20],
          [20, 10],
        ],
      );
      assert.strictEqual(res.papers.length, 30);
    });

    it('stops when a page brings no new ids, even if totalResults promises more', async () => {
      const page = fixtureEntries(FIXTURES.apiCurrent).slice(0, 5);
      fake.route('/api/query', (r) => ({
        body: apiFeed(page, { query: r.rawQuery, totalResults: 1000, startIndex: Number(r.query.start), now: clock.now() }),
        headers: { 'content-type': 'application/atom+xml' },
      }));
      const res = await client({ pageSize: 5 }).search('all:x', { max: 50 });
      assert.strictEqual(api().length, 2);
      assert.strictEqual(res.papers.length, 5);
      assert.strictEqual(res.complete, false);
    });

    it('de-duplicates overlapping pages by id', async () => {
      const pool = syntheticEntries(30);
      // Each page after the first repeats the last 3 entries of the previous one.
      fake.route('/api/query', (r) => {
        const start = Number(r.query.start);
        const from = start === 0 ? 0 : start - 3;
        return {
          body: apiFeed(pool.slice(from, from + Number(r.query.max_results)), { query: r.rawQuery, totalResults: 30, startIndex: start, now: clock.now() }),
          headers: { 'content-type': 'application/atom+xml' },
        };
      });
      const res = await client({ pageSize: 10 }).search('all:x', { max: 30 });
      const ids = res.papers.map((p) => p.id);
      assert.strictEqual(new Set(ids).size, ids.length);
      assert.deepStrictEqual(ids.slice(0, 12), pool.slice(0, 12).map((e) => entryId(e).id));
    });

    it('retries an empty page in the middle of a result set (up to 3 times) and never caches it', async () => {
      fake.apiPool = syntheticEntries(45);
      fake.fault({ kind: 'empty-page' }, { match: (r) => r.path === '/api/query' && r.query.start === '20', times: 2 });
      const res = await client({ pageSize: 20 }).search('all:x', { max: 45 });
      assert.deepStrictEqual(
        api().map((r) => r.start),
        [0, 20, 20, 20, 40],
      );
      assert.strictEqual(res.papers.length, 45);
      assert.strictEqual(res.complete, true);
      assertSpaced();
    });

    it('gives up after 3 retries of an empty page and returns what it has, marked incomplete', async () => {
      fake.apiPool = syntheticEntries(45);
      fake.fault({ kind: 'empty-page' }, { match: (r) => r.query.start === '20', times: 100 });
      const res = await client({ pageSize: 20 }).search('all:x', { max: 45 });
      assert.deepStrictEqual(
        api().map((r) => r.start),
        [0, 20, 20, 20, 20],
      );
      assert.strictEqual(res.papers.length, 20);
      assert.strictEqual(res.complete, false);
    });

    it('treats an empty first page as no results (one request)', async () => {
      fake.apiPool = [];
      const res = await client().search('ti:nothing', { max: 50 });
      assert.strictEqual(res.papers.length, 0);
      assert.strictEqual(res.totalResults, 0);
      assert.strictEqual(res.complete, true);
      assert.strictEqual(fake.requests.length, 1);
    });

    it('never asks beyond arXiv limits (2000 per page, 30000 per query)', async () => {
      fake.apiPool = syntheticEntries(25);
      fake.apiTotalResults = 364_218;
      const res = await client({ pageSize: 5000 }).search('all:x', { max: 1_000_000 });
      for (const r of api()) {
        assert.ok(r.max <= 2000, `max_results=${r.max}`);
        assert.ok(r.start + r.max <= 30_000, `start+max=${r.start + r.max}`);
      }
      assert.strictEqual(api()[0].max, 2000);
      assert.strictEqual(res.papers.length, 25);
      assert.strictEqual(res.complete, false);
    });

    it('rejects an invalid query before any request', async () => {
      await rejectsCode(client().search('ti:(unbalanced'), 'invalid-query');
      assert.strictEqual(fake.requests.length, 0);
    });

    it("surfaces arXiv's error feed as arxiv-api-error with its message", async () => {
      fake.fault({ kind: 'api-error', message: 'max_results must be less than or equal to 30000' });
      const err = await rejectsCode(client().search('all:x'), 'arxiv-api-error');
      assert.match(err.message, /max_results must be less than or equal to 30000/);
    });

    it('reports an HTML page where XML was expected as unexpected-content', async () => {
      fake.fault({ kind: 'html' });
      await rejectsCode(client().search('all:x'), 'unexpected-content');
    });
  });

  describe('getByIds', () => {
    it('indexes out-of-order results by id and reports missing ids', async () => {
      const res = await client().getByIds(['2604.26951', 'arXiv:2604.26942v1', 'https://arxiv.org/abs/1611.09520', '2604.99999', '2604.26932v7']);
      const q = fake.requests[0].query;
      assert.strictEqual(q.id_list, '2604.26951,2604.26942v1,1611.09520,2604.99999,2604.26932v7');
      assert.strictEqual(q.max_results, '5');
      assert.deepStrictEqual(Object.keys(res.papers), ['2604.26951', '2604.26942v1', '1611.09520']);
      assert.strictEqual(res.papers['2604.26951'].id, '2604.26951');
      assert.strictEqual(res.papers['2604.26942v1'].version, 1);
      assert.strictEqual(res.papers['1611.09520'].version, 2);
      assert.deepStrictEqual(res.missing, ['2604.99999', '2604.26932v7']);
    });

    it('batches id_list lookups and de-duplicates requested ids', async () => {
      const ids = fixtureEntries(FIXTURES.apiCurrent)
        .slice(0, 7)
        .map((e) => entryId(e).id);
      const res = await client({ idBatchSize: 3 }).getByIds([...ids, ids[0]]);
      assert.deepStrictEqual(
        api().map((r) => r.query.id_list.split(',').length),
        [3, 3, 1],
      );
      assert.deepStrictEqual(
        api().map((r) => r.max),
        [3, 3, 1],
      );
      assert.deepStrictEqual(Object.keys(res.papers), ids);
      assert.deepStrictEqual(res.missing, []);
      assertSpaced();
    });

    it('rejects a malformed id without sending anything', async () => {
      await rejectsCode(client().getByIds(['2604.26951', '1234.1234']), 'invalid-id');
      assert.strictEqual(fake.requests.length, 0);
    });
  });

  describe('feed', () => {
    it('reads the RSS feed for one or more categories', async () => {
      const res = await client().feed(['cs.LG', 'cs.CV']);
      assert.strictEqual(fake.requests[0].path, '/rss/cs.LG+cs.CV');
      assert.strictEqual(res.kind, 'rss');
      assert.strictEqual(res.papers.length, 81);
      const same = await client().feed('cs.LG+cs.CV');
      assert.strictEqual(same.papers.length, 81);
    });

    it('reads the Atom feed', async () => {
      const res = await client().feed('quant-ph', { format: 'atom' });
      assert.strictEqual(fake.requests[0].path, '/atom/quant-ph');
      assert.strictEqual(res.kind, 'atom');
      assert.strictEqual(res.papers.length, 81);
    });

    it('returns an empty result (not an error) on a day without announcements', async () => {
      const res = await client().feed('test');
      assert.strictEqual(res.kind, 'rss');
      assert.strictEqual(res.papers.length, 0);
    });

    it("turns rss.arxiv.org's error channel into feed-error with its message", async () => {
      const err = await rejectsCode(client().feed('astroph'), 'feed-error');
      assert.match(err.message, /Bad archive 'astroph'/);
    });

    it('rejects category names that are not categories', async () => {
      await rejectsCode(client().feed('cs.LG/../x'), 'invalid-query');
      await rejectsCode(client().feed([]), 'invalid-query');
      assert.strictEqual(fake.requests.length, 0);
    });
  });

  describe('downloadPdf', () => {
    it('downloads through the same gate, with progress, checking the %PDF- magic', async () => {
      const c = client();
      await c.search('all:x', { max: 1 });
      const seen: number[] = [];
      const pdf = await c.downloadPdf('2604.26951v1', { onProgress: (n) => seen.push(n) });
      assert.strictEqual(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.strictEqual(fake.requests[1].path, '/pdf/2604.26951v1');
      assert.strictEqual(seen[seen.length - 1], pdf.length);
      assertSpaced();
    });

    it('refuses an HTML page served in place of the PDF', async () => {
      fake.fault({ kind: 'html' });
      const err = await rejectsCode(client().downloadPdf('2604.26951'), 'unexpected-content');
      assert.match(err.message, /HTML/);
    });

    it('is cancelled promptly while the download stalls', async () => {
      fake.fault({ kind: 'stall', headers: true });
      const ac = new AbortController();
      const t0 = Date.now();
      setTimeout(() => ac.abort(), 30);
      await rejectsCode(client({ timeoutMs: 10_000 }).downloadPdf('2604.26951', { signal: ac.signal }), 'cancelled');
      assert.ok(Date.now() - t0 < 200, `took ${Date.now() - t0} ms`);
    });

    it('rejects an invalid id', async () => {
      await rejectsCode(client().downloadPdf('not-an-id'), 'invalid-id');
    });
  });

  it('cancels a multi-page search between pages', async () => {
    fake.apiPool = syntheticEntries(45);
    const ac = new AbortController();
    const p = client({ pageSize: 10 }).search('all:x', {
      max: 45,
      signal: ac.signal,
      onProgress: (pr) => {
        if (pr.received >= 10) ac.abort();
      },
    });
    await rejectsCode(p, 'cancelled');
    assert.strictEqual(api().length, 1);
  });
});
