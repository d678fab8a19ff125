/**
 * Sparse rows as two typed arrays: feature indices in increasing order and their values. A row of
 * an abstract holds ~150 non-zeros out of 20,000 features, so this is ~1 KB instead of 80 KB.
 */
export interface SparseVector {
  /** 16 bits: a vocabulary has at most MAX_FEATURES features (a quarter less memory than int32 indices with float32 values). */
  readonly indices: Uint16Array;
  readonly values: Float32Array;
}

/** Feature indices are stored in 16 bits, so a vocabulary keeps at most this many features. */
export const MAX_FEATURES = 65_536;

export const EMPTY_VECTOR: SparseVector = { indices: new Uint16Array(0), values: new Float32Array(0) };

/** x · w for a dense w. */
export function dotDense(x: SparseVector, w: Float64Array): number {
  const { indices, values } = x;
  let sum = 0;
  for (let k = 0; k < indices.length; k++) sum += values[k] * w[indices[k]];
  return sum;
}

/** The value of feature `j` in `x` (binary search; rows are sorted). */
export function valueAt(x: SparseVector, j: number): number {
  let lo = 0;
  let hi = x.indices.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = x.indices[mid];
    if (f === j) return x.values[mid];
    if (f < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
