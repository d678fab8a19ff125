/**
 * The shapes the ranking core takes and gives. `RankDoc` is the part of a Paper (or of a library
 * record) that ranking reads, so both can be passed as they are.
 */
export interface RankDoc {
  id: string;
  title: string;
  summary: string | null;
  /** ISO instant or day; papers without one rank last by recency. */
  published?: string | null;
}

/** Which ranker: 'library' for the whole library, or e.g. 'tag:vision' for a tag's own ranker. */
export type RankerKey = string;
export const LIBRARY_RANKER: RankerKey = 'library';

export type RankingMode = 'model' | 'recency';

export interface Ranking {
  key: RankerKey;
  mode: RankingMode;
  /** Why the ranking is by date (too few positives, nothing to learn from); null for a model ranking. */
  reason: string | null;
  positives: number;
  /** Candidates, best first. */
  ids: string[];
  /** Aligned with `ids`: the SVM's decision value, or for recency days since 1970 (NaN when undated). */
  scores: Float32Array;
}

export interface TrainSummary {
  key: RankerKey;
  mode: RankingMode;
  reason: string | null;
  positives: number;
  negatives: number;
  /** Positive ids that are neither in the corpus nor given with their text. */
  missing: string[];
  iterations: number;
  converged: boolean;
  /** Started from the previous training's dual variables. */
  warmStart: boolean;
  /** The vocabulary was (re)fitted as part of this call. */
  refitted: boolean;
}

export interface SharedTerm {
  term: string;
  /** The term's share of the score: paper tf-idf × SVM weight (or × library centroid when ranking by date). */
  weight: number;
  /** How many library papers (positives) contain the term. */
  libraryPapers: number;
}

export interface Explanation {
  id: string;
  key: RankerKey;
  mode: RankingMode;
  /** The decision value, null when ranking by date. */
  score: number | null;
  /** The terms the paper shares with the library that raise its score most, strongest first. */
  terms: SharedTerm[];
}

export interface CorpusStats {
  documents: number;
  /** Features of the fitted vocabulary, 0 before the first fit. */
  features: number;
  /** Documents the vocabulary was fitted on. */
  fittedDocuments: number;
  /** Documents added since the fit (vectorized with the old vocabulary and idf). */
  addedSinceFit: number;
  /** True when the next train/rank will refit the vocabulary. */
  refitPending: boolean;
}
