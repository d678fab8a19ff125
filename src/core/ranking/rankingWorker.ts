/**
 * The ranking service in a worker thread: the engine (corpus, vocabulary, models) lives there and
 * the extension host only posts requests and receives rankings. Large upserts are posted in
 * pieces of ~256 KB of text with a turn of the event loop between them, because postMessage
 * copies synchronously and 50,000 abstracts at once would block the host for a long while.
 *
 * If the thread dies, pending and later calls fail with the reason; the caller can create a new
 * RankingWorker (or fall back to ChunkedRanker) and upsert again.
 */
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { RankingOptions } from './rankingEngine';
import type { EngineRequest, EngineResults } from './requests';
import { plainRef, RequestService } from './service';
import { CancelledError } from './tasks';
import type { RankDoc } from './types';
import { CANCEL_SLOT, type FromWorker, type ToWorker, type WorkerInit } from './workerProtocol';

export interface RankingWorkerOptions {
  engine?: Partial<RankingOptions>;
  /** The compiled worker.ts; defaults to worker.js next to this file (a bundler must emit it as its own entry). */
  workerPath?: string;
  /** Text per postMessage when staging an upsert. */
  stageChars?: number;
}

interface Pending {
  seq: number;
  request: EngineRequest;
  signal?: AbortSignal;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onAbort?: () => void;
}

export class RankingWorker extends RequestService {
  private readonly worker: Worker;
  private readonly control: Int32Array;
  private readonly stageChars: number;
  private readonly queue: Pending[] = [];
  private running: Pending | null = null;
  private nextSeq = 1;
  private failure: Error | null = null;

  constructor(options: RankingWorkerOptions = {}) {
    super();
    const shared = new SharedArrayBuffer(4);
    this.control = new Int32Array(shared);
    this.stageChars = options.stageChars ?? 256 * 1024;
    const init: WorkerInit = { control: shared, options: options.engine ?? {} };
    // Required here, not at the top: the extension host loads this file at start-up, threads only on first use.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const threads = require('worker_threads') as typeof import('worker_threads');
    this.worker = new threads.Worker(options.workerPath ?? path.join(__dirname, 'worker.js'), { workerData: init });
    this.worker.unref(); // idle, it must not keep the process alive; ref()'d while a request runs
    this.worker.on('message', (m: FromWorker) => this.onMessage(m));
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`the ranking worker exited (code ${code})`)));
  }

  protected execute<K extends EngineRequest['op']>(request: Extract<EngineRequest, { op: K }>, signal?: AbortSignal): Promise<EngineResults[K]> {
    return new Promise<EngineResults[K]>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      if (signal?.aborted) return reject(new CancelledError());
      const pending: Pending = { seq: this.nextSeq++, request, signal, resolve: resolve as (v: unknown) => void, reject };
      if (signal) {
        pending.onAbort = () => this.cancel(pending);
        signal.addEventListener('abort', pending.onAbort, { once: true });
      }
      this.queue.push(pending);
      this.pump();
    });
  }

  async dispose(): Promise<void> {
    this.fail(new Error('the ranking service was disposed'));
    await this.worker.terminate();
  }

  private cancel(p: Pending): void {
    const queued = this.queue.indexOf(p);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(p, new CancelledError());
    } else if (this.running === p) {
      // The worker polls this slot; it answers 'cancelled' (or 'done' if it had just finished).
      Atomics.store(this.control, CANCEL_SLOT, p.seq);
    }
  }

  private pump(): void {
    if (this.running || this.failure) return;
    const next = this.queue.shift();
    if (!next) {
      this.worker.unref();
      return;
    }
    this.running = next;
    this.worker.ref();
    void this.start(next);
  }

  private async start(p: Pending): Promise<void> {
    let request = p.request;
    if (request.op === 'upsert') {
      const docs = request.docs;
      let from = 0;
      let chars = 0;
      for (let k = 0; k < docs.length; k++) {
        chars += docs[k].title.length + (docs[k].summary?.length ?? 0);
        if (chars < this.stageChars) continue;
        this.post({ type: 'stage', seq: p.seq, docs: plainDocs(docs, from, k + 1) });
        from = k + 1;
        chars = 0;
        await new Promise((r) => setImmediate(r));
        if (this.running !== p) return; // failed meanwhile
        if (p.signal?.aborted) {
          this.post({ type: 'drop', seq: p.seq });
          this.finish(p, new CancelledError());
          return;
        }
      }
      request = { op: 'upsert', docs: plainDocs(docs, from, docs.length) };
    }
    this.post({ type: 'run', seq: p.seq, request });
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private onMessage(m: FromWorker): void {
    const p = this.running;
    if (!p || p.seq !== m.seq) return;
    if (m.type === 'done') this.finish(p, null, m.result);
    else if (m.type === 'cancelled') this.finish(p, new CancelledError());
    else {
      const error = new Error(m.error.message);
      error.name = m.error.name;
      error.stack = m.error.stack;
      this.finish(p, error);
    }
  }

  private finish(p: Pending, error: Error | null, result?: unknown): void {
    this.running = null;
    this.settle(p, error, result);
    this.pump();
  }

  private settle(p: Pending, error: Error | null, result?: unknown): void {
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
    if (error) p.reject(error);
    else p.resolve(result);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const all = this.running ? [this.running, ...this.queue] : [...this.queue];
    this.running = null;
    this.queue.length = 0;
    for (const p of all) this.settle(p, error);
  }
}

function plainDocs(docs: readonly RankDoc[], from: number, to: number): RankDoc[] {
  const out: RankDoc[] = [];
  for (let k = from; k < to; k++) out.push(plainRef(docs[k]) as RankDoc);
  return out;
}
