/**
 * A fitted tf-idf vocabulary: which words and word pairs are features, their idf, and how to
 * turn any new title + abstract into a row without refitting (idf is reused, as sklearn's
 * `transform` does). It also measures how much of a new text it does not know, for drift.
 */
import type { PairTable } from './pairTable';
import { buildRow } from './rowBuilder';
import type { SparseVector } from './sparse';
import type { TfidfOptions } from './tfidfOptions';
import { idBuffer, scanWords } from './tokenizer';
import type { WordTable } from './wordTable';

/** The text of a paper ranking reads; a Paper, a library record and a RankDoc all have it. */
export interface DocText {
  title: string;
  summary: string | null;
}

export interface VectorizedText {
  row: SparseVector;
  /** Tokens after stop words. */
  tokens: number;
  /** Of those, tokens that are not a feature word: the drift signal. */
  unknown: number;
}

export interface VocabularyParts {
  options: TfidfOptions;
  /** Feature index -> term, in sklearn's order (sorted), bigrams as "word word". */
  terms: string[];
  idf: Float64Array;
  fittedDocs: number;
  /** Share of the fitted corpus's tokens that are not feature words. */
  baselineUnknown: number;
  /** Every word that is a feature or part of one, and the stop words (flagged). */
  words: WordTable;
  /** Word id -> its unigram feature, or -1. */
  wordFeature: Int32Array;
  /** (word id, word id) -> its bigram feature, in the pair's one field. */
  pairs: PairTable;
}

export class TfidfVocabulary {
  readonly options: TfidfOptions;
  readonly terms: readonly string[];
  readonly idf: Float64Array;
  readonly fittedDocs: number;
  readonly baselineUnknown: number;
  private readonly words: WordTable;
  private readonly wordFeature: Int32Array;
  private readonly pairs: PairTable;
  /** Word id -> 1 when the word starts a bigram feature: most words do not, and skip the probe. */
  private readonly startsPair: Uint8Array;
  /** Tokens of the last collectFeatures call that were not a feature word. */
  lastUnknown = 0;
  private scratch = new Int32Array(1024);
  private readonly buffer = idBuffer();

  constructor(parts: VocabularyParts) {
    this.options = parts.options;
    this.terms = parts.terms;
    this.idf = parts.idf;
    this.fittedDocs = parts.fittedDocs;
    this.baselineUnknown = parts.baselineUnknown;
    this.words = parts.words;
    this.wordFeature = parts.wordFeature;
    this.pairs = parts.pairs;
    this.startsPair = new Uint8Array(this.wordFeature.length);
    for (let s = 0; s < this.pairs.slotCount; s++) if (this.pairs.firstAt(s) >= 0) this.startsPair[this.pairs.firstAt(s)] = 1;
  }

  get size(): number {
    return this.terms.length;
  }

  /** The feature index of a term ("graph" or "graph neural"), or -1. */
  featureOf(term: string): number {
    const parts = term.split(' ');
    const a = this.words.get(parts[0]);
    if (a < 0 || parts.length > 2) return -1;
    if (parts.length === 1) return this.wordFeature[a];
    const b = this.words.get(parts[1]);
    const at = b < 0 ? -1 : this.pairs.find(a, b);
    return at < 0 ? -1 : this.pairs.slots[at];
  }

  vectorize(doc: DocText): VectorizedText {
    const buffer = this.buffer;
    buffer.length = 0;
    scanWords(doc.title, this.words, false, buffer);
    if (doc.summary) scanWords(doc.summary, this.words, false, buffer);
    if (this.scratch.length < buffer.length * 2) this.scratch = new Int32Array(buffer.length * 2);
    const count = this.collectFeatures(buffer.ids, buffer.length, this.scratch);
    return { row: buildRow(this.scratch, count, this.idf, this.options.sublinearTf), tokens: buffer.length, unknown: this.lastUnknown };
  }

  /**
   * Writes the feature of each n-gram of a document to `out` (room for two per word) from the
   * ids of its words in this vocabulary (-1 for a word it does not know, which also keeps its
   * neighbours from being a bigram); returns how many, and sets `lastUnknown`.
   */
  collectFeatures(ids: Int32Array, length: number, out: Int32Array): number {
    const { wordFeature, startsPair, pairs } = this;
    const bigrams = this.options.ngramMax === 2;
    let count = 0;
    let unknown = 0;
    let prev = -1;
    for (let t = 0; t < length; t++) {
      const w = ids[t];
      const f = w >= 0 ? wordFeature[w] : -1;
      if (f >= 0) out[count++] = f;
      else unknown++;
      if (bigrams && prev >= 0 && w >= 0 && startsPair[prev] === 1) {
        const at = pairs.find(prev, w);
        if (at >= 0) out[count++] = pairs.slots[at];
      }
      prev = w;
    }
    this.lastUnknown = unknown;
    return count;
  }
}
