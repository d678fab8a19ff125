/**
 * Fits the tf-idf vocabulary on a corpus and returns every document's row, with sklearn's
 * TfidfVectorizer.fit_transform semantics: document frequencies over the corpus, the [min_df,
 * max_df] window, then the `max_features` terms with the highest total count (ties, which sklearn
 * breaks arbitrarily, go to the alphabetically first term), features numbered in sorted order.
 *
 * Words become ints once (a Map), word pairs are counted in a PairTable, and each document's
 * token ids are kept in one Int32Array so the second pass needs no re-tokenizing or hashing.
 */
import { PairCounter } from './pairCounter';
import { grow, PairTable } from './pairTable';
import { RowWriter, type Csr } from './rowBuilder';
import { mergeSortTask } from './sorting';
import type { SparseVector } from './sparse';
import type { Task } from './tasks';
import { dfBounds, idfOf, type TfidfOptions } from './tfidfOptions';
import { idBuffer, scanWords } from './tokenizer';
import { TfidfVocabulary, type DocText, type VocabularyParts } from './vocabulary';
import { WordTable } from './wordTable';

export interface FitResult {
  vocabulary: TfidfVocabulary;
  /** All rows in one block, and each row as a view of it. */
  csr: Csr;
  rows: SparseVector[];
}

const DOCS_PER_STEP = 8;
const ITEMS_PER_STEP = 1 << 16;

/** Per-term count, document frequency and last document + 1 seen (for df), interleaved: one cache line per term. */
class TermStats {
  data = new Int32Array(3 << 12);

  ensure(size: number): void {
    if (3 * size > this.data.length) this.data = grow(this.data, Math.max(3 * size, this.data.length * 2));
  }

  see(id: number, docPlusOne: number): void {
    const at = 3 * id;
    const data = this.data;
    data[at]++;
    if (data[at + 2] !== docPlusOne) {
      data[at + 2] = docPlusOne;
      data[at + 1]++;
    }
  }

  count(id: number): number {
    return this.data[3 * id];
  }

  df(id: number): number {
    return this.data[3 * id + 1];
  }
}

/**
 * Pass 1 state: word ids (stop words are in the table, flagged, and never counted), pair
 * entries, their counts and document frequencies, and every document's token ids. Hot loops live
 * in methods, not in the generator: V8 does not optimize a loop inside a generator while it runs
 * (no on-stack replacement), plain methods it does.
 */
class NgramCounts {
  words: WordTable;
  wordStats = new TermStats();
  pairs: PairCounter;
  /** Word id of each token; the pair entry ending at each token (-1 at a document's start). */
  stream: Int32Array;
  pairStream: Int32Array;
  readonly docStart: Int32Array;
  length = 0;
  private readonly buffer = idBuffer();

  constructor(
    private readonly options: TfidfOptions,
    docs: number,
    totalChars: number,
  ) {
    const bigrams = options.ngramMax === 2;
    this.words = new WordTable(Math.min(1 << 14, Math.ceil(totalChars / 200)), options.stopWords);
    // Started small and grown: an oversized table spreads the entries over more cache lines.
    this.pairs = new PairCounter(bigrams ? Math.min(1 << 16, Math.ceil(totalChars / 200)) : 16);
    // ~1 token per 8-9 characters; grown on demand, so a big corpus does not start with one long allocation.
    this.stream = new Int32Array(Math.max(1024, Math.min(1 << 20, Math.ceil(totalChars / 8))));
    this.pairStream = new Int32Array(bigrams ? this.stream.length : 0);
    this.docStart = new Int32Array(docs + 1);
  }

  get wordCount(): number {
    return this.words.size;
  }

  add(d: number, doc: DocText): void {
    const buffer = this.buffer;
    buffer.length = 0;
    // Title then abstract in one token sequence: the same n-grams as "title\nabstract".
    scanWords(doc.title, this.words, true, buffer);
    if (doc.summary) scanWords(doc.summary, this.words, true, buffer);
    const ids = buffer.ids;
    const tokens = buffer.length;
    const bigrams = this.options.ngramMax === 2;
    if (this.length + tokens > this.stream.length) {
      const length = Math.max(this.length + tokens, Math.ceil(this.stream.length * 1.5));
      this.stream = grow(this.stream, length);
      if (bigrams) this.pairStream = grow(this.pairStream, length);
    }
    this.wordStats.ensure(this.words.size);
    let at = this.length;
    let prev = -1;
    for (let k = 0; k < tokens; k++) {
      const w = ids[k];
      this.wordStats.see(w, d + 1);
      this.stream[at] = w;
      if (bigrams) {
        let e = -1;
        if (prev >= 0) e = this.pairs.see(prev, w, d + 1);
        this.pairStream[at] = e;
      }
      at++;
      prev = w;
    }
    this.length = at;
    this.docStart[d + 1] = at;
  }

  /** Drops the hash tables and counts; the token streams stay for pass 2. */
  releaseTables(): void {
    this.words = new WordTable(16);
    this.wordStats = new TermStats();
    this.pairs = new PairCounter(16);
  }

  termOf(id: number): string {
    const words = this.words.words;
    if (id < words.length) return words[id];
    return words[this.pairs.firstOf(id - words.length)] + ' ' + words[this.pairs.secondOf(id - words.length)];
  }
}

/** Terms are numbered words first (0..words-1), then pairs; this walks the stats of ids [from, to). */
function forEachTerm(c: NgramCounts, from: number, to: number, visit: (id: number, count: number, df: number) => void): void {
  const words = c.wordCount;
  for (let id = from; id < to; id++) {
    if (id < words) visit(id, c.wordStats.count(id), c.wordStats.df(id));
    else visit(id, c.pairs.count(id - words), c.pairs.df(id - words));
  }
}

/** Rows of documents [from, to) from their kept token ids; returns how many tokens were not feature words. */
function buildRows(
  c: NgramCounts,
  featureOfWord: Int32Array,
  featureOfPair: Int32Array,
  idf: Float64Array,
  sublinearTf: boolean,
  writer: RowWriter,
  from: number,
  to: number,
): number {
  let unknown = 0;
  let scratch = new Int32Array(1024);
  const bigrams = c.pairStream.length > 0;
  for (let d = from; d < to; d++) {
    const start = c.docStart[d];
    const end = c.docStart[d + 1];
    if (scratch.length < 2 * (end - start)) scratch = new Int32Array(2 * (end - start));
    let count = 0;
    for (let p = start; p < end; p++) {
      const f = featureOfWord[c.stream[p]];
      if (f >= 0) scratch[count++] = f;
      else unknown++;
      if (bigrams && c.pairStream[p] >= 0) {
        const g = featureOfPair[c.pairStream[p]];
        if (g >= 0) scratch[count++] = g;
      }
    }
    writer.add(scratch, count, idf, sublinearTf);
  }
  return unknown;
}

export function* fitTfidf(docs: readonly DocText[], options: TfidfOptions): Task<FitResult> {
  const n = docs.length;
  let totalChars = 0;
  for (const doc of docs) totalChars += doc.title.length + (doc.summary?.length ?? 0);

  // Pass 1: token ids, counts and document frequencies.
  const c = new NgramCounts(options, n, totalChars);
  for (let d = 0; d < n; d++) {
    c.add(d, docs[d]);
    if (c.words.needsGrowth()) yield* c.words.growTask();
    if (c.pairs.needsGrowth()) yield* c.pairs.growTask();
    if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
  }
  const wordCount = c.wordCount;
  const termCount = wordCount + c.pairs.size;

  // The terms in the df window.
  const { min, max } = dfBounds(options, n);
  const inWindow: number[] = [];
  let counts: number[] = [];
  for (let from = 0; from < termCount; from += ITEMS_PER_STEP) {
    forEachTerm(c, from, Math.min(termCount, from + ITEMS_PER_STEP), (id, count, df) => {
      if (df >= min && df <= max) {
        inWindow.push(id);
        counts.push(count);
      }
    });
    yield;
  }

  // max_features: every term above the count threshold, then the alphabetically first ties at it.
  let chosen = inWindow;
  if (inWindow.length > options.maxFeatures) {
    const { threshold, tiesToTake } = countThreshold(counts, options.maxFeatures);
    chosen = [];
    const ties: number[] = [];
    for (let k = 0; k < inWindow.length; k++) {
      if (counts[k] > threshold) chosen.push(inWindow[k]);
      else if (counts[k] === threshold) ties.push(inWindow[k]);
    }
    const tieTerms = ties.map((id) => c.termOf(id));
    const order = yield* mergeSortTask(Int32Array.from(ties.keys()), (a, b) => tieTerms[a] < tieTerms[b]);
    for (let k = 0; k < tiesToTake; k++) chosen.push(ties[order[k]]);
  }
  counts = [];

  // Features in sklearn's order: sorted by term.
  const chosenTerms = chosen.map((id) => c.termOf(id));
  const order = yield* mergeSortTask(Int32Array.from(chosen.keys()), (a, b) => chosenTerms[a] < chosenTerms[b]);
  const terms = Array.from(order, (k) => chosenTerms[k]);
  const idf = new Float64Array(terms.length);
  const featureOfWord = new Int32Array(wordCount).fill(-1);
  const featureOfPair = new Int32Array(c.pairs.size).fill(-1);
  for (let f = 0; f < order.length; f++) {
    const id = chosen[order[f]];
    if (id < wordCount) {
      featureOfWord[id] = f;
      idf[f] = idfOf(options, n, c.wordStats.df(id));
    } else {
      featureOfPair[id - wordCount] = f;
      idf[f] = idfOf(options, n, c.pairs.df(id - wordCount));
    }
  }

  // The vocabulary needs the counting tables; build it now and let them go before pass 2 allocates the rows.
  const termIds = Array.from(order, (k) => chosen[k]);
  const parts = compactVocabulary(options, terms, idf, n, c, termIds);
  c.releaseTables();
  yield;

  // Pass 2: rows from the kept token ids.
  // About one non-zero per token (each word and pair once per document, minus unknowns).
  const writer = new RowWriter(n, c.length);
  let unknown = 0;
  const step = 16 * DOCS_PER_STEP;
  for (let d = 0; d < n; d += step) {
    unknown += buildRows(c, featureOfWord, featureOfPair, idf, options.sublinearTf, writer, d, Math.min(n, d + step));
    yield;
  }
  yield;
  const { csr, views } = yield* writer.finishTask();
  const vocabulary = new TfidfVocabulary({ ...parts, baselineUnknown: c.length === 0 ? 0 : unknown / c.length });
  return { vocabulary, csr, rows: views };
}

/** The count `threshold` with fewer than `limit` counts above it and at least `limit` at or above it. */
function countThreshold(counts: readonly number[], limit: number): { threshold: number; tiesToTake: number } {
  // A histogram of counts; counts past the cap (rare: only in huge corpora) are sorted exactly.
  const CAP = 1 << 16;
  const histogram = new Int32Array(CAP);
  const large: number[] = [];
  for (const count of counts) {
    if (count < CAP) histogram[count]++;
    else large.push(count);
  }
  large.sort((a, b) => b - a);
  if (large.length >= limit) {
    const threshold = large[limit - 1];
    return { threshold, tiesToTake: limit - large.filter((x) => x > threshold).length };
  }
  let above = large.length;
  for (let count = CAP - 1; count >= 0; count--) {
    if (above + histogram[count] >= limit) return { threshold: count, tiesToTake: limit - above };
    above += histogram[count];
  }
  return { threshold: 0, tiesToTake: limit - above };
}

/** Keeps only the words that are features or parts of one (plus the stop words), and a pair table of the chosen pairs. */
function compactVocabulary(
  options: TfidfOptions,
  terms: string[],
  idf: Float64Array,
  fittedDocs: number,
  c: NgramCounts,
  termIds: readonly number[],
): Omit<VocabularyParts, 'baselineUnknown'> {
  const wordCount = c.wordCount;
  const words = new WordTable(termIds.length, options.stopWords);
  const keep = (w: number): number => words.add(c.words.words[w]);
  const wordFeatures: [number, number][] = [];
  const pairs = new PairTable(termIds.length);
  const pairFeature: number[] = [];
  for (let f = 0; f < termIds.length; f++) {
    const id = termIds[f];
    if (id < wordCount) wordFeatures.push([keep(id), f]);
    else pairFeature[pairs.intern(keep(c.pairs.firstOf(id - wordCount)), keep(c.pairs.secondOf(id - wordCount)))] = f;
  }
  const wordFeature = new Int32Array(words.size).fill(-1);
  for (const [w, f] of wordFeatures) wordFeature[w] = f;
  return {
    options,
    terms,
    idf,
    fittedDocs,
    words,
    wordFeature,
    pairs,
    pairFeature: Int32Array.from(pairFeature),
  };
}
