/**
 * Sorts that never block the event loop for long: a bottom-up merge sort that yields every few
 * thousand moves (vocabulary terms), and a radix sort for scores (50,000 floats in ~1 ms, where
 * `Array.prototype.sort` with a comparator takes ~15 ms).
 */
import type { Task } from './tasks';

/** Sorts `order` (a permutation) by `less`, stably, yielding every `every` element moves. */
export function* mergeSortTask(order: Int32Array, less: (a: number, b: number) => boolean, every = 4096): Task<Int32Array> {
  const sort = new MergeSort(order, less);
  while (!sort.run(every)) yield;
  return sort.result;
}

/**
 * A bottom-up merge sort that can stop after any number of moves, even inside a merge: the last
 * merge of 20,000 terms compared as strings is one long run otherwise. A class, so the loop is a
 * plain method V8 optimizes (a loop inside a generator stays unoptimized while it runs).
 */
class MergeSort {
  private src: Int32Array;
  private dst: Int32Array;
  private readonly n: number;
  private width = 1;
  private lo = 0;
  private i = 0;
  private j = 0;
  private k = 0;
  private mid = 0;
  private hi = 0;

  constructor(
    order: Int32Array,
    private readonly less: (a: number, b: number) => boolean,
  ) {
    this.n = order.length;
    this.src = order;
    this.dst = new Int32Array(this.n);
    this.startMerge();
  }

  get result(): Int32Array {
    return this.src;
  }

  private startMerge(): void {
    this.mid = Math.min(this.lo + this.width, this.n);
    this.hi = Math.min(this.lo + 2 * this.width, this.n);
    this.i = this.lo;
    this.j = this.mid;
    this.k = this.lo;
  }

  /** Up to `moves` element moves; true when sorted. */
  run(moves: number): boolean {
    const { less, n } = this;
    let { src, dst, i, j, k, mid, hi } = this;
    let left = moves;
    while (this.width < n) {
      while (k < hi && left > 0) {
        // Take from the right run only when strictly less: keeps the sort stable.
        if (i < mid && (j >= hi || !less(src[j], src[i]))) dst[k++] = src[i++];
        else dst[k++] = src[j++];
        left--;
      }
      if (k < hi) {
        Object.assign(this, { i, j, k });
        return false;
      }
      this.lo += 2 * this.width;
      if (this.lo >= n) {
        this.src = dst;
        this.dst = src;
        [src, dst] = [dst, src];
        this.width *= 2;
        this.lo = 0;
      }
      this.startMerge();
      ({ i, j, k, mid, hi } = this);
      if (left === 0) return this.width >= n;
    }
    return true;
  }
}

/** Maps float bits to a uint32 whose unsigned order is the float's order. */
function sortableKey(bits: number): number {
  return bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
}

/** Indices of `scores` from highest to lowest (NaN last); equal scores keep index order. Yields after each radix pass. */
export function* argsortDescendingTask(scores: Float32Array): Task<Int32Array> {
  const n = scores.length;
  // Descending = ascending on the complement of the sortable key; radix sort is stable, so ties keep index order.
  // The keys are computed in place from the scores, once into `keys` and read back through the order.
  const keys = new Uint32Array(n);
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n);
  for (let i = 0; i < n; i++) keys[i] = scores[i] === scores[i] ? ~sortableKey(bits[i]) >>> 0 : 0xffffffff;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let nextOrder = new Int32Array(n);
  const counts = new Int32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    radixPass(keys, order, nextOrder, counts, shift);
    [order, nextOrder] = [nextOrder, order];
    yield;
  }
  return order;
}

/** One stable counting pass on byte `shift` of the keys, of the indices in `order` into `into`. */
function radixPass(keys: Uint32Array, order: Int32Array, into: Int32Array, counts: Int32Array, shift: number): void {
  const n = order.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 255]++;
  let sum = 0;
  for (let b = 0; b < 256; b++) {
    const c = counts[b];
    counts[b] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const k = order[i];
    into[counts[(keys[k] >>> shift) & 255]++] = k;
  }
}

export function argsortDescending(scores: Float32Array): Int32Array {
  const task = argsortDescendingTask(scores);
  for (;;) {
    const r = task.next();
    if (r.done) return r.value;
  }
}
