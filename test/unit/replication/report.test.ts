import * as assert from 'assert';
import { createManifest } from '../../../src/core/replication/createManifest';
import type { ReplicationManifest } from '../../../src/core/replication/manifest';
import { notesSections } from '../../../src/core/replication/notesSections';
import { renderReport } from '../../../src/core/replication/report';
import { oldStylePaper } from './papers';

function measured(): ReplicationManifest {
  const m = createManifest(oldStylePaper(), { now: new Date('2026-03-01T00:00:00Z') });
  const at = '2026-03-02T00:00:00Z';
  m.status = 'partially-reproduced';
  m.claims[0].runs = [75.9, 76.0, 76.2].map((value, seed) => ({ value, seed, at, how: 'notebook.ipynb, cell 13' }));
  m.claims[1].runs = [25.1, 25.4, 25.0].map((value, seed) => ({ value, seed, at, how: 'train.py:88' }));
  m.assumptions = [
    { id: 'a1', topic: 'learning-rate schedule', decision: 'cosine, 5 warm-up epochs', rationale: 'not stated', paper: 'Section 5.3', decidedIn: { file: 'notebook.ipynb', line: 4, cell: 11 }, at },
    { id: 'a2', topic: 'BPE vocabulary | size', decision: '37k merges', rationale: null, paper: null, decidedIn: { file: 'prep.py', line: 12, cell: null }, at },
  ];
  m.compute = { estimatedHours: 672, estimateBasis: 'paper: "3.5 days on eight GPUs"', actualHours: 700, entries: [{ hours: 700, at, note: null }] };
  m.environment = { python: '3.11.2', platform: 'Linux-6.1-x86_64', packages: { torch: '2.3.1', numpy: '1.26.4' }, hardware: { cpus: 16, gpus: ['NVIDIA A100-SXM4-40GB'] }, seeds: [0, 1, 2], capturedAt: at };
  return m;
}

const NOTES = [
  '# Notes',
  '',
  '## What was easy',
  '',
  'The data pipeline: the authors link the exact split.',
  '',
  '## What was hard',
  '',
  'Warm-up length is not given.',
  '',
  '```md',
  '## Communication (inside a code block, not a heading)',
  '```',
  '',
  '### Contact with the authors',
  '',
  'Emailed the first author on 2026-02-10; no answer yet.',
].join('\n');

describe('replication: MLRC report', () => {
  it('has the sections of the ML Reproducibility Challenge report, in order', () => {
    const text = renderReport(measured(), oldStylePaper(), NOTES);
    const order = [
      '# Reproducibility report:',
      '## Reproducibility summary',
      '**Scope of reproducibility.**',
      '**Methodology.**',
      '**Results.**',
      '**What was easy.**',
      '**What was difficult.**',
      '**Communication with original authors.**',
      '## 1. Introduction',
      '## 2. Scope of reproducibility',
      '## 3. Methodology',
      '### 3.1 Environment',
      '### 3.2 Assumptions and deviations',
      '### 3.3 Computational requirements',
      '## 4. Results',
      '## 5. Discussion',
    ];
    let at = -1;
    for (const heading of order) {
      const i = text.indexOf(heading, at + 1);
      assert.ok(i > at, `"${heading}" missing or out of order`);
      at = i;
    }
  });

  it('puts results, runs, assumptions, compute, environment and notes in', () => {
    const text = renderReport(measured(), oldStylePaper(), NOTES);
    assert.match(text, /\| c1 \| top-1 accuracy \| ImageNet \| 76\.1% \| 76\.0 ± 0\.2% \| 3\/3 \| -0\.1% \| reproduced \(± 0\.76\) \|/);
    assert.match(text, /\| c2 \| BLEU \| WMT 2014 English-to-German \| 28\.4 BLEU \| 25\.2 ± 0\.2 BLEU \| 3\/3 \| -3\.2 BLEU \| not reproduced/);
    assert.match(text, /- c1: 75\.9 \(seed 0\), 76 \(seed 1\), 76\.2 \(seed 2\)/);
    assert.match(text, /\| a1 \| learning-rate schedule \| cosine, 5 warm-up epochs \| not stated \| Section 5\.3 \| notebook\.ipynb, cell 11 \|/);
    assert.match(text, /\| a2 \| BPE vocabulary \\\| size \| 37k merges \| – \| – \| prep\.py:12 \|/);
    assert.match(text, /Estimated at the start: 672 GPU-hours .*over budget: 700 of 672 GPU-hours \(104%\)/);
    assert.match(text, /1 × NVIDIA A100-SXM4-40GB/);
    assert.match(text, /torch 2\.3\.1, numpy 1\.26\.4/);
    assert.match(text, /\*\*What was easy\.\*\* The data pipeline: the authors link the exact split\./);
    assert.match(text, /\*\*What was difficult\.\*\* Warm-up length is not given\./);
    assert.match(text, /\*\*Communication with original authors\.\*\* Emailed the first author/);
    assert.match(text, /Status: \*\*partially reproduced\*\*, 1\/2 claims reproduced \(1 not reproduced\)/);
    assert.match(text, /arXiv:math\/0309136v3/);
  });

  it('says plainly what is missing when there are no notes, runs or environment', () => {
    const m = createManifest(oldStylePaper(), { now: new Date('2026-03-01T00:00:00Z') });
    const text = renderReport(m, oldStylePaper());
    assert.match(text, /_Not written yet: add a "What was easy" section to the paper's notes\._/);
    assert.match(text, /_Not captured yet: run the environment cell of the notebook\._/);
    assert.match(text, /No assumptions were logged/);
    assert.match(text, /0\/2 claims reproduced \(2 pending\)/);
    assert.strictEqual(renderReport(m, oldStylePaper()), text, 'pure');
  });

  it('finds note sections by the words of their headings', () => {
    assert.deepStrictEqual(Object.keys(notesSections(NOTES)).sort(), ['communication', 'difficult', 'easy']);
    assert.deepStrictEqual(notesSections('## What was easy\n\n*\n\n## Lessons learned\nPin versions.'), { lessons: 'Pin versions.' });
  });
});
