import * as assert from 'assert';
import { extractClaims } from '../../../src/core/replication/claims/extract';
import { HELD_OUT, HELD_OUT_2, LABELLED, type LabelledAbstract } from './claimTable';
import { fixturePaper } from './papers';

interface Score {
  tp: number;
  fp: number;
  fn: number;
  datasetRight: number;
  datasetLabelled: number;
  mistakes: string[];
}

const normDataset = (d: string | null | undefined) =>
  (d ?? '').toLowerCase().replace(/^the\s+/, '').replace(/\s+(dataset|benchmark)s?$/, '');

/** A found claim matches a labelled one with the same value and metric; each label matches once. */
function score(table: LabelledAbstract[]): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, datasetRight: 0, datasetLabelled: 0, mistakes: [] };
  for (const row of table) {
    const found = extractClaims(fixturePaper(row.file, row.id).summary);
    const expected = row.claims.map(([value, metric, dataset]) => ({ value, metric, dataset: dataset ?? null, used: false }));
    for (const f of found) {
      const e = expected.find((x) => !x.used && x.value === f.value && x.metric === f.metric);
      if (!e) {
        s.fp++;
        s.mistakes.push(`${row.id} extra ${f.value}${f.unit ?? ''} ${f.metric}`);
        continue;
      }
      e.used = true;
      s.tp++;
      if (e.dataset) {
        s.datasetLabelled++;
        if (normDataset(e.dataset) === normDataset(f.dataset)) s.datasetRight++;
      }
    }
    for (const e of expected.filter((x) => !x.used)) {
      s.fn++;
      s.mistakes.push(`${row.id} missed ${e.value} ${e.metric}`);
    }
  }
  return s;
}

const precision = (s: Score) => s.tp / (s.tp + s.fp);
const recall = (s: Score) => s.tp / (s.tp + s.fn);
const line = (name: string, t: LabelledAbstract[], s: Score) =>
  `${name}: ${t.length} abstracts, ${s.tp + s.fn} labelled claims: precision ${precision(s).toFixed(3)} (${s.tp}/${s.tp + s.fp}), ` +
  `recall ${recall(s).toFixed(3)} (${s.tp}/${s.tp + s.fn}), dataset right ${s.datasetRight}/${s.datasetLabelled}`;

describe('replication: claims prefilled from real abstracts', () => {
  it('labels at least 40 real abstracts, with negatives, none twice', () => {
    const all = [...LABELLED, ...HELD_OUT, ...HELD_OUT_2];
    assert.ok(LABELLED.length >= 40, `${LABELLED.length} labelled abstracts`);
    assert.ok(LABELLED.filter((r) => r.claims.length === 0).length >= 10, 'negatives');
    assert.strictEqual(new Set(all.map((r) => r.id)).size, all.length, 'an abstract is in two tables');
  });

  it('development table (used while writing the extractor): precision >= 0.9, recall >= 0.85', function () {
    const s = score(LABELLED);
    console.log(`      ${line('development', LABELLED, s)}`);
    if (s.mistakes.length) console.log(`        ${s.mistakes.join('\n        ')}`);
    assert.ok(precision(s) >= 0.9 && recall(s) >= 0.85, line('development', LABELLED, s));
    assert.ok(s.datasetRight / s.datasetLabelled >= 0.8, 'datasets');
  });

  it('held-out tables (labelled before the extractor saw them): precision >= 0.8, recall >= 0.7 together', function () {
    const s1 = score(HELD_OUT);
    const s2 = score(HELD_OUT_2);
    const both: Score = { tp: s1.tp + s2.tp, fp: s1.fp + s2.fp, fn: s1.fn + s2.fn, datasetRight: 0, datasetLabelled: 0, mistakes: [...s1.mistakes, ...s2.mistakes] };
    console.log(`      ${line('held-out 1 (then used to generalise)', HELD_OUT, s1)}`);
    console.log(`      ${line('held-out 2 (unseen)', HELD_OUT_2, s2)}`);
    console.log(`      ${line('held-out 1+2', [...HELD_OUT, ...HELD_OUT_2], both)}`);
    if (both.mistakes.length) console.log(`        ${both.mistakes.join('\n        ')}`);
    assert.ok(precision(both) >= 0.8 && recall(both) >= 0.7, line('held-out', [...HELD_OUT, ...HELD_OUT_2], both));
  });

  it('reads the forms the issue names, with metric, dataset and unit', () => {
    const [bleu, top1] = extractClaims(
      'Our model achieves 28.4 BLEU on the WMT 2014 English-to-German translation task. ' +
        'On ImageNet, it reaches a top-1 accuracy of 76.1% with a ResNet-50.',
    );
    assert.deepStrictEqual([bleu.value, bleu.metric, bleu.unit, bleu.dataset], [28.4, 'BLEU', 'BLEU', 'WMT 2014 English-to-German']);
    assert.deepStrictEqual([top1.value, top1.metric, top1.unit, top1.higherIsBetter], [76.1, 'top-1 accuracy', '%', true]);
    assert.strictEqual(top1.dataset, 'ImageNet');
  });

  it('keeps the paper\'s ± and drops relative changes, baselines and starting points', () => {
    const claims = extractClaims(
      'We obtain an AUC of $0.84 \\pm 0.04$ and improve F1 by 3.2% over the baseline. ' +
        'Accuracy rises from 61.0% to 70.4%, compared to 65.3% for the previous method.',
    );
    assert.deepStrictEqual(
      claims.map((c) => [c.value, c.metric, c.reportedStd]),
      [
        [0.84, 'AUC', 0.04],
        [70.4, 'accuracy', null],
      ],
    );
  });

  it('finds nothing in an abstract without results', () => {
    assert.deepStrictEqual(extractClaims('We prove that every 3-manifold admits 2 structures, for n = 5 and $k \\geq 7$.'), []);
  });
});
