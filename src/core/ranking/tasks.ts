/**
 * Long computations are written once, as generators that `yield` at safe points, and then driven
 * either to the end in one go (in the worker thread, where blocking is fine) or in slices of a
 * few milliseconds on the extension host's event loop (the fallback when workers are unavailable).
 * A generator never leaves shared state half-updated across a `yield`, so stopping one is safe.
 */
export type Task<T> = Generator<void, T, void>;

export class CancelledError extends Error {
  constructor(message = 'the ranking request was cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function isCancelled(e: unknown): e is CancelledError {
  return e instanceof Error && e.name === 'CancelledError';
}

/** Runs a task to its end; `shouldStop` is polled at every yield. */
export function runSync<T>(task: Task<T>, shouldStop?: () => boolean): T {
  for (;;) {
    if (shouldStop?.()) {
      task.return(undefined as never);
      throw new CancelledError();
    }
    const r = task.next();
    if (r.done) return r.value;
  }
}

export interface ChunkOptions {
  /** Time on the event loop per slice; the block is this plus one step between yields (< 2 ms). */
  budgetMs?: number;
  signal?: AbortSignal;
  /**
   * Called with each slice's wall time and the process's CPU time meanwhile, to measure the
   * longest block (a wall time well above the CPU time means the OS ran something else).
   */
  onSlice?: (ms: number, cpuMs: number) => void;
}

/** Runs a task in slices, giving the event loop back (setImmediate) whenever a slice reaches its budget. */
export function runChunked<T>(task: Task<T>, options: ChunkOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? 8;
  return new Promise<T>((resolve, reject) => {
    const slice = (): void => {
      const start = performance.now();
      const cpu = options.onSlice ? process.cpuUsage() : undefined;
      const report = (): void => {
        if (!cpu) return;
        const used = process.cpuUsage(cpu);
        options.onSlice!(performance.now() - start, (used.user + used.system) / 1000);
      };
      try {
        for (;;) {
          if (options.signal?.aborted) {
            task.return(undefined as never);
            reject(new CancelledError());
            return;
          }
          const r = task.next();
          if (r.done) {
            report();
            resolve(r.value);
            return;
          }
          if (performance.now() - start >= budget) break;
        }
      } catch (e) {
        reject(e);
        return;
      }
      report();
      setImmediate(slice);
    };
    setImmediate(slice);
  });
}
