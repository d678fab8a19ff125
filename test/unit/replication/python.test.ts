/**
 * The scaffold as Python sees it: notebooks that nbformat validates and that run top to bottom
 * under `jupyter nbconvert --execute` on a bare Python (no torch), recording their demo values
 * into replication.json; manifests that validate against media/schemas/replication.schema.json;
 * and the helper's writes surviving concurrent writers, in Python and from TypeScript.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Paper } from '../../../src/core/arxiv/types';
import { nodeFileSystem } from '../../../src/core/library/nodeFileSystem';
import type { ReplicationManifest } from '../../../src/core/replication/manifest';
import { updateManifest } from '../../../src/core/replication/manifestFile';
import { parseManifest } from '../../../src/core/replication/parseManifest';
import { createScaffold } from '../../../src/core/replication/scaffold';
import { claimVerdict } from '../../../src/core/replication/verdict';
import { projectRoot } from '../../support/paths';
import { API_2026, API_LEGACY, fixturePaper, fixturePapers, oldStylePaper, RSS } from './papers';
import { anyPython, pythonTools, run, runOk } from './pythonTools';

const SCHEMA = path.join(projectRoot, 'media', 'schemas', 'replication.schema.json');
const DEMO = { c1: [94.8, 94.9, 94.7], c2: [70.0, 71.0, 69.0], c3: [98.1, 98.5, 97.9] };

function readManifest(file: string): ReplicationManifest {
  const r = parseManifest(fs.readFileSync(file, 'utf8'));
  assert.deepStrictEqual(r.problems.filter((p) => p.severity === 'error'), [], file);
  return r.manifest!;
}

/** jsonschema Draft-07 validation of each file; returns the error messages per file. */
function schemaErrors(python: string, files: string[]): Record<string, string[]> {
  const script = [
    'import json, sys',
    'from jsonschema import Draft7Validator',
    'schema = json.load(open(sys.argv[1], encoding="utf-8"))',
    'Draft7Validator.check_schema(schema)',
    'v = Draft7Validator(schema)',
    'print(json.dumps({f: [e.message for e in v.iter_errors(json.load(open(f, encoding="utf-8")))] for f in sys.argv[2:]}))',
  ].join('\n');
  return JSON.parse(runOk(python, ['-c', script, SCHEMA, ...files]));
}

describe('replication: generated notebooks and the Python helper, run for real', function () {
  this.timeout(60_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-python-'));

  const papers: Array<[string, Paper, 'pytorch' | 'keras']> = [
    ['rss', fixturePaper(RSS, '2411.11082'), 'pytorch'],
    ['latex-title', fixturePaper(RSS, '2411.17792'), 'pytorch'],
    ['api-2026', fixturePaper(API_2026, '2604.26869'), 'keras'],
    ['legacy-unicode', fixturePapers(API_LEGACY).find((p) => p.authors.some((a) => /[^\x00-\x7f]/.test(a.name)))!, 'pytorch'],
    ['old-style', oldStylePaper(), 'keras'],
  ];
  const dirs: Record<string, string> = {};

  before(async () => {
    pythonTools(); // fails here, with what to install, when a tool is missing
    for (const [name, paper, framework] of papers) {
      const r = await createScaffold(nodeFileSystem, path.join(root, name), paper, { framework });
      assert.strictEqual(r.status, 'created');
      dirs[name] = r.dir;
    }
  });

  it('the papers cover a TeX title, unicode authors and an old-style id', () => {
    assert.match(papers[1][1].title, /\$H\^3\$Fusion/);
    assert.ok(papers[3][1], 'a legacy API paper with a non-ASCII author');
    assert.strictEqual(papers[4][1].id, 'math/0309136');
  });

  it('every notebook validates with nbformat', () => {
    const { python } = pythonTools();
    const notebooks = Object.values(dirs).map((d) => path.join(d, 'notebook.ipynb'));
    const out = runOk(python, [
      '-c',
      'import sys, nbformat\nfor f in sys.argv[1:]:\n    nbformat.validate(nbformat.read(f, as_version=4))\n    print("valid", f)',
      ...notebooks,
    ]);
    assert.strictEqual(out.trim().split('\n').length, notebooks.length);
  });

  it('every notebook runs top to bottom without torch, and its runs land in replication.json', () => {
    const { python, jupyter } = pythonTools();
    assert.notStrictEqual(run(python, ['-c', 'import torch']).status, 0, 'this test means to run without torch');
    const notebooks = Object.values(dirs).map((d) => path.join(d, 'notebook.ipynb'));
    const started = Date.now();
    runOk(jupyter, ['nbconvert', '--to', 'notebook', '--execute', '--inplace', '--ExecutePreprocessor.timeout=60', ...notebooks], {
      env: { PP_DEMO_VALUES: JSON.stringify(DEMO) },
    });
    console.log(`      executed ${notebooks.length} notebooks in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    for (const [name] of papers) {
      const nb = JSON.parse(fs.readFileSync(path.join(dirs[name], 'notebook.ipynb'), 'utf8'));
      const outputs = nb.cells.flatMap((c: { outputs?: Array<{ output_type: string }> }) => c.outputs ?? []);
      assert.ok(!outputs.some((o: { output_type: string }) => o.output_type === 'error'), `${name}: a cell failed`);
      const m = readManifest(path.join(dirs[name], 'replication.json'));
      assert.ok(m.environment?.python, `${name}: environment captured`);
      assert.deepStrictEqual(m.environment?.seeds, [0, 1, 2]);
      for (const c of m.claims) {
        const demo = DEMO[c.id as keyof typeof DEMO];
        if (!demo) {
          assert.deepStrictEqual(c.runs, [], `${name} ${c.id} stays pending`);
          continue;
        }
        assert.deepStrictEqual(c.runs.map((r) => [r.value, r.seed, r.how]), demo.map((v, i) => [v, i, 'notebook.ipynb, cell 13']), `${name} ${c.id}`);
        assert.ok(Math.abs(c.measured! - demo.reduce((a, b) => a + b) / 3) < 1e-9);
      }
      assert.strictEqual(m.status, m.claims.length ? 'running' : 'planned', name);
      assert.deepStrictEqual(m.compute.entries, [], 'placeholder training is not compute');
    }
  });

  it('the results cell prints the same verdicts as the TypeScript core', () => {
    const nb = JSON.parse(fs.readFileSync(path.join(dirs.rss, 'notebook.ipynb'), 'utf8'));
    const results = nb.cells.find((c: { id: string }) => c.id === 'results').outputs.map((o: { text: string[] | string }) => [o.text].flat().join('')).join('');
    const m = readManifest(path.join(dirs.rss, 'replication.json'));
    assert.deepStrictEqual(m.claims.map((c) => claimVerdict(c).verdict), ['reproduced', 'not-reproduced', 'reproduced', 'pending']);
    for (const c of m.claims) {
      const label = claimVerdict(c).verdict.replace('-', ' ');
      assert.match(results, new RegExp(`^${c.id}\\s.*\\s${label}$`, 'm'), `${c.id} ${label}\n${results}`);
    }
    assert.match(results, /^2\/4 claims reproduced$/m);
  });

  it('the manifests, before and after running, validate against the JSON Schema', () => {
    const { python } = pythonTools();
    const fresh = path.join(root, 'fresh');
    return createScaffold(nodeFileSystem, fresh, oldStylePaper()).then(() => {
      const files = [path.join(fresh, 'replication', 'replication.json'), ...Object.values(dirs).map((d) => path.join(d, 'replication.json'))];
      const errors = schemaErrors(python, files);
      assert.deepStrictEqual(Object.values(errors).flat(), []);
      const bad = path.join(root, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify({ schemaVersion: 1, paper: { id: 'x', version: 0 }, status: 'done', seeds: [], claims: [{ id: 'c1' }] }));
      assert.ok(schemaErrors(python, [bad])[bad].length >= 4, 'the schema rejects a bad manifest');
    });
  });

  it('record() from many processes at once loses no run; record_compute adds up', async () => {
    const python = anyPython();
    const dir = dirs['old-style'];
    const script = [
      'import sys',
      'from pp_replication import record, record_compute',
      'w = int(sys.argv[1])',
      'for i in range(12):',
      '    record("c2", 20 + w + i / 100, seed=1000 * w + i)',
      'record_compute(0.25, note="worker %d" % w)',
    ].join('\n');
    const workers = Array.from({ length: 6 }, (_, w) =>
      new Promise<void>((resolve, reject) => {
        const p = spawn(python, ['-c', script, String(w)], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        p.stderr.on('data', (d) => (err += d));
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${w} exited ${code}: ${err}`))));
      }),
    );
    // Meanwhile the editor changes the estimate through the same lock.
    for (let i = 1; i <= 10; i++) {
      await updateManifest(nodeFileSystem, path.join(dir, 'replication.json'), (m) => ({ ...m, compute: { ...m.compute, estimatedHours: i } }));
    }
    await Promise.all(workers);
    const m = readManifest(path.join(dir, 'replication.json'));
    const c2 = m.claims.find((c) => c.id === 'c2')!;
    const seeds = new Set(c2.runs.map((r) => r.seed));
    for (let w = 0; w < 6; w++) for (let i = 0; i < 12; i++) assert.ok(seeds.has(1000 * w + i), `lost run ${w}/${i}`);
    assert.strictEqual(m.compute.entries.length, 6);
    assert.strictEqual(m.compute.actualHours, 1.5);
    assert.strictEqual(m.compute.estimatedHours, 10);
    assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.lock') || f.endsWith('.tmp')), 'no lock or temp file left');
  });

  it('assume() logs where the guess was made; record() checks its input; a stale lock is broken', () => {
    const python = anyPython();
    const dir = dirs.rss;
    fs.writeFileSync(
      path.join(dir, 'train.py'),
      [
        'from pp_replication import assume',
        '',
        'assume("warm-up", "5 epochs", why="not stated", paper="Section 4.2")',
        'assume("augmentation", "random crop + flip")',
        'assume("warm-up", "10 epochs", why="5 diverged")',
      ].join('\n'),
    );
    runOk(python, ['train.py'], { cwd: dir });
    const m = readManifest(path.join(dir, 'replication.json'));
    assert.deepStrictEqual(
      m.assumptions.map((a) => [a.id, a.topic, a.decision, a.decidedIn]),
      [
        ['a1', 'warm-up', '10 epochs', { file: 'train.py', line: 5, cell: null }],
        ['a2', 'augmentation', 'random crop + flip', { file: 'train.py', line: 4, cell: null }],
      ],
    );
    const unknown = run(python, ['-c', 'from pp_replication import record; record("c99", 1)'], { cwd: dir });
    assert.notStrictEqual(unknown.status, 0);
    assert.match(unknown.stderr, /no claim 'c99' in .*replication\.json \(claims: c1, c2, c3, c4\)/);
    assert.match(run(python, ['-c', 'from pp_replication import record; record("c1", float("nan"))'], { cwd: dir }).stderr, /finite number/);

    const lock = path.join(dir, '.replication.json.lock');
    fs.writeFileSync(lock, '12345 crashed\n');
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(lock, old, old);
    runOk(python, ['-c', 'from pp_replication import record; record("c4", 77.0, seed=9, how="manual")'], { cwd: dir });
    assert.ok(!fs.existsSync(lock));
    const c4 = readManifest(path.join(dir, 'replication.json')).claims.find((c) => c.id === 'c4')!;
    assert.deepStrictEqual(c4.runs.map((r) => [r.value, r.seed, r.how]), [[77, 9, 'manual']]);
  });
});
