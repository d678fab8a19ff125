import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nodeFileSystem } from '../../../src/core/library/nodeFileSystem';
import { paperFolderName } from '../../../src/core/library/paperFolder';
import { ManifestError, updateManifest } from '../../../src/core/replication/manifestFile';
import { parseManifest } from '../../../src/core/replication/parseManifest';
import { createScaffold } from '../../../src/core/replication/scaffold';
import { PYTHON_HELPER } from '../../../src/core/replication/templates/pythonHelper';
import { startHfServer } from './hfServer';
import { fixturePaper, oldStylePaper, RSS } from './papers';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pp-scaffold-'));
}

describe('replication: scaffold generator', () => {
  it('creates the replication folder for a real paper, claims prefilled', async () => {
    const root = tmp();
    const paper = fixturePaper(RSS, '2411.11082');
    const dir = path.join(root, paperFolderName(paper.id, paper.title));
    const r = await createScaffold(nodeFileSystem, dir, paper, { now: new Date('2026-03-01T00:00:00Z') });
    assert.strictEqual(r.status, 'created');
    if (r.status !== 'created') return;
    assert.deepStrictEqual(r.written, ['replication.json', 'notebook.ipynb', 'pp_replication.py', 'requirements.txt', 'README.md', '.gitignore']);
    assert.deepStrictEqual(fs.readdirSync(r.dir).sort(), ['.gitignore', 'README.md', 'notebook.ipynb', 'pp_replication.py', 'replication.json', 'requirements.txt']);
    const parsed = parseManifest(fs.readFileSync(r.manifestPath, 'utf8'));
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(
      parsed.manifest?.claims.map((c) => [c.id, c.description, c.reported, c.unit, c.confirmed]),
      [
        ['c1', 'recognition accuracy of 94.84% on CIFAR-10', 94.84, '%', false],
        ['c2', 'recognition accuracy of 74.92% on CIFAR-100', 74.92, '%', false],
        ['c3', 'recognition accuracy of 98.26% on DVS-Gesture', 98.26, '%', false],
        ['c4', 'recognition accuracy of 77.10% on DVS-CIFAR10', 77.1, '%', false],
      ],
    );
    assert.strictEqual(fs.readFileSync(path.join(r.dir, 'pp_replication.py'), 'utf8'), PYTHON_HELPER);
    assert.match(fs.readFileSync(path.join(r.dir, 'requirements.txt'), 'utf8'), /^torch>=/m);
    assert.match(fs.readFileSync(path.join(r.dir, '.gitignore'), 'utf8'), /^checkpoints\/$/m);
  });

  it('lays the notebook out after the MLRC report, as valid nbformat 4.5 JSON', async () => {
    const r = await createScaffold(nodeFileSystem, tmp(), fixturePaper(RSS, '2411.11082'));
    assert.strictEqual(r.status, 'created');
    const nb = JSON.parse(fs.readFileSync(r.notebookPath, 'utf8'));
    assert.deepStrictEqual([nb.nbformat, nb.nbformat_minor, nb.metadata.kernelspec.name], [4, 5, 'python3']);
    const headings = nb.cells.filter((c: { cell_type: string }) => c.cell_type === 'markdown').map((c: { source: string[] }) => c.source[0].trim());
    assert.deepStrictEqual(headings, [
      '# Replication: STOP: Spatiotemporal Orthogonal Propagation for Weight-Threshold-Leakage Synergistic Training of Deep Spiking Neural Networks',
      '## 1. Scope of reproducibility: the claims to check',
      '## 2. Environment',
      '## 3. Methodology: data',
      '## 4. Methodology: model',
      '## 5. Methodology: training',
      '## 6. Methodology: evaluation',
      '## 7. Results: reported vs measured',
      '## 8. Discussion',
      '## ML Code Completeness Checklist',
    ]);
    const ids = nb.cells.map((c: { id: string }) => c.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    const evaluation = nb.cells.find((c: { id: string }) => c.id === 'evaluation').source.join('');
    assert.match(evaluation, /def evaluate_c4\(model, data, seed\):\n {4}"""c4: recognition accuracy of 77\.10% on DVS-CIFAR10\. Reported 77\.1%;/);
    assert.match(evaluation, /record\(claim_id, value, seed=seed\)/);
    const scope = nb.cells.find((c: { id: string }) => c.id === 'scope').source.join('');
    assert.match(scope, /\| id \| claim \| reported ± tolerance \| better \| where \|/);
    assert.match(scope, /\| `c2` \| recognition accuracy of 74\.92% on CIFAR-100 \| 74\.92% ± 0\.749 \| higher \| abstract \|/);
  });

  it('never overwrites: a second start reports "exists"; files the user made are kept', async () => {
    const dir = tmp();
    const paper = oldStylePaper();
    fs.mkdirSync(path.join(dir, 'replication'));
    fs.writeFileSync(path.join(dir, 'replication', 'README.md'), 'my own readme\n');
    const first = await createScaffold(nodeFileSystem, dir, paper, { framework: 'keras' });
    assert.strictEqual(first.status, 'created');
    if (first.status === 'created') assert.deepStrictEqual(first.kept, ['README.md']);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'replication', 'README.md'), 'utf8'), 'my own readme\n');
    fs.appendFileSync(path.join(dir, 'replication', 'notebook.ipynb'), ' ');
    const before = fs.readFileSync(path.join(dir, 'replication', 'notebook.ipynb'), 'utf8');
    const again = await Promise.all([createScaffold(nodeFileSystem, dir, paper), createScaffold(nodeFileSystem, dir, paper)]);
    assert.deepStrictEqual(again.map((x) => x.status), ['exists', 'exists']);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'replication', 'notebook.ipynb'), 'utf8'), before);
  });

  it('two windows starting at once: exactly one creates it', async () => {
    const dir = tmp();
    const results = await Promise.all([1, 2, 3].map(() => createScaffold(nodeFileSystem, dir, oldStylePaper())));
    assert.deepStrictEqual(results.map((x) => x.status).sort(), ['created', 'exists', 'exists']);
  });

  it('an old-style id with a TeX and unicode title: folder, notebook and Keras requirements', async () => {
    const root = tmp();
    const paper = oldStylePaper();
    const dir = path.join(root, paperFolderName(paper.id, paper.title));
    assert.match(path.basename(dir), /^math_0309136-knot-floer/);
    const r = await createScaffold(nodeFileSystem, dir, paper, { framework: 'keras', seeds: [1, 2, 3, 4, 5] });
    assert.strictEqual(r.status, 'created');
    if (r.status !== 'created') return;
    assert.deepStrictEqual(r.manifest.paper, { id: 'math/0309136', version: 3, title: paper.title });
    assert.deepStrictEqual(r.manifest.compute.estimatedHours, 672, 'from "3.5 days on eight GPUs"');
    assert.strictEqual(r.manifest.claims[0].runsPlanned, 5);
    const nb = JSON.parse(fs.readFileSync(r.notebookPath, 'utf8'));
    const title = nb.cells[0].source.join('');
    assert.ok(title.startsWith('# Replication: Knot Floer homology on $S^3 \\times [0,1]$ and the "Schrödinger–Ørsted" conjecture: Ω-twisted \\\\emph{invariants} & &lt;bounds&gt; \\| 50% off\n'), title.split('\n')[0]);
    assert.match(title, /\*\*Authors:\*\* Jürgen Müller, Søren Ørsted, Zoë O'Brien-Łukasiewicz/);
    assert.match(title, /\[math\/0309136v3\]\(https:\/\/arxiv\.org\/abs\/math\/0309136v3\)/);
    assert.match(nb.cells.find((c: { id: string }) => c.id === 'model').source.join(''), /import keras/);
    assert.match(fs.readFileSync(path.join(r.dir, 'requirements.txt'), 'utf8'), /^keras>=3\.0\ntensorflow>=/m);
  });

  it('lists official code and artifacts in the README, or says plainly none were found', async () => {
    const hf = await startHfServer();
    try {
      const known = { ...oldStylePaper(), id: '1706.03762', version: 7, links: { abs: 'https://arxiv.org/abs/1706.03762v7', pdf: 'https://arxiv.org/pdf/1706.03762v7', doi: null } };
      const a = await createScaffold(nodeFileSystem, tmp(), known, { huggingFace: { baseUrl: hf.url } });
      const readmeA = fs.readFileSync(path.join(a.dir, 'README.md'), 'utf8');
      assert.match(readmeA, /## Official code and artifacts\n\nFrom Hugging Face, as of \d{4}-\d\d-\d\d \(\[paper page\]\(http:\/\/127\.0\.0\.1:\d+\/papers\/1706\.03762\)\):/);
      assert.match(readmeA, /- Code: https:\/\/github\.com\/tensorflow\/tensor2tensor/);
      assert.match(readmeA, /- Models citing it: \[google-t5\/t5-small\]/);
      const b = await createScaffold(nodeFileSystem, tmp(), oldStylePaper(), { huggingFace: { baseUrl: hf.url } });
      assert.match(fs.readFileSync(path.join(b.dir, 'README.md'), 'utf8'), /\nNone found: as of \d{4}-\d\d-\d\d, Hugging Face has not indexed this paper/);
    } finally {
      await hf.close();
    }
    const down = await createScaffold(nodeFileSystem, tmp(), oldStylePaper(), { huggingFace: { baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 } });
    assert.ok(down.status === 'created' && down.artifactsNote?.startsWith('Could not reach Hugging Face'));
    assert.match(fs.readFileSync(path.join(down.dir, 'README.md'), 'utf8'), /Could not check Hugging Face/);
  });

  it('updateManifest changes the file on disk through the lock, and refuses a broken file', async () => {
    const r = await createScaffold(nodeFileSystem, tmp(), oldStylePaper());
    const m = await updateManifest(nodeFileSystem, r.manifestPath, (x) => ({ ...x, status: 'running' }), () => new Date('2026-05-05T05:05:05.123Z'));
    assert.deepStrictEqual([m.status, m.updated], ['running', '2026-05-05T05:05:05Z']);
    assert.strictEqual(parseManifest(fs.readFileSync(r.manifestPath, 'utf8')).manifest?.status, 'running');
    fs.writeFileSync(r.manifestPath, '{"claims": [');
    await assert.rejects(updateManifest(nodeFileSystem, r.manifestPath, (x) => x), (e: unknown) => e instanceof ManifestError && /error/.test(e.message));
    assert.strictEqual(fs.readFileSync(r.manifestPath, 'utf8'), '{"claims": [');
  });
});
