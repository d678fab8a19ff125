import * as assert from 'assert';
import { fitTfidf } from '../../../src/core/ranking/fitTfidf';
import { rowOf } from '../../../src/core/ranking/rowBuilder';
import { MAX_FEATURES, valueAt, type SparseVector } from '../../../src/core/ranking/sparse';
import { runSync } from '../../../src/core/ranking/tasks';
import { ARXIV_SANITY_TFIDF, dfBounds, type TfidfOptions } from '../../../src/core/ranking/tfidfOptions';
import type { TfidfVocabulary } from '../../../src/core/ranking/vocabulary';

/** Everything in the vocabulary: no df window, no cap. */
const OPEN: TfidfOptions = { ...ARXIV_SANITY_TFIDF, minDf: 1, maxDf: 1, adaptiveMinDf: false, maxFeatures: 1000 };

function fit(texts: string[], options: TfidfOptions = OPEN): { vocabulary: TfidfVocabulary; rows: SparseVector[] } {
  const { vocabulary, csr } = runSync(fitTfidf(texts.map((t) => ({ title: t, summary: null })), options));
  return { vocabulary, rows: Array.from({ length: csr.rows }, (_, r) => rowOf(csr, r)) };
}

function value(v: TfidfVocabulary, row: SparseVector, term: string): number {
  const f = v.featureOf(term);
  assert.ok(f >= 0, `${term} is a feature`);
  return valueAt(row, f);
}

const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} != ${expected}`);

describe('tf-idf vectorizer', () => {
  // Three tiny documents, worked out by hand below.
  const docs = ['graph neural networks', 'graph kernels', 'neural networks neural networks'];

  it('numbers the 1- and 2-gram features in sorted order, as sklearn does', () => {
    const { vocabulary } = fit(docs);
    assert.deepStrictEqual(vocabulary.terms, ['graph', 'graph kernels', 'graph neural', 'kernels', 'networks', 'networks neural', 'neural', 'neural networks']);
  });

  it('computes smooth idf = ln((1 + n) / (1 + df)) + 1', () => {
    const { vocabulary } = fit(docs);
    // n = 3. "graph": documents 1 and 2 (df 2); "kernels": document 2 (df 1); "neural networks": 1 and 3 (df 2).
    close(vocabulary.idf[vocabulary.featureOf('graph')], Math.log(4 / 3) + 1, 'idf graph');
    close(vocabulary.idf[vocabulary.featureOf('kernels')], Math.log(4 / 2) + 1, 'idf kernels');
    close(vocabulary.idf[vocabulary.featureOf('neural networks')], Math.log(4 / 3) + 1, 'idf neural networks');
  });

  it('weighs each document by sublinear tf × idf, divided by its l2 norm', () => {
    const { vocabulary, rows } = fit(docs);
    const idf2 = Math.log(4 / 3) + 1; // df 2
    const idf1 = Math.log(4 / 2) + 1; // df 1
    // Document 1: graph, graph neural, networks, neural, neural networks, each once.
    const norm1 = Math.sqrt(4 * idf2 * idf2 + idf1 * idf1);
    close(value(vocabulary, rows[0], 'graph'), idf2 / norm1, 'd1 graph');
    close(value(vocabulary, rows[0], 'graph neural'), idf1 / norm1, 'd1 graph neural');
    // Document 3: neural ×2, networks ×2, neural networks ×2 (tf 1 + ln 2), networks neural ×1.
    const tf2 = 1 + Math.log(2);
    const norm3 = Math.sqrt(3 * (tf2 * idf2) ** 2 + idf1 * idf1);
    close(value(vocabulary, rows[2], 'neural'), (tf2 * idf2) / norm3, 'd3 neural');
    close(value(vocabulary, rows[2], 'networks neural'), idf1 / norm3, 'd3 networks neural');
    assert.strictEqual(valueAt(rows[2], vocabulary.featureOf('graph')), 0);
    // Unit length.
    for (const r of rows) close(r.values.reduce((s, x) => s + x * x, 0), 1, 'squared norm');
  });

  it('takes 1 + ln(count) for large counts as for small ones, and indexes each row in increasing order', () => {
    // One document: "graph" 63 times, "kernel" 64 times, "model" 100 times, "spectral" once
    // (no bigrams, one document: every idf is 1).
    const text = ['spectral', ...Array<string>(63).fill('graph'), ...Array<string>(64).fill('kernel'), ...Array<string>(100).fill('model')].join(' ');
    const { vocabulary, rows } = fit([text], { ...OPEN, ngramMax: 1 });
    const tf = [63, 64, 100, 1].map((n) => 1 + Math.log(n));
    const norm = Math.sqrt(tf.reduce((sum, t) => sum + t * t, 0));
    ['graph', 'kernel', 'model', 'spectral'].forEach((term, k) => close(value(vocabulary, rows[0], term), tf[k] / norm, term));
    assert.deepStrictEqual(Array.from(rows[0].indices), [0, 1, 2, 3]);
  });

  it('uses raw counts and plain idf when sublinear_tf and smooth_idf are off', () => {
    const { vocabulary, rows } = fit(docs, { ...OPEN, sublinearTf: false, smoothIdf: false, ngramMax: 1 });
    assert.deepStrictEqual(vocabulary.terms, ['graph', 'kernels', 'networks', 'neural']);
    const idf = Math.log(3 / 2) + 1; // plain idf, df 2
    // Document 3: neural 2, networks 2: equal weights, so each is 1/sqrt(2).
    close(value(vocabulary, rows[2], 'neural'), Math.SQRT1_2, 'd3 neural');
    close(vocabulary.idf[vocabulary.featureOf('neural')], idf, 'idf neural');
  });

  it('forms bigrams after stop words are removed, like sklearn', () => {
    const { vocabulary } = fit(['learning of the representations', 'learning representations']);
    assert.ok(vocabulary.featureOf('learning representations') >= 0);
    assert.strictEqual(vocabulary.featureOf('of'), -1);
  });

  it('keeps terms whose document frequency is within [min_df, max_df]', () => {
    const texts = ['alpha beta', 'alpha gamma', 'alpha delta', 'beta gamma'];
    // max_df 0.5 of 4 documents: at most 2; min_df 2.
    const { vocabulary } = fit(texts, { ...OPEN, ngramMax: 1, minDf: 2, maxDf: 0.5 });
    assert.deepStrictEqual(vocabulary.terms, ['beta', 'gamma']);
  });

  it('keeps the max_features terms with the highest total count, ties to the alphabetically first', () => {
    // Totals: zeta 4, alpha 3, beta 2, gamma 2, delta 1.
    const texts = ['zeta zeta alpha beta', 'zeta alpha gamma delta', 'zeta alpha beta gamma'];
    const capped = (maxFeatures: number): readonly string[] => fit(texts, { ...OPEN, ngramMax: 1, maxFeatures }).vocabulary.terms;
    assert.deepStrictEqual(capped(2), ['alpha', 'zeta']);
    // A tie at the cut (beta, gamma both 2): sklearn's argsort breaks it arbitrarily; we take beta.
    assert.deepStrictEqual(capped(3), ['alpha', 'beta', 'zeta']);
    assert.deepStrictEqual(capped(4), ['alpha', 'beta', 'gamma', 'zeta']);
  });

  it('keeps at most MAX_FEATURES features, the most frequent, however large max_features is', () => {
    // 70,000 distinct words: "w0" twice and every other word once, so "w0" must survive the cut.
    const words = Array.from({ length: 70_000 }, (_, k) => `w${k.toString(36)}`);
    const texts = [words.slice(0, 35_000).join(' '), `${words.slice(35_000).join(' ')} w0`];
    const { vocabulary, rows } = fit(texts, { ...OPEN, ngramMax: 1, maxFeatures: 1_000_000 });
    assert.strictEqual(vocabulary.size, MAX_FEATURES);
    assert.ok(vocabulary.featureOf('w0') >= 0);
    // Every feature index of the rows still names its own term.
    const last = vocabulary.terms.length - 1;
    assert.strictEqual(value(vocabulary, rows[1], vocabulary.terms[last]) > 0 || value(vocabulary, rows[0], vocabulary.terms[last]) > 0, true);
  });

  it('lowers min_df for small corpora only when adaptive', () => {
    assert.deepStrictEqual(dfBounds(ARXIV_SANITY_TFIDF, 30), { min: 1, max: 3 });
    assert.deepStrictEqual(dfBounds(ARXIV_SANITY_TFIDF, 100), { min: 5, max: 10 });
    assert.deepStrictEqual(dfBounds({ ...ARXIV_SANITY_TFIDF, adaptiveMinDf: false }, 30), { min: 5, max: 3 });
  });

  it('vectorizes a new text with the fitted vocabulary and idf (transform) and counts unknown words', () => {
    const { vocabulary, rows } = fit(docs);
    const again = vocabulary.vectorize({ title: 'graph neural networks', summary: null });
    assert.deepStrictEqual(Array.from(again.row.indices), Array.from(rows[0].indices));
    assert.deepStrictEqual(Array.from(again.row.values), Array.from(rows[0].values));
    const novel = vocabulary.vectorize({ title: 'graph transformers', summary: 'beat neural networks' });
    assert.strictEqual(novel.tokens, 5);
    assert.strictEqual(novel.unknown, 2); // transformers, beat
    // "transformers" breaks the pair: no "graph transformers", and nothing across the unknown word.
    const terms = Array.from(novel.row.indices, (f) => vocabulary.terms[f]);
    assert.deepStrictEqual(terms, ['graph', 'networks', 'neural', 'neural networks']);
  });

  it('joins title and abstract as one text ("title\\nabstract")', () => {
    const { vocabulary } = runSync(fitTfidf([{ title: 'Neural', summary: 'networks' }], OPEN));
    assert.ok(vocabulary.featureOf('neural networks') >= 0);
  });

  it('gives an empty row to a text without features and an empty vocabulary to an empty corpus', () => {
    const { rows } = fit(['graph', 'the of and']);
    assert.strictEqual(rows[1].indices.length, 0);
    assert.strictEqual(fit([]).vocabulary.size, 0);
  });
});
