/**
 * Messages between RankingWorker (extension host) and worker.ts (worker thread). One request runs
 * at a time. Cancelling a running request needs no message: the host writes its sequence number
 * into a shared Int32Array that the worker polls at every yield of the task, so even a long fit
 * stops within a few milliseconds.
 */
import type { RankingOptions } from './rankingEngine';
import type { EngineRequest } from './requests';
import type { RankDoc } from './types';

export interface WorkerInit {
  /** Int32Array over a SharedArrayBuffer: [0] = sequence number of the request to cancel. */
  control: SharedArrayBuffer;
  options: Partial<RankingOptions>;
}

export type ToWorker =
  /** Part of a large upsert, sent in pieces so no single postMessage blocks the host for long. */
  | { type: 'stage'; seq: number; docs: RankDoc[] }
  /** Run a request; an upsert's docs are the staged ones followed by its own. */
  | { type: 'run'; seq: number; request: EngineRequest }
  /** Forget the docs staged for a request that was cancelled before it ran. */
  | { type: 'drop'; seq: number };

export type FromWorker =
  | { type: 'done'; seq: number; result: unknown }
  | { type: 'failed'; seq: number; error: { name: string; message: string; stack?: string } }
  | { type: 'cancelled'; seq: number };

export const CANCEL_SLOT = 0;
