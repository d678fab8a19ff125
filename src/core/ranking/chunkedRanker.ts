/**
 * The ranking service on the extension host's own event loop, for when a worker thread cannot be
 * started: every engine task runs in slices of `budgetMs` (default 8 ms) separated by
 * setImmediate, so the UI never waits longer than a slice plus one step (a few ms).
 */
import { RankingEngine, type RankingOptions } from './rankingEngine';
import { taskFor, type EngineRequest, type EngineResults } from './requests';
import { RequestService } from './service';
import { CancelledError, runChunked } from './tasks';

export interface ChunkedRankerOptions {
  engine?: Partial<RankingOptions>;
  budgetMs?: number;
  /** Told the wall and CPU time of every slice, e.g. to record how long the event loop was held. */
  onSlice?: (ms: number, cpuMs: number) => void;
}

export class ChunkedRanker extends RequestService {
  private readonly engine: RankingEngine;
  private readonly budgetMs: number;
  private readonly sliceListener?: (ms: number, cpuMs: number) => void;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  /** The longest slice run so far (ms): the longest the event loop was blocked by ranking. */
  longestSliceMs = 0;

  constructor(options: ChunkedRankerOptions = {}) {
    super();
    this.engine = new RankingEngine(options.engine);
    this.budgetMs = options.budgetMs ?? 8;
    this.sliceListener = options.onSlice;
  }

  protected execute<K extends EngineRequest['op']>(request: Extract<EngineRequest, { op: K }>, signal?: AbortSignal): Promise<EngineResults[K]> {
    const run = async (): Promise<EngineResults[K]> => {
      if (this.disposed) throw new Error('the ranking service was disposed');
      if (signal?.aborted) throw new CancelledError();
      const task = taskFor(this.engine, request);
      const onSlice = (ms: number, cpuMs: number): void => {
        if (ms > this.longestSliceMs) this.longestSliceMs = ms;
        this.sliceListener?.(ms, cpuMs);
      };
      return (await runChunked(task, { budgetMs: this.budgetMs, signal, onSlice })) as EngineResults[K];
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.queue;
  }
}
