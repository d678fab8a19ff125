import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { VirtualClock } from '../../../src/core/http/clock';
import { RequestGate } from '../../../src/core/http/gate';
import { productVersion } from '../../../src/core/http/userAgent';
import { FIXTURES, FakeArxiv } from '../../support/fakeArxiv';
import { arxivFixturesDir, projectRoot } from '../../support/paths';

const PAPER_KEYS = [
  'id',
  'version',
  'title',
  'summary',
  'authors',
  'published',
  'updated',
  'primaryCategory',
  'categories',
  'comment',
  'journalRef',
  'doi',
  'links',
  'announceType',
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('paper-practice CLI', () => {
  let fake: FakeArxiv;
  let cacheHome: string;

  before(async () => {
    fake = await FakeArxiv.start();
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.reset();
    cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-cli-'));
  });

  async function run(...argv: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { XDG_CACHE_HOME: cacheHome, HOME: cacheHome },
      gate: new RequestGate({ clock: new VirtualClock() }),
    });
    return { code, stdout, stderr };
  }

  const net = (): string[] => ['--api-url', fake.apiUrl];

  it('search --json prints one object with the contract fields only', async () => {
    const r = await run('search', 'cat:cs.LG', 'OR', 'cat:cs.AI', '--max', '5', '--json', ...net());
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(out), ['kind', 'totalResults', 'papers']);
    assert.strictEqual(out.kind, 'api');
    assert.strictEqual(out.totalResults, 20);
    assert.strictEqual(out.papers.length, 5);
    for (const p of out.papers) {
      assert.deepStrictEqual(Object.keys(p), PAPER_KEYS);
      assert.doesNotMatch(p.id, /v\d+$/);
      assert.deepStrictEqual(Object.keys(p.links), ['abs', 'pdf', 'doi']);
      for (const a of p.authors) assert.deepStrictEqual(Object.keys(a), ['name', 'affiliations']);
      assert.strictEqual(p.announceType, null);
      assert.ok(p.published === null || /Z$/.test(p.published));
    }
    assert.strictEqual(fake.requests[0].query.search_query, 'cat:cs.LG OR cat:cs.AI');
    assert.strictEqual(fake.requests[0].query.max_results, '5');
  });

  it('search prints an aligned, human-readable list by default', async () => {
    const r = await run('search', 'deep', 'learning', '--max', '3', '--sort', 'submitted', ...net());
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(fake.requests[0].query.search_query, 'all:deep AND all:learning');
    assert.strictEqual(fake.requests[0].query.sortBy, 'submittedDate');
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^2604\.26951v1 {2}\S/);
    assert.match(lines[1], /^ {14}\S/); // authors under the title
    assert.match(lines[2], /^ {14}2026-04-\d\d · cs\./);
    assert.match(r.stdout, /3 of 20 results\./);
  });

  it('feed --json for RSS and --atom; an empty day is not an error', async () => {
    const rss = await run('feed', 'quant-ph', '--json', '--rss-url', fake.rssUrl);
    assert.strictEqual(rss.code, 0, rss.stderr);
    const out = JSON.parse(rss.stdout);
    assert.strictEqual(out.kind, 'rss');
    assert.strictEqual(out.totalResults, null);
    assert.strictEqual(out.papers.length, 81);
    assert.deepStrictEqual(Object.keys(out.papers[0]), PAPER_KEYS);
    assert.ok(['new', 'cross', 'replace', 'replace-cross'].includes(out.papers[0].announceType));

    const atom = await run('feed', 'quant-ph', '--atom', '--json', '--rss-url', fake.rssUrl);
    assert.strictEqual(JSON.parse(atom.stdout).kind, 'atom');
    assert.strictEqual(fake.requests[1].path, '/atom/quant-ph');

    const empty = await run('feed', 'test', '--rss-url', fake.rssUrl);
    assert.strictEqual(empty.code, 0);
    assert.match(empty.stdout, /No announcements today/);
  });

  it("exits 2 with arXiv's message on an error response", async () => {
    const feed = await run('feed', 'astroph', '--rss-url', fake.rssUrl);
    assert.strictEqual(feed.code, 2);
    assert.match(feed.stderr, /Bad archive 'astroph'/);
    assert.strictEqual(feed.stdout, '');
    fake.fault({ kind: 'api-error', message: 'incorrect id format for 1234.12345' });
    const api = await run('search', 'all:x', ...net());
    assert.strictEqual(api.code, 2);
    assert.match(api.stderr, /incorrect id format for 1234\.12345/);
  });

  it('get prints papers in the requested order and reports missing ids (exit 1)', async () => {
    const ok = await run('get', '2604.26942', '2604.26951v1', '--json', ...net());
    assert.strictEqual(ok.code, 0, ok.stderr);
    assert.deepStrictEqual(
      JSON.parse(ok.stdout).papers.map((p: { id: string }) => p.id),
      ['2604.26942', '2604.26951'],
    );
    const missing = await run('get', '2604.26951', '2604.99999', ...net());
    assert.strictEqual(missing.code, 1);
    assert.match(missing.stdout, /^2604\.26951v1 /);
    assert.match(missing.stderr, /not found: 2604\.99999/);
  });

  it('parse works offline on saved responses of every kind', async () => {
    const cases: [string, string, number][] = [
      [FIXTURES.apiLegacy, 'api', 10],
      [FIXTURES.apiCurrent, 'api', 20],
      [FIXTURES.rssQuantPh, 'rss', 81],
      [FIXTURES.rssEmpty, 'rss', 0],
    ];
    for (const [file, kind, n] of cases) {
      const r = await run('parse', path.join(arxivFixturesDir, file), '--json');
      assert.strictEqual(r.code, 0, `${file}: ${r.stderr}`);
      const out = JSON.parse(r.stdout);
      assert.strictEqual(out.kind, kind);
      assert.strictEqual(out.papers.length, n);
    }
    const human = await run('parse', path.join(arxivFixturesDir, FIXTURES.apiLegacy));
    assert.match(human.stdout, /10 of 24,617 results\./);
    const err = await run('parse', path.join(arxivFixturesDir, FIXTURES.rssError));
    assert.strictEqual(err.code, 2);
    assert.match(err.stderr, /Bad archive/);
    const none = await run('parse', path.join(cacheHome, 'nope.xml'));
    assert.strictEqual(none.code, 1);
    assert.match(none.stderr, /no such file/);
    assert.strictEqual(fake.requests.length, 0);
  });

  it('usage errors exit 64 with a hint', async () => {
    for (const argv of [
      [],
      ['frobnicate'],
      ['search'],
      ['search', 'x', '--max', 'lots'],
      ['search', 'x', '--max', '0'],
      ['search', 'x', '--sort', 'random'],
      ['search', 'x', '--bogus'],
      ['feed', 'cs.LG', '--max', '3'],
      ['get'],
      ['parse'],
      ['search', 'ti:(unbalanced', ...net()],
      ['get', 'not-an-id', ...net()],
    ]) {
      const r = await run(...argv);
      assert.strictEqual(r.code, 64, `${argv.join(' ')} -> ${r.code} ${r.stderr}`);
      assert.notStrictEqual(r.stderr, '');
      assert.strictEqual(r.stdout, '');
    }
    assert.strictEqual(fake.requests.length, 0);
  });

  it('--help and --version', async () => {
    const help = await run('--help');
    assert.strictEqual(help.code, 0);
    assert.match(help.stdout, /Usage: paper-practice/);
    const version = await run('--version');
    assert.strictEqual(version.stdout, `paper-practice ${productVersion()}\n`);
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    assert.strictEqual(productVersion(), pkg.version);
  });

  it('caches under XDG_CACHE_HOME until the next update; --no-cache bypasses it', async () => {
    await run('feed', 'quant-ph', '--rss-url', fake.rssUrl);
    await run('feed', 'quant-ph', '--rss-url', fake.rssUrl);
    assert.strictEqual(fake.requests.length, 1, 'second run did not use the cache');
    assert.ok(fs.readdirSync(path.join(cacheHome, 'paper-practice', 'http')).length === 1);
    await run('feed', 'quant-ph', '--no-cache', '--rss-url', fake.rssUrl);
    assert.strictEqual(fake.requests.length, 2);
  });

  it('network failures exit 1 with a typed message', async () => {
    fake.fault({ kind: 'html' });
    const r = await run('feed', 'quant-ph', '--no-cache', '--rss-url', fake.rssUrl);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /HTML page.*\[unexpected-content\]/);
  });

  it('runs as a separate process (spawned) against the fake server', async () => {
    const cli = path.join(projectRoot, 'out', 'src', 'cli', 'main.js');
    const spawnRun = (args: string[]): Promise<Run> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    const ok = await spawnRun(['get', '2604.26951', '--json', '--api-url', fake.apiUrl]);
    assert.strictEqual(ok.code, 0, ok.stderr);
    assert.strictEqual(JSON.parse(ok.stdout).papers[0].id, '2604.26951');
    const bad = await spawnRun(['--nope']);
    assert.strictEqual(bad.code, 64);
  });
});
