import * as assert from 'assert';
import { libraryPositives, tagRankerKey } from '../../../src/core/ranking/positives';
import { RankingEngine } from '../../../src/core/ranking/rankingEngine';
import { runSync } from '../../../src/core/ranking/tasks';
import { tokenize } from '../../../src/core/ranking/tokenizer';
import type { RankDoc, Ranking, TrainSummary } from '../../../src/core/ranking/types';
import { loadFixturePapers, type FixturePaper } from './support/fixturePapers';

const { papers } = loadFixturePapers();
const byId = new Map(papers.map((p) => [p.id, p]));
const category = (c: string): FixturePaper[] => papers.filter((p) => p.primaryCategory === c);

function engineWith(docs: readonly RankDoc[] = papers): RankingEngine {
  const e = new RankingEngine();
  runSync(e.upsert(docs));
  return e;
}

/** Share of the first `k` ranked ids (skipping `exclude`) whose paper has primary category `c`. */
function precisionAt(ids: string[], k: number, c: string, exclude: Set<string>): number {
  const top = ids.filter((id) => !exclude.has(id)).slice(0, k);
  return top.filter((id) => byId.get(id)?.primaryCategory === c).length / k;
}

describe('ranking engine', function () {
  this.timeout(30_000);

  describe('fallback to recency', () => {
    const dated: RankDoc[] = [
      { id: 'old', title: 'Graph networks', summary: 'Message passing on graphs.', published: '2020-01-01T00:00:00Z' },
      { id: 'new', title: 'Graph transformers', summary: 'Attention on graphs.', published: '2024-05-01T00:00:00Z' },
      { id: 'undated', title: 'Graph kernels', summary: 'Kernels on graphs.', published: null },
      { id: 'mid', title: 'Graph pooling', summary: 'Pooling on graphs.', published: '2022-03-01T00:00:00Z' },
    ];

    it('sorts by date, newest first and undated last, and says why, with no library', () => {
      const r = runSync(engineWith(dated).rank());
      assert.strictEqual(r.mode, 'recency');
      assert.deepStrictEqual(r.ids, ['new', 'mid', 'old', 'undated']);
      assert.match(r.reason!, /your library has 3 papers \(it has 0\)/);
      assert.ok(Number.isNaN(r.scores[3]));
    });

    it('stays on recency below three positives, for training and ranking alike', () => {
      const e = engineWith(dated);
      const s = runSync(e.train(['old', 'new']));
      assert.strictEqual(s.mode, 'recency');
      assert.match(s.reason!, /\(it has 2\)/);
      const r = runSync(e.rank());
      assert.strictEqual(r.mode, 'recency');
      assert.strictEqual(r.positives, 2);
    });

    it('names the tag when a tag ranker has too few papers', () => {
      const e = engineWith(dated);
      runSync(e.train(['old'], tagRankerKey('graphs')));
      assert.match(runSync(e.rank(undefined, tagRankerKey('graphs'))).reason!, /the tag “graphs” has 3 papers \(it has 1\)/);
    });

    it('falls back when the papers share too few words to learn from', () => {
      const e = engineWith(dated);
      runSync(e.train(['old', 'new', 'mid']));
      const r = runSync(e.rank());
      // Four tiny papers: every shared word is in more than max_df (10%) of them.
      assert.strictEqual(r.mode, 'recency');
      assert.match(r.reason!, /too few words/);
    });
  });

  describe('with a library', () => {
    const vision = category('cs.CV');
    const positives = vision.slice(0, 30).map((p) => p.id);
    const positiveSet = new Set(positives);
    let engine: RankingEngine;
    let summary: TrainSummary;
    let ranking: Ranking;
    before(() => {
      engine = engineWith();
      summary = runSync(engine.train(positives));
      ranking = runSync(engine.rank());
    });

    it('trains a model on the positives against the rest of the corpus', () => {
      assert.strictEqual(summary.mode, 'model');
      assert.strictEqual(summary.positives, 30);
      assert.strictEqual(summary.negatives, papers.length - 30);
      assert.ok(summary.converged && summary.refitted && !summary.warmStart);
      assert.strictEqual(engine.stats().features > 1000, true);
    });

    it('ranks unseen papers of the library’s topic first', () => {
      assert.strictEqual(ranking.mode, 'model');
      assert.strictEqual(ranking.reason, null);
      assert.strictEqual(ranking.ids.length, papers.length);
      const p10 = precisionAt(ranking.ids, 10, 'cs.CV', positiveSet);
      // cs.CV is 11% of the corpus: random order would give ~1 in 10.
      assert.ok(p10 >= 0.7, `precision@10 ${p10}`);
      for (let k = 1; k < ranking.scores.length; k++) assert.ok(ranking.scores[k - 1] >= ranking.scores[k]);
    });

    it('explains a recommendation with the terms it shares with the library', () => {
      const top = ranking.ids.find((id) => !positiveSet.has(id))!;
      const why = runSync(engine.explain(top));
      assert.strictEqual(why.mode, 'model');
      assert.ok(Math.abs(why.score! - ranking.scores[ranking.ids.indexOf(top)]) < 1e-6);
      assert.ok(why.terms.length > 0 && why.terms.length <= 8);
      const paper = byId.get(top)!;
      const words = new Set(tokenize(`${paper.title}\n${paper.summary}`));
      for (const t of why.terms) {
        assert.ok(t.term.split(' ').every((w) => words.has(w)), `${t.term} is in the paper`);
        assert.ok(t.libraryPapers >= 1 && t.weight > 0);
      }
      for (let k = 1; k < why.terms.length; k++) assert.ok(why.terms[k - 1].weight >= why.terms[k].weight);
    });

    it('explains with the library’s mean vector when ranking by date', () => {
      const e = engineWith();
      runSync(e.train(positives.slice(0, 2)));
      runSync(e.rank()); // fits the vocabulary
      const why = runSync(e.explain(vision[5].id));
      assert.strictEqual(why.mode, 'recency');
      assert.strictEqual(why.score, null);
      assert.ok(why.terms.every((t) => t.libraryPapers >= 1 && t.weight > 0));
    });

    it('ranks given candidates only, including papers outside the corpus', () => {
      const outside: RankDoc = { id: 'x-1', title: vision[40].title, summary: vision[40].summary, published: null };
      const candidates = [category('hep-th')[0].id, 'not-in-corpus', outside, vision[41].id];
      const r = runSync(engine.rank(candidates));
      assert.deepStrictEqual([...r.ids].sort(), [category('hep-th')[0].id, 'x-1', vision[41].id].sort());
      assert.strictEqual(r.ids[r.ids.length - 1], category('hep-th')[0].id);
      assert.strictEqual(runSync(engine.explain(outside)).id, 'x-1');
    });

    it('keeps a separate ranker per tag', () => {
      const quantum = category('quant-ph').slice(0, 20).map((p) => p.id);
      runSync(engine.train(quantum, tagRankerKey('quantum')));
      const q = runSync(engine.rank(undefined, tagRankerKey('quantum')));
      assert.ok(precisionAt(q.ids, 10, 'quant-ph', new Set(quantum)) >= 0.7);
      const again = runSync(engine.rank());
      assert.deepStrictEqual(again.ids.slice(0, 20), ranking.ids.slice(0, 20));
    });
  });

  describe('incremental updates', () => {
    const vision = category('cs.CV');
    const positives = vision.slice(0, 20).map((p) => p.id);
    const base = papers.slice(0, 1000);
    const later = papers.slice(1000);

    it('warm-starts after one more library paper and reaches the same model as a fresh training', () => {
      const e = engineWith();
      runSync(e.train(positives));
      const one = [...positives, vision[20].id];
      const warm = runSync(e.train(one));
      assert.ok(warm.warmStart && !warm.refitted);
      const fresh = engineWith();
      const cold = runSync(fresh.train(one));
      assert.ok(!cold.warmStart);
      const a = runSync(e.rank());
      const b = runSync(fresh.rank());
      assert.deepStrictEqual(a.ids.slice(0, 50), b.ids.slice(0, 50));
      // Solved to warmTol (1e-2) rather than tol (1e-6).
      const gap = Math.max(...Array.from(a.scores.subarray(0, 50), (s, k) => Math.abs(s - b.scores[k])));
      assert.ok(gap < 1e-2, `scores differ by ${gap}`);
    });

    it('vectorizes new papers with the fitted vocabulary and idf, retraining on the next rank', () => {
      const e = engineWith(base);
      runSync(e.train(positives.filter((id) => base.some((p) => p.id === id))));
      runSync(e.rank());
      const features = e.stats().features;
      const stats = runSync(e.upsert(later.slice(0, 100)));
      assert.deepStrictEqual(
        { added: stats.addedSinceFit, pending: stats.refitPending, features: stats.features, docs: stats.documents },
        { added: 100, pending: false, features, docs: 1100 },
      );
      const r = runSync(e.rank());
      assert.strictEqual(r.ids.length, 1100);
    });

    it('refits the vocabulary once the corpus has grown by half', () => {
      const e = engineWith(base);
      runSync(e.train(positives));
      runSync(e.rank());
      assert.strictEqual(runSync(e.upsert(later.slice(0, 499))).refitPending, false);
      assert.strictEqual(runSync(e.upsert(later.slice(499, 520))).refitPending, true);
      const s = runSync(e.train(positives));
      assert.ok(s.refitted && s.warmStart);
      assert.deepStrictEqual({ fitted: e.stats().fittedDocuments, added: e.stats().addedSinceFit }, { fitted: 1520, added: 0 });
    });

    it('refits when new papers use many words the vocabulary does not know', () => {
      const e = engineWith(base);
      runSync(e.train(positives));
      runSync(e.rank());
      const strange = Array.from({ length: 60 }, (_, i) => ({
        id: `strange-${i}`,
        title: `Zorblax quenfid ${i}`,
        summary: Array.from({ length: 100 }, (_, k) => `vorp${(i * 7 + k) % 50}x glimmerant${k % 13}`).join(' '),
        published: null,
      }));
      assert.strictEqual(runSync(e.upsert(strange)).refitPending, true);
    });

    it('never ranks with a model of other positives after a training was stopped half-way', () => {
      const e = engineWith();
      runSync(e.train(positives));
      const others = category('quant-ph').slice(0, 20).map((p) => p.id);
      const stopped = e.train(others);
      stopped.next();
      stopped.next();
      stopped.return(undefined as never);
      const r = runSync(e.rank());
      const fresh = engineWith();
      runSync(fresh.train(others));
      assert.strictEqual(r.positives, 20);
      // The same model up to the warm-start tolerance: the same top 10, near-ties below may swap.
      const expected = runSync(fresh.rank()).ids;
      assert.deepStrictEqual(new Set(r.ids.slice(0, 10)), new Set(expected.slice(0, 10)));
      const top20 = new Set(expected.slice(0, 20));
      assert.ok(r.ids.slice(0, 20).filter((id) => top20.has(id)).length >= 18);
    });

    it('forgets removed papers, including positives', () => {
      const e = engineWith();
      runSync(e.train(positives));
      runSync(e.remove([positives[0], papers[5].id]));
      const r = runSync(e.rank());
      assert.strictEqual(r.positives, 19);
      assert.strictEqual(r.ids.length, papers.length - 2);
      assert.ok(!r.ids.includes(papers[5].id));
    });
  });

  describe('library positives', () => {
    const record = (id: string, status: string, tags: string[] = []) => ({ id, title: id, summary: null, published: null, status, tags });

    it('takes every saved paper except abandoned ones, or only a tag’s papers', () => {
      const records = [record('a', 'inbox'), record('b', 'read', ['rl']), record('c', 'abandoned', ['rl']), record('d', 'replicated', ['rl'])];
      assert.deepStrictEqual(libraryPositives(records).map((d) => d.id), ['a', 'b', 'd']);
      assert.deepStrictEqual(libraryPositives(records, 'rl').map((d) => d.id), ['b', 'd']);
    });
  });
});
