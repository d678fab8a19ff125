import * as assert from 'assert';
import { formatScore, RankIndex, recommendedAcross } from '../../../src/core/ranking/feedOrder';
import type { Ranking } from '../../../src/core/ranking/types';

function ranking(mode: Ranking['mode'], ids: string[], scores: number[]): Ranking {
  return { key: 'library', mode, reason: mode === 'model' ? null : 'Sorted by date', positives: 3, ids, scores: Float32Array.from(scores) };
}

const byModel = new RankIndex(ranking('model', ['c', 'a', 'd', 'b'], [1.5, 0.25, -0.5, -1]));
const idOf = <T extends { id: string }>(p: T): string => p.id;

describe('feed ordering by a ranking', () => {
  it('orders items as the ranking does, with their scores', () => {
    const ordered = byModel.order([{ id: 'a' }, { id: 'b' }, { id: 'c' }], idOf);
    assert.deepStrictEqual(ordered.map((s) => s.item.id), ['c', 'a', 'b']);
    assert.deepStrictEqual(ordered.map((s) => s.score), [1.5, 0.25, -1]);
  });

  it('puts papers the ranking has not seen last, in their given order, without a score', () => {
    const ordered = byModel.order([{ id: 'x' }, { id: 'b' }, { id: 'y' }, { id: 'c' }], idOf);
    assert.deepStrictEqual(ordered.map((s) => s.item.id), ['c', 'b', 'x', 'y']);
    assert.deepStrictEqual(ordered.map((s) => s.score), [1.5, -1, null, null]);
  });

  it('gives no scores when the ranking is by date, but keeps its order', () => {
    const byDate = new RankIndex(ranking('recency', ['b', 'a'], [20000, 19999]));
    assert.strictEqual(byDate.byModel, false);
    const ordered = byDate.order([{ id: 'a' }, { id: 'b' }], idOf);
    assert.deepStrictEqual(ordered.map((s) => [s.item.id, s.score]), [['b', null], ['a', null]]);
  });

  it('recommends across lists: each paper once, library papers left out, best first, limited', () => {
    const lists = [[{ id: 'a', from: 1 }, { id: 'b', from: 1 }], [{ id: 'a', from: 2 }, { id: 'c', from: 2 }, { id: 'd', from: 2 }]];
    const top = recommendedAcross(lists, byModel, { idOf, exclude: (id) => id === 'c', limit: 2 });
    assert.deepStrictEqual(top.map((s) => [s.item.id, s.item.from]), [['a', 1], ['d', 2]]);
  });

  it('formats scores signed with two decimals', () => {
    assert.strictEqual(formatScore(0.8449), '+0.84');
    assert.strictEqual(formatScore(-1.5), '−1.50');
    assert.strictEqual(formatScore(-0.001), '0.00');
  });
});
