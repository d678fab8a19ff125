/**
 * Settings of the tf-idf features. The defaults are arxiv-sanity-lite's (compute.py):
 * TfidfVectorizer(ngram_range=(1, 2), max_features=20000, min_df=5, max_df=0.1, norm='l2',
 * use_idf=True, smooth_idf=True, sublinear_tf=True, stop_words='english', strip_accents='unicode').
 */
import { ENGLISH_STOP_WORDS } from './stopWords';

export interface TfidfOptions {
  /** Keep the features with the highest total count in the corpus (sklearn `max_features`); at most MAX_FEATURES (65,536) in any case. */
  maxFeatures: number;
  /** 1 for words only, 2 for words and pairs of adjacent words. */
  ngramMax: 1 | 2;
  /** A document count: features in fewer documents are dropped (sklearn integer `min_df`). */
  minDf: number;
  /** A proportion of documents: features in more are dropped (sklearn float `max_df`). */
  maxDf: number;
  /**
   * Lower `minDf` for small corpora, where `minDf` documents would exceed `maxDf` of them and
   * leave no vocabulary: min(minDf, max(1, floor(maxDf · n / 2))). Unchanged from ~100 documents up.
   */
  adaptiveMinDf: boolean;
  /** tf = 1 + ln(count) instead of the count. */
  sublinearTf: boolean;
  /** idf = ln((1 + n) / (1 + df)) + 1 instead of ln(n / df) + 1. */
  smoothIdf: boolean;
  stopWords: ReadonlySet<string>;
}

export const ARXIV_SANITY_TFIDF: Readonly<TfidfOptions> = {
  maxFeatures: 20_000,
  ngramMax: 2,
  minDf: 5,
  maxDf: 0.1,
  adaptiveMinDf: true,
  sublinearTf: true,
  smoothIdf: true,
  stopWords: ENGLISH_STOP_WORDS,
};

/** The document-frequency window [min, max] for a corpus of `n` documents. */
export function dfBounds(options: TfidfOptions, n: number): { min: number; max: number } {
  const max = options.maxDf >= 1 ? n : options.maxDf * n;
  const min = options.adaptiveMinDf ? Math.min(options.minDf, Math.max(1, Math.floor(max / 2))) : options.minDf;
  return { min, max };
}

export function idfOf(options: TfidfOptions, n: number, df: number): number {
  return options.smoothIdf ? Math.log((1 + n) / (1 + df)) + 1 : Math.log(n / df) + 1;
}
