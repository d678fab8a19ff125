/**
 * Time as the polite transport sees it. Spacing between requests and retry backoff wait on this
 * clock, so tests can run minutes of virtual waiting in milliseconds. (Per-request timeouts are
 * real timers on purpose: they bound real I/O, which a virtual clock cannot speed up.)
 */
import { ArxivError } from '../arxiv/errors';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with ArxivError('cancelled') as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function cancelledError(signal?: AbortSignal): ArxivError {
  return new ArxivError('cancelled', 'The request was cancelled.', { cause: signal?.reason });
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledError(signal);
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError(signal));
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(cancelledError(signal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

interface Sleeper {
  wake: number;
  resolve: () => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * A clock whose time only moves when told. With `autoAdvance` (the default) it behaves like a
 * discrete-event simulation: whenever someone sleeps, time jumps to the earliest pending wake-up on
 * the next turn of the event loop, so "wait 3 s" costs no real time but still orders correctly.
 * Without it, tests move time explicitly with `advance(ms)`.
 */
export class VirtualClock implements Clock {
  private t: number;
  private readonly sleepers: Sleeper[] = [];
  private tickScheduled = false;
  /** Every sleep requested, in order (tests inspect backoff delays here). */
  readonly sleeps: number[] = [];
  readonly autoAdvance: boolean;

  constructor(start: number | Date = Date.UTC(2026, 0, 5, 15, 0, 0), opts: { autoAdvance?: boolean } = {}) {
    this.t = typeof start === 'number' ? start : start.getTime();
    this.autoAdvance = opts.autoAdvance ?? true;
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError(signal));
      const s: Sleeper = { wake: this.t + Math.max(0, ms), resolve, reject, signal };
      if (signal) {
        s.onAbort = () => {
          this.remove(s);
          reject(cancelledError(signal));
        };
        signal.addEventListener('abort', s.onAbort, { once: true });
      }
      this.sleepers.push(s);
      this.schedule();
    });
  }

  /** Moves time forward and wakes every sleeper that is due. */
  advance(ms: number): void {
    this.t += ms;
    this.wakeDue();
  }

  /** Jumps to an absolute instant (never backwards). */
  set(instant: number | Date): void {
    const to = typeof instant === 'number' ? instant : instant.getTime();
    this.t = Math.max(this.t, to);
    this.wakeDue();
  }

  get pending(): number {
    return this.sleepers.length;
  }

  private schedule(): void {
    if (!this.autoAdvance || this.tickScheduled) return;
    this.tickScheduled = true;
    setImmediate(() => {
      this.tickScheduled = false;
      if (this.sleepers.length === 0) return;
      const next = Math.min(...this.sleepers.map((s) => s.wake));
      this.t = Math.max(this.t, next);
      this.wakeDue();
      if (this.sleepers.length > 0) this.schedule();
    });
  }

  private wakeDue(): void {
    const due = this.sleepers.filter((s) => s.wake <= this.t);
    for (const s of due) {
      this.remove(s);
      s.resolve();
    }
  }

  private remove(s: Sleeper): void {
    const i = this.sleepers.indexOf(s);
    if (i >= 0) this.sleepers.splice(i, 1);
    if (s.signal && s.onAbort) s.signal.removeEventListener('abort', s.onAbort);
  }
}
