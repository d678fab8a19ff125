/**
 * Documents' tf-idf rows from the feature index of each of their n-gram occurrences, exactly as
 * sklearn's TfidfTransformer computes them: counts, then 1 + ln(count) if sublinear, times idf,
 * then divided by the l2 norm (in float64, stored as float32 as arxiv-sanity-lite does).
 * Rows are appended to one growing block (CSR) instead of two small typed arrays each: 50,000
 * ArrayBuffers would cost ~20 MB of bookkeeping alone and scatter the SVM's memory reads.
 */
import type { SparseVector } from './sparse';

export interface Csr {
  rows: number;
  /** Row r is entries indptr[r] .. indptr[r + 1]. */
  indptr: Int32Array;
  indices: Uint16Array;
  values: Float32Array;
}

export class RowWriter {
  private indptr: Int32Array;
  private indices: Uint16Array;
  private values: Float32Array;
  private rows = 0;
  private length = 0;
  private weights = new Float64Array(256);

  constructor(expectedRows = 16, expectedEntries = 1024) {
    this.indptr = new Int32Array(expectedRows + 1);
    this.indices = new Uint16Array(Math.max(16, expectedEntries));
    this.values = new Float32Array(Math.max(16, expectedEntries));
  }

  /** Appends the row of a document whose n-grams have the features `features[0, count)` (reordered in place). */
  add(features: Int32Array, count: number, idf: Float64Array, sublinearTf: boolean): void {
    const occurrences = features.subarray(0, count).sort();
    let distinct = count > 0 ? 1 : 0;
    for (let k = 1; k < count; k++) if (occurrences[k] !== occurrences[k - 1]) distinct++;
    this.reserve(distinct);
    if (this.weights.length < distinct) this.weights = new Float64Array(distinct * 2);
    const at = this.length;
    const weights = this.weights;
    let d = -1;
    for (let k = 0; k < count; k++) {
      if (k === 0 || occurrences[k] !== occurrences[k - 1]) {
        this.indices[at + ++d] = occurrences[k];
        weights[d] = 0;
      }
      weights[d]++;
    }
    let sumSquares = 0;
    for (let k = 0; k < distinct; k++) {
      const tf = sublinearTf ? 1 + Math.log(weights[k]) : weights[k];
      const w = tf * idf[this.indices[at + k]];
      weights[k] = w;
      sumSquares += w * w;
    }
    const norm = Math.sqrt(sumSquares);
    for (let k = 0; k < distinct; k++) this.values[at + k] = weights[k] / norm;
    this.length += distinct;
    this.indptr[++this.rows] = this.length;
  }

  /** Appends a row as it is. */
  copy(row: SparseVector): void {
    this.reserve(row.indices.length);
    this.indices.set(row.indices, this.length);
    this.values.set(row.values, this.length);
    this.length += row.indices.length;
    this.indptr[++this.rows] = this.length;
  }

  /** The block and each row as a view into it; trimmed by copying only when much of it is unused. */
  finish(): { csr: Csr; views: SparseVector[] } {
    const csr = this.block();
    const views: SparseVector[] = new Array(this.rows);
    for (let r = 0; r < this.rows; r++) views[r] = rowOf(csr, r);
    return { csr, views };
  }

  /** The rows written, as one block (trimmed by copying only when much of it is unused). */
  block(): Csr {
    const trim = this.indices.length - this.length > this.length / 4;
    const csr: Csr = {
      rows: this.rows,
      indptr: this.indptr.slice(0, this.rows + 1),
      indices: trim ? this.indices.slice(0, this.length) : this.indices.subarray(0, this.length),
      values: trim ? this.values.slice(0, this.length) : this.values.subarray(0, this.length),
    };
    return csr;
  }

  private reserve(entries: number): void {
    if (this.rows + 2 > this.indptr.length) {
      const indptr = new Int32Array(this.indptr.length * 2);
      indptr.set(this.indptr);
      this.indptr = indptr;
    }
    if (this.length + entries > this.indices.length) {
      const n = Math.max(Math.ceil(this.indices.length * 1.5), this.length + entries);
      const indices = new Uint16Array(n);
      indices.set(this.indices.subarray(0, this.length));
      const values = new Float32Array(n);
      values.set(this.values.subarray(0, this.length));
      this.indices = indices;
      this.values = values;
    }
  }
}

export function rowOf(csr: Csr, r: number): SparseVector {
  const from = csr.indptr[r];
  const to = csr.indptr[r + 1];
  return { indices: csr.indices.subarray(from, to), values: csr.values.subarray(from, to) };
}

/** One standalone row (a paper outside the corpus, or an upsert). */
export function buildRow(features: Int32Array, count: number, idf: Float64Array, sublinearTf: boolean): SparseVector {
  const w = new RowWriter(1, count);
  w.add(features, count, idf, sublinearTf);
  return rowOf(w.finish().csr, 0);
}
