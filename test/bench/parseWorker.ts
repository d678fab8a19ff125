/**
 * Child process of parse.bench: parses one body and prints one JSON line. Run in a fresh
 * process so the memory figures are this parse alone, with the body already in memory:
 * - peak RSS Δ: peak RSS during the parse minus RSS before it (Linux: the peak is reset through
 *   /proc/self/clear_refs; elsewhere maxRSS is used, which can only over-state it). It includes
 *   the runtime's own growth: optimising-compiler memory and young-generation space;
 * - peak heap Δ: the most V8 heap in use at any point of the parse (read before every GC with
 *   v8.GCProfiler, and at the end) minus the heap in use before it: the parse's own data,
 *   garbage not yet collected included.
 *
 * usage: node --expose-gc parseWorker.js FILE REPS
 */
import * as fs from 'fs';
import * as v8 from 'v8';
import { parseAny } from '../../src/core/arxiv/parse';
import { procStatusKb, resetPeakRss } from './parseMemory';

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

function main(): void {
  const [file, repsArg] = process.argv.slice(2);
  const reps = Math.max(1, Number(repsArg) || 3);

  // Memory: the body is held as a string (as the client holds it), then parsed once.
  let body: string | undefined = fs.readFileSync(file, 'utf8');
  gc();
  const exactPeak = resetPeakRss();
  const rss0 = procStatusKb('VmRSS') ?? process.memoryUsage().rss / 1024;
  const heap0 = v8.getHeapStatistics().used_heap_size;
  const profiler = new v8.GCProfiler();
  profiler.start();
  let result: ReturnType<typeof parseAny> | undefined = parseAny(body);
  const heapEnd = v8.getHeapStatistics().used_heap_size;
  const peakKb = exactPeak ? (procStatusKb('VmHWM') as number) : process.resourceUsage().maxRSS;
  const gcs = profiler.stop()?.statistics ?? [];
  const peakHeap = Math.max(heapEnd, ...gcs.map((g) => g.beforeGC.heapStatistics.usedHeapSize));
  gc();
  const retainedHeap = process.memoryUsage().heapUsed - heap0;
  const entries = result.papers.length;
  result = undefined;
  body = undefined;
  gc();

  // Throughput: from the raw bytes (decoding included, as the client receives them); best of reps.
  const bytes = fs.readFileSync(file);
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    const res = parseAny(bytes.toString('utf8'));
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (res.papers.length !== entries) throw new Error('entry count changed between runs');
    best = Math.min(best, dt);
  }
  process.stdout.write(
    JSON.stringify({
      entries,
      seconds: best,
      peakDeltaBytes: Math.max(0, peakKb - rss0) * 1024,
      peakHeapDeltaBytes: peakHeap - heap0,
      retainedHeapBytes: retainedHeap,
      exactPeak,
    }) + '\n',
  );
}

main();
