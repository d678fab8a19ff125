import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FeedCacheStore, groupByDay } from '../../../src/core/feeds/feedCache';
import { SeenStore } from '../../../src/core/feeds/seenStore';
import { makeFeedResponse, makePaper } from '../../support/paperFactory';

describe('feed cache', () => {
  let dir: string;
  let now: number;
  const logs: string[] = [];
  const store = () => new FeedCacheStore(dir, { daysKept: 14, now: () => now, log: (m) => logs.push(m) });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-feedcache-'));
    now = Date.parse('2024-11-28T12:00:00Z');
    logs.length = 0;
  });

  it('files papers under the announcement day in New York and survives a restart', async () => {
    // The feed's pubDate is midnight Eastern, 05:00 UTC in November.
    await store().merge('category:cs.LG', makeFeedResponse([makePaper({ id: '2411.00001' })], '2024-11-28T05:00:00.000Z'), 'feed');
    const reloaded = await store().load('category:cs.LG');
    assert.deepStrictEqual(reloaded.papers.map((p) => [p.paper.id, p.day]), [['2411.00001', '2024-11-28']]);
    assert.ok(reloaded.refreshedAt);
  });

  it('accumulates days, newest first, and keeps the newest version of a paper', async () => {
    const s = store();
    await s.merge('k', makeFeedResponse([makePaper({ id: '2411.00001' })], '2024-11-27T05:00:00Z'), 'feed');
    await s.merge('k', makeFeedResponse([makePaper({ id: '2411.00002' }), makePaper({ id: '2411.00001', version: 2 })], '2024-11-28T05:00:00Z'), 'feed');
    const cache = await s.load('k');
    assert.deepStrictEqual(groupByDay(cache.papers).map((g) => [g.day, g.papers.map((p) => `${p.paper.id}v${p.paper.version}`)]), [
      ['2024-11-28', ['2411.00002v1', '2411.00001v2']],
    ]);
  });

  it('keeps every cached paper when a refresh fails, and remembers why', async () => {
    const s = store();
    await s.merge('k', makeFeedResponse([makePaper({ id: '2411.00001' })], '2024-11-28T05:00:00Z'), 'feed');
    const after = await s.recordError('k', 'arXiv did not answer (timeout)');
    assert.strictEqual(after.papers.length, 1);
    assert.strictEqual(after.lastError?.message, 'arXiv did not answer (timeout)');
    assert.strictEqual((await store().load('k')).papers.length, 1);
  });

  it('treats an empty announcement as news, not an error, and keeps older days', async () => {
    const s = store();
    await s.merge('k', makeFeedResponse([makePaper({ id: '2411.00001' })], '2024-11-28T05:00:00Z'), 'feed');
    const empty = await s.merge('k', makeFeedResponse([], '2024-11-30T05:00:00Z'), 'feed');
    assert.strictEqual(empty.emptyAnnouncement, true);
    assert.strictEqual(empty.lastError, null);
    assert.strictEqual(empty.papers.length, 1);
  });

  it('drops days older than the days kept', async () => {
    const s = store();
    now = Date.parse('2024-10-01T12:00:00Z');
    await s.merge('k', makeFeedResponse([makePaper({ id: '2410.00001' })], '2024-10-01T04:00:00Z'), 'feed');
    now = Date.parse('2024-10-30T12:00:00Z');
    const later = await s.merge('k', makeFeedResponse([makePaper({ id: '2410.09999' })], '2024-10-30T04:00:00Z'), 'feed');
    assert.deepStrictEqual(later.papers.map((p) => p.paper.id), ['2410.09999']);
  });

  it('files search results under their submission day', async () => {
    const paper = makePaper({ id: '2301.00001', published: '2023-01-02T18:00:00Z' });
    const cache = await store().merge('search:x', { ...makeFeedResponse([paper], ''), kind: 'api', announced: null }, 'search');
    assert.strictEqual(cache.papers[0].day, '2023-01-02');
  });

  it('discards a corrupt cache file with a log line instead of crashing', async () => {
    await store().merge('k', makeFeedResponse([makePaper()], '2024-11-28T05:00:00Z'), 'feed');
    const [file] = fs.readdirSync(dir);
    fs.writeFileSync(path.join(dir, file), '{"version":1,"key":"k","papers":[{"pap');
    const cache = await store().load('k');
    assert.strictEqual(cache.papers.length, 0);
    assert.match(logs[0], /Discarding corrupt feed cache/);
    assert.ok(!fs.existsSync(path.join(dir, file)));
  });
});

describe('seen papers', () => {
  it('marks new papers and new versions until seen, across restarts', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pp-seen-')), 'seen.json');
    const a = new SeenStore(file);
    await a.load();
    assert.strictEqual(a.isUnseen('1706.03762', 1), true);
    await a.markSeen([{ id: '1706.03762', version: 5 }]);
    const b = new SeenStore(file);
    await b.load();
    assert.strictEqual(b.isUnseen('1706.03762', 5), false);
    assert.strictEqual(b.isUnseen('1706.03762', 6), true);
  });

  it('starts afresh from a corrupt file and says so', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pp-seen-')), 'seen.json');
    fs.writeFileSync(file, '[1,2');
    const logs: string[] = [];
    const s = new SeenStore(file, (m) => logs.push(m));
    await s.load();
    assert.strictEqual(s.isUnseen('x', 1), true);
    assert.strictEqual(logs.length, 1);
  });
});
