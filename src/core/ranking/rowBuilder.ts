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

/** 1 + ln(n) for the small counts nearly every term has, computed once (the same values). */
const SUBLINEAR_TF = Float64Array.from({ length: 64 }, (_, n) => 1 + Math.log(n));

/** Feature -> occurrences in the row being written; all zero between rows. */
let tally = new Int32Array(0);

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

  /** Appends the row of a document whose n-grams have the features `features[0, count)` (overwritten). */
  add(features: Int32Array, count: number, idf: Float64Array, sublinearTf: boolean): void {
    // Occurrences tallied per feature, each feature kept once in `features`: only the distinct
    // features are sorted, not every occurrence.
    if (tally.length < idf.length) tally = new Int32Array(idf.length);
    let distinct = 0;
    for (let k = 0; k < count; k++) {
      const f = features[k];
      if (tally[f]++ === 0) features[distinct++] = f;
    }
    features.subarray(0, distinct).sort();
    this.reserve(distinct);
    if (this.weights.length < distinct) this.weights = new Float64Array(distinct * 2);
    const at = this.length;
    const weights = this.weights;
    for (let k = 0; k < distinct; k++) {
      const f = features[k];
      this.indices[at + k] = f;
      weights[k] = tally[f];
      tally[f] = 0;
    }
    let sumSquares = 0;
    for (let k = 0; k < distinct; k++) {
      const n = weights[k];
      const tf = sublinearTf ? (n < SUBLINEAR_TF.length ? SUBLINEAR_TF[n] : 1 + Math.log(n)) : n;
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
