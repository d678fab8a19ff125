/**
 * The corpus's tf-idf rows, kept as the one block the fit wrote (no copy), row i being entries
 * start[i] .. end[i] of it. A paper added or re-vectorized later has its row appended at the end
 * (the block keeps some room, and grows by a quarter when full); a removed paper's row is left
 * as garbage until a quarter of the block is garbage. Training and ranking read the block as it
 * is. Before, every row was also an object of two typed-array views (~11 MB for 50,000 papers)
 * and one new paper made training copy the whole block (~32 MB) next to the old one.
 */
import { grow } from './pairTable';
import type { Csr } from './rowBuilder';
import type { SparseVector } from './sparse';
import type { Task } from './tasks';

/** Rows of a block by explicit extents: row i is entries start[i] .. end[i]. */
export interface RowBlock {
  rows: number;
  start: Int32Array;
  end: Int32Array;
  indices: Uint16Array;
  values: Float32Array;
}

/** A Csr as a RowBlock, sharing its arrays. */
export function blockOf(csr: Csr): RowBlock {
  return { rows: csr.rows, start: csr.indptr.subarray(0, csr.rows), end: csr.indptr.subarray(1, csr.rows + 1), indices: csr.indices, values: csr.values };
}

const COPY_PER_STEP = 4096;

export class RowStore {
  /** -1: the paper has no row yet (not vectorized with the current vocabulary). */
  private start: Int32Array;
  private end: Int32Array;
  private indices: Uint16Array;
  private values: Float32Array;
  private used: number;
  private live: number;
  size = 0;

  constructor(csr?: Csr) {
    const rows = csr?.rows ?? 0;
    this.start = new Int32Array(Math.max(16, rows + (rows >> 6)));
    this.end = new Int32Array(this.start.length);
    if (csr) {
      this.start.set(csr.indptr.subarray(0, rows));
      this.end.set(csr.indptr.subarray(1, rows + 1));
    }
    // The whole of the fit's arrays: past the rows they keep some room for papers added later.
    this.indices = csr ? new Uint16Array(csr.indices.buffer, csr.indices.byteOffset) : new Uint16Array(1024);
    this.values = csr ? new Float32Array(csr.values.buffer, csr.values.byteOffset) : new Float32Array(1024);
    this.used = this.live = csr ? csr.indptr[rows] : 0;
    this.size = rows;
  }

  has(i: number): boolean {
    return this.start[i] >= 0;
  }

  /** Row i as views of the block (valid until the next change), or undefined. */
  row(i: number): SparseVector | undefined {
    const from = this.start[i];
    if (from < 0) return undefined;
    return { indices: this.indices.subarray(from, this.end[i]), values: this.values.subarray(from, this.end[i]) };
  }

  /** Room for `rows` papers in all, so that pushing a large batch grows the extents once instead of by a quarter at a time. */
  reserveRows(rows: number): void {
    if (rows <= this.start.length) return;
    this.start = grow(this.start, rows);
    this.end = grow(this.end, rows);
  }

  /** Appends a row for a new paper. */
  push(row: SparseVector | undefined): void {
    if (this.size === this.start.length) this.reserveRows(Math.ceil(this.size * 1.25));
    this.start[this.size++] = -1;
    this.set(this.size - 1, row);
  }

  /** Replaces paper i's row (undefined: it has none until vectorized). */
  set(i: number, row: SparseVector | undefined): void {
    this.drop(i);
    if (!row) return;
    const n = row.indices.length;
    if (this.used + n > this.indices.length) this.reserve(n);
    this.indices.set(row.indices, this.used);
    this.values.set(row.values, this.used);
    this.start[i] = this.used;
    this.end[i] = this.used + n;
    this.used += n;
    this.live += n;
  }

  /** Removes paper i by moving the last paper's row into its place (as Corpus moves the papers). */
  removeByMovingLast(i: number): void {
    this.drop(i);
    const last = this.size - 1;
    this.start[i] = this.start[last];
    this.end[i] = this.end[last];
    this.size--;
  }

  /** The rows for training and ranking (all papers must have one); compacted first when a quarter is garbage. */
  *blockTask(): Task<RowBlock> {
    if (this.live < 0.75 * this.used) yield* this.compactTask(this.live + (this.live >> 6));
    return { rows: this.size, start: this.start.subarray(0, this.size), end: this.end.subarray(0, this.size), indices: this.indices, values: this.values };
  }

  private drop(i: number): void {
    if (this.start[i] >= 0) this.live -= this.end[i] - this.start[i];
    this.start[i] = -1;
  }

  /** Room for `n` more entries: compacted if that frees enough, else a quarter more. */
  private reserve(n: number): void {
    const capacity = Math.max(this.live + n, Math.ceil(this.indices.length * 1.25));
    const task = this.compactTask(capacity);
    while (!task.next().done);
  }

  /** Copies the live rows, in order, into a block of `capacity` entries, a slice at a time. */
  private *compactTask(capacity: number): Task<void> {
    const indices = new Uint16Array(capacity);
    const values = new Float32Array(capacity);
    const start = new Int32Array(this.start.length);
    const end = new Int32Array(this.end.length);
    let at = 0;
    for (let from = 0; from < this.size; from += COPY_PER_STEP) {
      at = this.copyRows(from, Math.min(this.size, from + COPY_PER_STEP), at, { start, end, indices, values });
      yield;
    }
    // Switch only when complete: a stop in between leaves the store as it was.
    this.start = start;
    this.end = end;
    this.indices = indices;
    this.values = values;
    this.used = this.live = at;
  }

  private copyRows(from: number, to: number, at: number, into: Omit<RowBlock, 'rows'>): number {
    for (let i = from; i < to; i++) {
      const s = this.start[i];
      if (s < 0) {
        into.start[i] = -1;
        continue;
      }
      const n = this.end[i] - s;
      into.indices.set(this.indices.subarray(s, s + n), at);
      into.values.set(this.values.subarray(s, s + n), at);
      into.start[i] = at;
      into.end[i] = at + n;
      at += n;
    }
    return at;
  }
}
