/**
 * Parser throughput and peak memory against the issue's targets, on three bodies: the real
 * 1504-item RSS feed (2.8 MB) and API pages of 2,000 and 50,000 entries generated from the real
 * 2026 capture. Each measurement runs in its own child process (parseWorker.ts for ours, an
 * inline script for Python's feedparser and, when ARXIVPY_SRC points at a checkout of the
 * `arxiv` library, its lxml-based `arxiv._feed.parse`), all on the same temp files.
 * Times are the best of several runs, because the machine may be shared.
 *
 * Targets: at least 5x feedparser's throughput, no slower than arxiv.py's lxml parser, and a
 * peak memory increase during the parse under 2x the body size.
 *
 * Which memory figure is the target: what the parse itself occupies above the body it was given,
 * at its worst moment. For ours that is the V8 heap plus external memory (parseWorker.ts), with
 * the body held as bytes beforehand, as the client holds a response. It is read with the young
 * generation held to its smallest size (1 MB semi-spaces): by default V8 lets up to 16 MB of
 * garbage wait in it whatever the body, which on a 3 MB feed would measure the runtime's
 * setting, not the parser. Everything allocated and not yet collected still counts, garbage
 * included, so the figure can only over-state what the parse holds. CPython frees objects as
 * they die, so its peak RSS increase is the comparable figure. The table and the verdicts also
 * show our heap figure with V8's default young generation (the setting a plain measurement of
 * fast-xml-parser gets its "~7x" with: 8x here), and the table our peak RSS increase, which adds
 * what the runtime allocates for itself on first use (compiler zones, code, heap pages). Both heap
 * figures are medians of MEMORY_RUNS fresh processes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readFixture } from '../support/paths';

interface Measurement {
  entries: number;
  seconds: number;
  /** Peak RSS during the parse minus RSS before it. */
  peakDeltaBytes: number;
  /** Ours only: peak V8 heap + external memory in use during the parse minus before it (parseWorker.ts). */
  peakMemDeltaBytes?: number;
  /** Ours only: heap still used by the result after a full GC. */
  retainedHeapBytes?: number;
  exactPeak?: boolean;
}

/** Our figures: throughput and context from a default process, the target from a small young generation. */
interface Ours extends Measurement {
  defaultGcMemDeltaBytes: number;
}

interface Body {
  label: string;
  file: string;
  bytes: number;
  /** arxiv.py's parser reads API responses only. */
  api: boolean;
}

const PY_SCRIPT = String.raw`
import gc, json, os, re, sys, time, types
mode, path, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
def status(field):
    m = re.search(r'^' + field + r':\s+(\d+) kB', open('/proc/self/status').read(), re.M)
    return int(m.group(1)) if m else None
if mode == 'feedparser':
    import feedparser
    parse = lambda b: feedparser.parse(b).entries
else:
    sys.path.insert(0, os.environ['ARXIVPY_SRC'])
    try:
        import requests  # arxiv/__init__ imports it; the parser does not use it
    except ImportError:
        sys.modules['requests'] = types.ModuleType('requests')
    import arxiv._feed as feed
    parse = lambda b: feed.parse(b).results
data = open(path, 'rb').read()
gc.collect()
try:
    open('/proc/self/clear_refs', 'w').write('5')
    exact = True
except OSError:
    exact = False
rss0 = status('VmRSS')
res = parse(data)
peak = status('VmHWM') if exact else None
if peak is None:
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
entries = len(res)
del res
gc.collect()
best = float('inf')
for _ in range(reps):
    t0 = time.perf_counter()
    res = parse(data)
    best = min(best, time.perf_counter() - t0)
    del res
print(json.dumps({'entries': entries, 'seconds': best, 'peakDeltaBytes': max(0, peak - rss0) * 1024, 'exactPeak': exact}))
`;

function runChild(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measurement {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} failed: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Measurement;
}

/** A Python interpreter that can import the module, or undefined. */
function findPython(module: string): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', `import ${module}`], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

/** An API page of `n` entries made of the real 2026 capture's entries, each with a distinct id. */
function generateApiPage(n: number): string {
  const real = readFixture('api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml');
  const first = real.indexOf('  <entry>');
  const head = real.slice(0, first).replace(/<opensearch:itemsPerPage>\d+</, `<opensearch:itemsPerPage>${n}<`);
  const entries = [...real.matchAll(/ {2}<entry>[\s\S]*?<\/entry>\n/g)].map((m) => m[0]);
  const parts: string[] = [head];
  for (let k = 0; k < n; k++) {
    const e = entries[k % entries.length];
    const oldId = (/abs\/(\d{4}\.\d{5})v/.exec(e) as RegExpExecArray)[1];
    parts.push(e.split(oldId).join(`2604.${String(k + 1).padStart(5, '0')}`));
  }
  parts.push('</feed>\n');
  return parts.join('');
}

const mb = (b: number): string => (b / 1e6).toFixed(1);
const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-practice-parse-bench-'));
  try {
    const bodies: Body[] = [];
    const add = (label: string, name: string, text: string, api: boolean): void => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      bodies.push({ label, file, bytes: fs.statSync(file).size, api });
    };
    add('RSS, 1504 items (real)', 'rss-1504.xml', readFixture('rss-all-archives-combined-2024-11-28.xml'), false);
    add('API, 2,000 entries', 'api-2000.xml', generateApiPage(2000), true);
    add('API, 50,000 entries', 'api-50000.xml', generateApiPage(50000), true);

    const worker = path.join(__dirname, 'parseWorker.js');
    const feedparserPy = findPython('feedparser');
    const arxivSrc = process.env.ARXIVPY_SRC;
    const lxmlPy = arxivSrc ? findPython('lxml') : undefined;
    console.log(`node ${process.version}; feedparser: ${feedparserPy ?? 'not found'}; arxiv.py: ${arxivSrc ? `${arxivSrc} (${lxmlPy ?? 'no python with lxml'})` : 'ARXIVPY_SRC not set'}`);

    const header = ['body', 'bytes', 'parser', 'entries', 'entries/s', 'MB/s', 'peak Δ', '× body', 'RSS Δ', '× body', 'heap Δ, default GC', '× body', 'result'];
    const rows: string[][] = [header];
    const verdicts: string[] = [];
    const ratio = (n: number | undefined, body: Body): string => (n === undefined ? '-' : (n / body.bytes).toFixed(2));
    const size = (n: number | undefined, approx = false): string => (n === undefined ? '-' : `${mb(n)} MB${approx ? '*' : ''}`);
    for (const body of bodies) {
      const big = body.bytes > 50e6;
      const results: Array<[string, Measurement]> = [];
      results.push(['paper-practice', measureOurs(worker, body.file, big ? 3 : 7)]);
      if (feedparserPy) results.push(['feedparser', runChild(feedparserPy, ['-c', PY_SCRIPT, 'feedparser', body.file, big ? '1' : '3'])]);
      if (lxmlPy && body.api && arxivSrc) results.push(['arxiv.py (lxml)', runChild(lxmlPy, ['-c', PY_SCRIPT, 'arxivpy', body.file, big ? '2' : '5'], { ...process.env, ARXIVPY_SRC: arxivSrc })]);
      for (const [name, m] of results) {
        const peak = peakOf(m);
        const defaultGc = (m as Partial<Ours>).defaultGcMemDeltaBytes;
        rows.push([
          body.label, fmtInt(body.bytes), name, fmtInt(m.entries), fmtInt(m.entries / m.seconds), mb(body.bytes / m.seconds),
          size(peak, m.exactPeak === false && m.peakMemDeltaBytes === undefined), ratio(peak, body),
          size(m.peakDeltaBytes, m.exactPeak === false), ratio(m.peakDeltaBytes, body),
          size(defaultGc), ratio(defaultGc, body),
          size(m.retainedHeapBytes),
        ]);
      }
      verdicts.push(verdict(body, results));
    }
    const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) console.log(r.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    console.log('peak Δ (the target): most memory the parse occupied above the body, held as bytes beforehand.');
    console.log('  Ours: V8 heap + external memory, read before every GC and at the end, young generation held at');
    console.log('  1 MB; garbage not yet collected still counts. Python: peak RSS Δ (CPython frees objects as they die).');
    console.log('RSS Δ: peak RSS minus RSS before (* = maxRSS, an upper bound); for Node it adds what the runtime');
    console.log('  allocates for itself on first use (compiler zones, code, heap pages), ~10 MB on any body.');
    console.log('heap Δ, default GC: our peak Δ with V8\'s default young generation, which lets up to 16 MB of');
    console.log('  garbage wait however small the body.');
    console.log('result: heap the parsed papers keep after a full GC.');
    console.log('\nTargets: ≥ 5× feedparser, ≥ arxiv.py lxml, peak memory < 2× body');
    for (const v of verdicts) console.log(v);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Memory runs per figure: now and then a run peaks higher, when V8 marks the old generation late and garbage promoted there waits (up to 2x on the 50,000-entry body). */
const MEMORY_RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Ours, from fresh processes: throughput and RSS from one with V8's defaults; the two heap
 * figures (V8's default young generation, and the 1 MB one) each the median of MEMORY_RUNS.
 */
function measureOurs(worker: string, file: string, reps: number): Ours {
  const timed = runChild(process.execPath, ['--expose-gc', worker, file, String(reps)]);
  const heap = (flags: string[], runs: number): number[] =>
    Array.from({ length: runs }, () => runChild(process.execPath, ['--expose-gc', ...flags, worker, file, '0']).peakMemDeltaBytes as number);
  const small = heap(['--max-semi-space-size=1'], MEMORY_RUNS);
  const defaults = [timed.peakMemDeltaBytes as number, ...heap([], MEMORY_RUNS - 1)];
  return { ...timed, peakMemDeltaBytes: median(small), defaultGcMemDeltaBytes: median(defaults) };
}

/** The target figure: ours from the heap, Python's from RSS. */
function peakOf(m: Measurement): number {
  return m.peakMemDeltaBytes ?? m.peakDeltaBytes;
}

function verdict(body: Body, results: Array<[string, Measurement]>): string {
  const ours = (results.find(([n]) => n === 'paper-practice') as [string, Measurement])[1];
  const speed = (m: Measurement): number => body.bytes / m.seconds;
  const parts: string[] = [];
  const fp = results.find(([n]) => n === 'feedparser')?.[1];
  if (fp) parts.push(`${(speed(ours) / speed(fp)).toFixed(1)}× feedparser ${speed(ours) >= 5 * speed(fp) ? 'PASS' : 'FAIL'}`);
  else parts.push('feedparser n/a');
  const lx = results.find(([n]) => n === 'arxiv.py (lxml)')?.[1];
  if (lx) parts.push(`${(speed(ours) / speed(lx)).toFixed(1)}× arxiv.py lxml ${speed(ours) >= speed(lx) ? 'PASS' : 'FAIL'}`);
  else parts.push(body.api ? 'arxiv.py n/a (set ARXIVPY_SRC)' : 'arxiv.py n/a (API parser)');
  const peak = peakOf(ours) / body.bytes;
  parts.push(`peak memory Δ ${peak.toFixed(2)}× body ${peak < 2 ? 'PASS' : 'FAIL'}`);
  // The same target read with V8's default young generation, shown beside it: see the header.
  const defaults = (ours as Partial<Ours>).defaultGcMemDeltaBytes;
  if (defaults !== undefined) parts.push(`with V8's default young generation ${(defaults / body.bytes).toFixed(2)}× ${defaults / body.bytes < 2 ? 'PASS' : 'FAIL'}`);
  if (ours.entries !== (fp?.entries ?? ours.entries)) parts.push(`(entry counts differ: ${ours.entries} vs feedparser ${fp?.entries})`);
  return `${body.label}: ${parts.join('; ')}`;
}
