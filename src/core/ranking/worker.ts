/**
 * Worker-thread entry: owns a RankingEngine and runs each request to completion (blocking here
 * is fine, the extension host stays free), polling the shared cancel slot at every yield.
 */
import { parentPort, workerData } from 'worker_threads';
import { RankingEngine } from './rankingEngine';
import { taskFor } from './requests';
import { isCancelled, runSync } from './tasks';
import type { RankDoc } from './types';
import { CANCEL_SLOT, type FromWorker, type ToWorker, type WorkerInit } from './workerProtocol';

const init = workerData as WorkerInit;
const control = new Int32Array(init.control);
const engine = new RankingEngine(init.options);
const staged = new Map<number, RankDoc[]>();
const port = parentPort!;

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'stage') {
    const docs = staged.get(message.seq) ?? [];
    for (const d of message.docs) docs.push(d);
    staged.set(message.seq, docs);
    return;
  }
  if (message.type === 'drop') {
    staged.delete(message.seq);
    return;
  }
  const { seq } = message;
  let request = message.request;
  const pieces = staged.get(seq);
  if (pieces && request.op === 'upsert') request = { op: 'upsert', docs: pieces.concat(request.docs) };
  staged.delete(seq);
  try {
    const result = runSync(taskFor(engine, request), () => Atomics.load(control, CANCEL_SLOT) === seq);
    // The scores of a ranking move instead of being copied.
    const transfer = request.op === 'rank' ? [(result as { scores: Float32Array }).scores.buffer as ArrayBuffer] : [];
    send({ type: 'done', seq, result }, transfer);
  } catch (e) {
    if (isCancelled(e)) send({ type: 'cancelled', seq });
    else {
      const error = e instanceof Error ? e : new Error(String(e));
      send({ type: 'failed', seq, error: { name: error.name, message: error.message, stack: error.stack } });
    }
  }
});
