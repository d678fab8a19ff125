import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nodeFileSystem } from '../../../src/core/library/nodeFileSystem';
import { addAssumption, assumptionTextProblem, codeLocation, locationText, withAssumption } from '../../../src/core/replication/assumptions';
import { ManifestError } from '../../../src/core/replication/manifestFile';
import { parseManifest } from '../../../src/core/replication/parseManifest';
import { createScaffold } from '../../../src/core/replication/scaffold';
import { renderReport } from '../../../src/core/replication/report';
import { oldStylePaper } from './papers';

const at = new Date('2026-05-01T09:30:00.456Z');

async function scaffold() {
  const r = await createScaffold(nodeFileSystem, fs.mkdtempSync(path.join(os.tmpdir(), 'pp-assume-')), oldStylePaper());
  assert.strictEqual(r.status, 'created');
  if (r.status !== 'created') throw new Error('not created');
  return r;
}

describe('replication: the assumptions ledger', () => {
  it('checks what the user types: something, one line, not an essay', () => {
    assert.match(assumptionTextProblem('  ', 'topic') ?? '', /Name the detail/);
    assert.match(assumptionTextProblem('', 'decision') ?? '', /Say what you decided/);
    assert.match(assumptionTextProblem('x'.repeat(121), 'topic') ?? '', /under 120 characters \(121 now\)/);
    assert.strictEqual(assumptionTextProblem('x'.repeat(121), 'decision'), undefined);
    assert.match(assumptionTextProblem('a\nb', 'decision') ?? '', /One line/);
    assert.strictEqual(assumptionTextProblem(' learning-rate schedule ', 'topic'), undefined);
  });

  it('names where a decision is encoded relative to the replication folder, as the Python helper does', () => {
    const dir = '/home/ada/practice/papers/1706.03762-attention/replication';
    assert.deepStrictEqual(codeLocation(dir, `${dir}/notebook.ipynb`, { cell: 4, line: 2 }), { file: 'notebook.ipynb', line: 2, cell: 4 });
    assert.deepStrictEqual(codeLocation(dir, '/home/ada/practice/papers/1706.03762-attention/notes.md', { line: 12 }), { file: '../notes.md', line: 12, cell: null });
    assert.deepStrictEqual(codeLocation('C:\\p\\x\\replication', 'C:\\p\\x\\replication\\src\\train.py', { line: 0 }), { file: 'src/train.py', line: null, cell: null });
    assert.strictEqual(locationText({ file: 'notebook.ipynb', line: 2, cell: 4 }), 'notebook.ipynb, cell 4');
    assert.strictEqual(locationText({ file: '../notes.md', line: 12, cell: null }), '../notes.md:12');
    assert.strictEqual(locationText({ file: 'train.py', line: null, cell: null }), 'train.py');
  });

  it('adds a new topic as the next id and updates an existing topic in place', async () => {
    const r = await scaffold();
    const first = withAssumption(r.manifest, { topic: ' Learning-rate schedule ', decision: 'cosine, 5 warm-up epochs', decidedIn: null }, at);
    assert.strictEqual(first.updated, false);
    assert.deepStrictEqual(first.assumption, {
      id: 'a1',
      topic: 'Learning-rate schedule',
      decision: 'cosine, 5 warm-up epochs',
      rationale: null,
      paper: null,
      decidedIn: null,
      at: '2026-05-01T09:30:00Z',
    });
    const second = withAssumption(first.manifest, { topic: 'train/validation split', decision: '90/10, seed 0', paper: 'Section 4', decidedIn: { file: 'notebook.ipynb', line: null, cell: 7 } }, at);
    assert.strictEqual(second.assumption.id, 'a2');
    const again = withAssumption(second.manifest, { topic: 'learning-rate  SCHEDULE', decision: 'linear decay', decidedIn: { file: 'train.py', line: 40, cell: null } }, at);
    assert.strictEqual(again.updated, true);
    assert.deepStrictEqual(again.manifest.assumptions.map((a) => [a.id, a.topic, a.decision]), [
      ['a1', 'learning-rate  SCHEDULE', 'linear decay'],
      ['a2', 'train/validation split', '90/10, seed 0'],
    ]);
    // A gap left by a deleted entry is not reused while a later id exists.
    const gap = withAssumption({ ...again.manifest, assumptions: [again.manifest.assumptions[1]] }, { topic: 'augmentation', decision: 'none', decidedIn: null }, at);
    assert.strictEqual(gap.assumption.id, 'a3');
    assert.throws(() => withAssumption(r.manifest, { topic: '', decision: 'x', decidedIn: null }, at), /Name the detail/);
  });

  it('writes the ledger to replication.json on disk, valid, and the report lists it', async () => {
    const r = await scaffold();
    const loc = codeLocation(r.dir, path.join(r.dir, 'notebook.ipynb'), { cell: 9 });
    const out = await addAssumption(nodeFileSystem, r.manifestPath, { topic: 'optimizer betas', decision: '(0.9, 0.98) as in Vaswani et al.', decidedIn: loc }, () => at);
    assert.deepStrictEqual([out.assumption.id, out.updated], ['a1', false]);
    const parsed = parseManifest(fs.readFileSync(r.manifestPath, 'utf8'));
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.manifest?.assumptions[0].decidedIn, { file: 'notebook.ipynb', line: null, cell: 9 });
    assert.strictEqual(parsed.manifest?.updated, '2026-05-01T09:30:00Z');
    assert.ok(!fs.readdirSync(r.dir).some((f) => f.endsWith('.tmp') || f.endsWith('.lock')), 'no temporary or lock file left behind');
    const report = renderReport(parsed.manifest!, oldStylePaper(), '');
    assert.ok(report.includes('| a1 | optimizer betas | (0.9, 0.98) as in Vaswani et al. | – | – | notebook.ipynb, cell 9 |'), report);
  });

  it('leaves a manifest it cannot parse alone', async () => {
    const r = await scaffold();
    fs.writeFileSync(r.manifestPath, '{"claims": [');
    await assert.rejects(addAssumption(nodeFileSystem, r.manifestPath, { topic: 't', decision: 'd', decidedIn: null }), ManifestError);
    assert.strictEqual(fs.readFileSync(r.manifestPath, 'utf8'), '{"claims": [');
  });
});
