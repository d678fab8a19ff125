/**
 * Why a paper is recommended: the terms it shares with the library that add most to its score.
 * With a model, a term's share is the paper's tf-idf value times the SVM weight (only terms that
 * push the score up and that some library paper contains); when ranking by date, the library's
 * mean tf-idf vector stands in for the weights, which still shows the overlap.
 */
import type { SparseVector } from './sparse';
import type { SharedTerm } from './types';

export function sharedTerms(
  row: SparseVector,
  positives: readonly SparseVector[],
  weights: Float64Array | null,
  terms: readonly string[],
  limit: number,
): SharedTerm[] {
  // Slot of each of the paper's features, to tally library papers and the centroid only where it matters.
  const slot = new Map<number, number>();
  for (let k = 0; k < row.indices.length; k++) slot.set(row.indices[k], k);
  const papers = new Int32Array(row.indices.length);
  const centroid = new Float64Array(row.indices.length);
  for (const p of positives) {
    for (let k = 0; k < p.indices.length; k++) {
      const s = slot.get(p.indices[k]);
      if (s === undefined) continue;
      papers[s]++;
      centroid[s] += p.values[k] / positives.length;
    }
  }
  const shared: SharedTerm[] = [];
  for (let k = 0; k < row.indices.length; k++) {
    if (papers[k] === 0) continue;
    const weight = row.values[k] * (weights ? weights[row.indices[k]] : centroid[k]);
    if (weight > 0) shared.push({ term: terms[row.indices[k]], weight, libraryPapers: papers[k] });
  }
  shared.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  return shared.slice(0, limit);
}
