/**
 * arXiv's terms allow one request every three seconds and a single connection at a time, for
 * everything a user runs together (API, feeds, PDFs). A RequestGate enforces both: callers queue
 * in FIFO order, one holds the gate for the whole request, and each start is at least
 * `minIntervalMs` after the previous request ended, so the server, whatever the latency, never
 * sees two requests closer than that. A 429/503 can push a cooldown onto the gate so every
 * client backs off, not only the one that was refused.
 */
import { Clock, cancelledError, systemClock, throwIfAborted } from './clock';

export const ARXIV_MIN_INTERVAL_MS = 3000;

export interface GateOptions {
  clock?: Clock;
  minIntervalMs?: number;
}

/** Call exactly once when the request (including reading its body) is over. */
export type ReleaseGate = () => void;

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class RequestGate {
  readonly clock: Clock;
  readonly minIntervalMs: number;
  private busy = false;
  private lastActivity = Number.NEGATIVE_INFINITY;
  private cooldownUntil = Number.NEGATIVE_INFINITY;
  private readonly queue: Waiter[] = [];
  /** Start instants of every request let through (tests check the spacing here). */
  readonly starts: number[] = [];

  constructor(opts: GateOptions = {}) {
    this.clock = opts.clock ?? systemClock;
    this.minIntervalMs = opts.minIntervalMs ?? ARXIV_MIN_INTERVAL_MS;
  }

  /** Earliest instant the next request may start. */
  get nextStartAt(): number {
    return Math.max(this.lastActivity + this.minIntervalMs, this.cooldownUntil);
  }

  /** Ask every client to wait until `until` (a server said "slow down"). Never shortens a cooldown. */
  cooldown(until: number): void {
    this.cooldownUntil = Math.max(this.cooldownUntil, until);
  }

  /**
   * Waits for our turn (queue, then spacing/cooldown) and returns the release function.
   * Aborting `signal` at any point while waiting rejects promptly with ArxivError('cancelled').
   */
  async acquire(signal?: AbortSignal): Promise<ReleaseGate> {
    throwIfAborted(signal);
    if (this.busy || this.queue.length > 0) await this.waitTurn(signal);
    this.busy = true; // we hold the gate from here on, including while we wait out the spacing
    try {
      // Loop: a cooldown may be extended by someone else while we sleep.
      for (let wait = this.nextStartAt - this.clock.now(); wait > 0; wait = this.nextStartAt - this.clock.now()) {
        await this.clock.sleep(wait, signal);
      }
    } catch (e) {
      this.handOver();
      throw e;
    }
    const start = this.clock.now();
    this.lastActivity = start;
    this.starts.push(start);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Spacing counts from the end: a slow first response must not shorten the pause before the next.
      this.lastActivity = Math.max(this.lastActivity, this.clock.now());
      this.handOver();
    };
  }

  private waitTurn(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(cancelledError(signal));
      };
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      this.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private handOver(): void {
    this.busy = false;
    const next = this.queue.shift();
    if (next) {
      this.busy = true; // reserved for `next`, which resumes on a later microtask
      next.resolve();
    }
  }
}

let shared: RequestGate | undefined;

/** The process-wide gate every client uses unless told otherwise. */
export function sharedGate(): RequestGate {
  shared ??= new RequestGate();
  return shared;
}
