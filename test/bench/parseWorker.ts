/**
 * Child process of parse.bench: parses one body and prints one JSON line. Run in a fresh
 * process so the memory figures are this parse alone.
 *
 * Before the parse the body is held as the bytes read from the file, as the client holds a
 * response (the transport and cache keep a Buffer): decoding it is part of the parse's cost, so
 * the baseline must not include a decoded string (an earlier version of this worker decoded the
 * body before the baseline and so left out a whole copy of it). Figures, over the parse:
 * - peak memory Δ (the target): the most V8 heap plus external memory in use at any point of
 *   the parse, minus the same before it. Read before every GC (v8.GCProfiler) and at the end,
 *   which catches the maximum: between collections usage only grows. It counts everything the
 *   parse allocated and still occupied memory then, garbage not yet collected included;
 * - peak RSS Δ: peak RSS minus RSS before (Linux: the peak is reset through
 *   /proc/self/clear_refs; elsewhere maxRSS, which can only over-state it). For context only:
 *   it also counts what the runtime allocates for itself on first use, whatever the body
 *   (optimising-compiler zones, code, young-generation pages; ~10 MB on any body);
 * - retained: heap still used by the result after a full GC.
 *
 * usage: node --expose-gc [--max-semi-space-size=1] parseWorker.js FILE REPS (0: memory only)
 */
import * as fs from 'fs';
import * as v8 from 'v8';
import { parseAny } from '../../src/core/arxiv/parse';
import { procStatusKb, resetPeakRss } from './parseMemory';

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run with --expose-gc');
  g();
  g();
}

function main(): void {
  const [file, repsArg] = process.argv.slice(2);
  const reps = Math.max(0, Number(repsArg) || 0);

  const bytes = fs.readFileSync(file);
  gc();
  const exactPeak = resetPeakRss();
  const rss0 = procStatusKb('VmRSS') ?? process.memoryUsage().rss / 1024;
  const stats0 = v8.getHeapStatistics();
  const mem0 = stats0.used_heap_size + stats0.external_memory;
  const profiler = new v8.GCProfiler();
  profiler.start();
  let result: ReturnType<typeof parseAny> | undefined = parseAny(bytes);
  const statsEnd = v8.getHeapStatistics();
  const peakKb = exactPeak ? (procStatusKb('VmHWM') as number) : process.resourceUsage().maxRSS;
  const gcs = profiler.stop()?.statistics ?? [];
  const peakMem = Math.max(
    statsEnd.used_heap_size + statsEnd.external_memory,
    ...gcs.map((g) => g.beforeGC.heapStatistics.usedHeapSize + g.beforeGC.heapStatistics.externalMemory),
  );
  gc();
  const retainedHeap = v8.getHeapStatistics().used_heap_size - stats0.used_heap_size;
  const entries = result.papers.length;
  result = undefined;
  gc();

  // Throughput: from the bytes, as the client receives them; best of reps.
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    const res = parseAny(bytes);
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (res.papers.length !== entries) throw new Error('entry count changed between runs');
    best = Math.min(best, dt);
  }
  process.stdout.write(
    JSON.stringify({
      entries,
      seconds: reps > 0 ? best : null,
      peakDeltaBytes: Math.max(0, peakKb - rss0) * 1024,
      peakMemDeltaBytes: peakMem - mem0,
      retainedHeapBytes: retainedHeap,
      exactPeak,
    }) + '\n',
  );
}

main();
