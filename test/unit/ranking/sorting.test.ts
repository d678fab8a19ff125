import * as assert from 'assert';
import { argsortDescending, mergeSortTask } from '../../../src/core/ranking/sorting';
import { seededRandom } from '../../support/seededRandom';

describe('ranking order', () => {
  it('sorts indices by score, highest first, ties in index order and NaN last', () => {
    const random = seededRandom(21);
    for (const n of [0, 1, 7, 5_000]) {
      // Few distinct values, so ties are common; negatives, zeros of both signs, infinities and NaN among them.
      const values = [-Infinity, -2.5, -1e-30, -0, 0, 1e-30, 0.75, 3, Infinity, NaN];
      const scores = Float32Array.from({ length: n }, () => values[Math.floor(random() * values.length)] * (random() < 0.5 ? 1 : 1 + random()));
      // Higher first (+0 above -0, as their bits order them), NaN after everything, then by index.
      const before = (x: number, y: number): boolean => (Number.isNaN(y) && !Number.isNaN(x)) || x > y || (x === 0 && y === 0 && Object.is(y, -0) && !Object.is(x, -0));
      const expected = Array.from(scores.keys()).sort((a, b) => (before(scores[a], scores[b]) ? -1 : before(scores[b], scores[a]) ? 1 : a - b));
      assert.deepStrictEqual(Array.from(argsortDescending(scores)), expected, `n = ${n}`);
    }
  });

  it('merge-sorts stably, in steps of at most the given number of moves, even inside one long merge', () => {
    const random = seededRandom(5);
    for (const n of [0, 1, 2, 3, 1_000, 4_097]) {
      const keys = Array.from({ length: n }, () => Math.floor(random() * 50));
      let compared = 0;
      let longestStep = 0;
      const task = mergeSortTask(Int32Array.from(keys.keys()), (a, b) => (compared++, keys[a] < keys[b]), 100);
      let r = task.next();
      while (!r.done) {
        longestStep = Math.max(longestStep, compared);
        compared = 0;
        r = task.next();
      }
      longestStep = Math.max(longestStep, compared);
      const expected = Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
      assert.deepStrictEqual(Array.from(r.value), expected, `n = ${n}`);
      // One comparison per move at most: the last merge of 4,097 elements is cut into steps too.
      assert.ok(longestStep <= 100, `a step compared ${longestStep} times`);
    }
  });
});
