import * as assert from 'assert';
import { fitTfidf } from '../../../src/core/ranking/fitTfidf';
import { PairSketch } from '../../../src/core/ranking/pairSketch';
import { PairTable } from '../../../src/core/ranking/pairTable';
import { runSync } from '../../../src/core/ranking/tasks';
import { ARXIV_SANITY_TFIDF, type TfidfOptions } from '../../../src/core/ranking/tfidfOptions';
import { seededRandom } from '../../support/seededRandom';

describe('pair counting (the fit)', () => {
  it('estimates the number of distinct pairs within a few percent, however often each repeats', () => {
    for (const distinct of [300, 20_000, 400_000]) {
      const sketch = new PairSketch();
      // Each pair three times, in a scrambled order.
      for (let repeat = 0; repeat < 3; repeat++) {
        for (let k = 0; k < distinct; k++) {
          const p = (k * 7919 + repeat * 104_729) % distinct;
          sketch.add(p % 1000, Math.floor(p / 1000));
        }
      }
      const estimate = sketch.estimate();
      assert.ok(Math.abs(estimate - distinct) / distinct < 0.05, `${distinct} distinct pairs estimated as ${estimate.toFixed(0)}`);
    }
    assert.strictEqual(new PairSketch().estimate(), 0);
  });

  it('keeps every pair and its fields through growth, at any capacity', () => {
    for (const expected of [1, 1500, 5000]) {
      const table = new PairTable(2, expected);
      const n = 20_000;
      for (let k = 0; k < n; k++) {
        table.reserve(1);
        const at = table.claim(k % 977, k);
        table.slots[at] = k;
        table.slots[at + 1] = ~k;
      }
      assert.strictEqual(table.size, n);
      for (let k = 0; k < n; k++) {
        const at = table.find(k % 977, k);
        assert.ok(at >= 0, `pair ${k} found`);
        assert.deepStrictEqual([table.slots[at], table.slots[at + 1]], [k, ~k]);
      }
      assert.strictEqual(table.find(5, 6), -1);
      // Claiming a known pair finds it instead of adding it.
      assert.strictEqual(table.claim(3, 3), table.find(3, 3));
      assert.strictEqual(table.size, n);
    }
  });

  it('reserve makes room before claims, so the slots stay where they are', () => {
    const table = new PairTable(1, 10);
    table.reserve(5_000);
    const slots = table.slots;
    for (let k = 0; k < 5_000; k++) table.claim(k, k + 1);
    assert.strictEqual(table.slots, slots);
  });

  // Few words, long documents: pairs repeat within documents and across them.
  const random = seededRandom(9);
  const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'theta', 'kappa'];
  const docs = Array.from({ length: 300 }, () => Array.from({ length: 5 + Math.floor(random() * 60) }, () => words[Math.floor(random() * words.length)]));
  const df = new Map<string, number>();
  const count = new Map<string, number>();
  for (const doc of docs) {
    const occurrences = [...doc];
    for (let k = 1; k < doc.length; k++) occurrences.push(`${doc[k - 1]} ${doc[k]}`);
    for (const t of occurrences) count.set(t, (count.get(t) ?? 0) + 1);
    for (const t of new Set(occurrences)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const options: TfidfOptions = { ...ARXIV_SANITY_TFIDF, minDf: 1, maxDf: 1, adaptiveMinDf: false, maxFeatures: 1000 };
  const fit = (maxFeatures: number) => runSync(fitTfidf(docs.map((d) => ({ title: d.join(' '), summary: null })), { ...options, maxFeatures })).vocabulary;

  it("counts each pair's document frequency once per document, however often it repeats there", () => {
    const vocabulary = fit(1000);
    assert.strictEqual(vocabulary.size, df.size);
    const n = docs.length;
    for (const [term, d] of df) {
      const f = vocabulary.featureOf(term);
      assert.ok(f >= 0, `${term} is a feature`);
      assert.ok(Math.abs(vocabulary.idf[f] - (Math.log((1 + n) / (1 + d)) + 1)) < 1e-12, `df of ${term} is ${d}`);
    }
  });

  it('counts every occurrence of a pair: max_features keeps the most frequent terms', () => {
    const byCount = [...count].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    const top = byCount.slice(0, 12).map(([t]) => t).sort();
    assert.deepStrictEqual(fit(12).terms, top);
  });
});
