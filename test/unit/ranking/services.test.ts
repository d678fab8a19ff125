import * as assert from 'assert';
import { ChunkedRanker } from '../../../src/core/ranking/chunkedRanker';
import { RankingEngine } from '../../../src/core/ranking/rankingEngine';
import { RankingWorker } from '../../../src/core/ranking/rankingWorker';
import type { Ranking } from '../../../src/core/ranking/types';
import { CancelledError, isCancelled, runChunked, runSync, type Task } from '../../../src/core/ranking/tasks';
import { loadFixturePapers } from './support/fixturePapers';
import { synthesizeCorpus } from './support/syntheticCorpus';

const { papers } = loadFixturePapers();
const positives = papers.filter((p) => p.primaryCategory === 'cs.CV').slice(0, 25).map((p) => p.id);

function reference() {
  const e = new RankingEngine();
  runSync(e.upsert(papers));
  runSync(e.train(positives));
  return runSync(e.rank());
}

async function rejectsCancelled(p: Promise<unknown>): Promise<void> {
  await assert.rejects(p, (e: unknown) => isCancelled(e) && e instanceof CancelledError);
}

describe('ranking services', function () {
  this.timeout(60_000);
  let expected: Ranking;
  before(() => {
    expected = reference();
  });

  describe('RankingWorker (worker thread)', () => {
    let worker: RankingWorker;
    beforeEach(() => {
      // Small pieces, so the staging of an upsert is exercised too.
      worker = new RankingWorker({ stageChars: 64 * 1024 });
    });
    afterEach(() => worker.dispose());

    it('ranks exactly as the engine does in this thread', async () => {
      const stats = await worker.upsert(papers);
      assert.strictEqual(stats.documents, papers.length);
      const s = await worker.train(positives);
      assert.strictEqual(s.mode, 'model');
      const r = await worker.rank();
      assert.deepStrictEqual(r.ids, expected.ids);
      assert.deepStrictEqual(Array.from(r.scores), Array.from(expected.scores));
      const why = await worker.explain(r.ids[40]);
      assert.ok(why.terms.length > 0);
    });

    it('cancels a running request within milliseconds and stays usable', async () => {
      const big = synthesizeCorpus(papers, 20_000, 3);
      await worker.upsert(big);
      const controller = new AbortController();
      const training = worker.train(big.slice(0, 50).map((p) => p.id), { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 30)); // inside the vocabulary fit
      controller.abort();
      await rejectsCancelled(training);
      // Interrupted, not finished: the next call redoes the fit it stopped. (How fast cancellation
      // lands is a figure for the benchmark, not an assertion.)
      const s = await worker.train(big.slice(0, 50).map((p) => p.id));
      assert.ok(s.mode === 'model' && s.refitted);
    });

    it('cancels queued requests without running them; the rest of the queue goes on', async () => {
      await worker.upsert(papers);
      const controller = new AbortController();
      const first = worker.train(positives);
      const queued = worker.rank(undefined, { signal: controller.signal });
      const after = worker.rank();
      controller.abort();
      await rejectsCancelled(queued);
      assert.strictEqual((await first).mode, 'model');
      assert.deepStrictEqual((await after).ids, expected.ids);
      await rejectsCancelled(worker.stats({ signal: AbortSignal.abort() }));
    });

    it('rejects calls after dispose', async () => {
      await worker.dispose();
      await assert.rejects(worker.stats(), /disposed/);
    });
  });

  describe('ChunkedRanker (event loop, in slices)', () => {
    it('ranks exactly as the engine does, giving the event loop back every few milliseconds', async () => {
      const slices: number[] = [];
      const chunked = new ChunkedRanker({ budgetMs: 8, onSlice: (ms) => slices.push(ms) });
      // Other work must get turns while it ranks: count timer callbacks that run in between.
      let turns = 0;
      const other = setInterval(() => turns++, 0);
      try {
        await chunked.upsert(papers);
        await chunked.train(positives);
        const r = await chunked.rank();
        assert.deepStrictEqual(r.ids, expected.ids);
      } finally {
        clearInterval(other);
      }
      // How long each slice blocks is a benchmark figure; here: it did yield, many times.
      assert.ok(slices.length >= 10, `${slices.length} slices`);
      assert.ok(turns >= 5, `other work ran only ${turns} times`);
      slices.sort((a, b) => a - b);
      assert.strictEqual(chunked.longestSliceMs, slices[slices.length - 1]);
      await chunked.dispose();
    });

    it('runs calls one at a time, in order, and stops on abort', async () => {
      const chunked = new ChunkedRanker();
      const controller = new AbortController();
      const upsert = chunked.upsert(papers);
      const train = chunked.train(positives, { signal: controller.signal });
      setImmediate(() => controller.abort());
      assert.strictEqual((await upsert).documents, papers.length);
      await rejectsCancelled(train);
      assert.strictEqual((await chunked.rank()).mode, 'recency'); // the ranker was never trained
      await chunked.dispose();
    });
  });

  describe('runChunked', () => {
    it('gives the event loop back between slices', async () => {
      function* busy(): Task<number> {
        let n = 0;
        for (let i = 0; i < 200; i++) {
          const until = performance.now() + 1;
          while (performance.now() < until) n++;
          yield;
        }
        return n;
      }
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const slices: number[] = [];
      await runChunked(busy(), { budgetMs: 5, onSlice: (ms) => slices.push(ms) });
      clearInterval(timer);
      assert.ok(slices.length >= 20, `${slices.length} slices`);
      assert.ok(ticks >= 10, `${ticks} timer ticks ran meanwhile`);
    });
  });
});
