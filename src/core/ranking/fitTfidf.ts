/**
 * Fits the tf-idf vocabulary on a corpus and returns every document's row, with sklearn's
 * TfidfVectorizer.fit_transform semantics: document frequencies over the corpus, the [min_df,
 * max_df] window, then the `max_features` terms with the highest total count (ties, which sklearn
 * breaks arbitrarily, go to the alphabetically first term), features numbered in sorted order.
 *
 * Two passes, sized for 50,000 abstracts in well under the memory sklearn takes. Pass 1 turns
 * words into ints as it scans (WordTable), counts words and word pairs in typed arrays, and keeps
 * each document's word ids as a few bytes each (IdStream). Pass 2 reads those ids back, giving
 * their memory back as it goes, and writes the rows straight into one block of the right size:
 * the sum of the chosen terms' document frequencies is the number of non-zeros.
 */
import { IdStream } from './idStream';
import { PairSketch } from './pairSketch';
import { grow, PairTable } from './pairTable';
import { RowWriter, type Csr } from './rowBuilder';
import { mergeSortTask } from './sorting';
import { MAX_FEATURES } from './sparse';
import type { Task } from './tasks';
import { dfBounds, idfOf, type TfidfOptions } from './tfidfOptions';
import { idBuffer, scanWords } from './tokenizer';
import { TfidfVocabulary, type DocText, type VocabularyParts } from './vocabulary';
import { WordTable } from './wordTable';

export interface FitResult {
  vocabulary: TfidfVocabulary;
  /** All rows in one block (with some room after them for rows added later). */
  csr: Csr;
  profile: FitProfile;
}

/** Where the fit spent its time (wall-clock seconds per stage), for the benchmark. */
export interface FitProfile {
  /** Scanning the text into word ids (pass 1). */
  tokenize: number;
  /** Counting words and pairs (pass 1). */
  count: number;
  /** The df window, max_features and the sorted vocabulary. */
  select: number;
  /** Pass 2. */
  rows: number;
  /** Distinct words and word pairs in the corpus (stop words left out), before the df window and max_features. */
  distinctWords: number;
  distinctPairs: number;
  /** Words scanned, stop words left out. */
  tokens: number;
}

const DOCS_PER_STEP = 8;
const ITEMS_PER_STEP = 1 << 16;
/** Terms per step where each costs a string or a table insert in code run once per fit. */
const TERMS_PER_STEP = 1024;

// Fields of a pair while counting. COUNT's top bit marks a pair already seen in the current
// document (its df is counted once); the marks are cleared after each document. A field for the
// last document seen would make slots 5 ints instead of 4, and straddle cache lines.
const COUNT = 0;
const DF = 1;
const SEEN = 1 << 31;
const COUNT_BITS = ~SEEN;

/** Per-word count, document frequency and last document + 1 seen (for df), interleaved: one cache line per word. */
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
 * Pass 1 state. Terms are numbered words first (0 .. words - 1), then pairs by their slot in
 * the pair table (words + slot). Words are counted while scanning; pairs afterwards, from the
 * kept word ids, in a table sized by the sketch of them taken while scanning. Hot loops live in
 * methods, not in the generator: V8 does not optimize a loop inside a generator while it runs
 * (no on-stack replacement), plain methods it does.
 */
class NgramCounts {
  readonly words: WordTable;
  readonly wordStats = new TermStats();
  readonly sketch = new PairSketch();
  pairs = new PairTable(2, 0);
  readonly stream: IdStream;
  /** Document d's ids are stream bytes docStart[d] .. docStart[d + 1]. */
  readonly docStart: Int32Array;
  tokens = 0;
  readonly buffer = idBuffer();
  /** Offsets in `pairs.slots` of the pairs marked SEEN in the current document. */
  private seen = new Int32Array(1024);
  readonly time = { tokenize: 0, count: 0 };

  constructor(
    private readonly options: TfidfOptions,
    docs: number,
    totalChars: number,
  ) {
    this.words = new WordTable(Math.min(1 << 14, Math.ceil(totalChars / 200)), options.stopWords);
    // ~1 token per 11 characters, ~1.7 bytes per token: a small corpus needs less than one chunk.
    this.stream = new IdStream(Math.min(1 << 20, Math.ceil(totalChars / 5) + 1024));
    this.docStart = new Int32Array(docs + 1);
  }

  get wordCount(): number {
    return this.words.size;
  }

  get termCount(): number {
    return this.words.size + this.pairs.slotCount;
  }

  get bigrams(): boolean {
    return this.options.ngramMax === 2;
  }

  /** Scans document d: its word ids into the stream, word counts, and its pairs into the sketch. */
  add(d: number, doc: DocText): void {
    const t0 = performance.now();
    const buffer = this.buffer;
    buffer.length = 0;
    // Title then abstract in one token sequence: the same n-grams as "title\nabstract".
    scanWords(doc.title, this.words, true, buffer);
    if (doc.summary) scanWords(doc.summary, this.words, true, buffer);
    const t1 = performance.now();
    this.countWords(d, buffer.ids, buffer.length);
    this.time.tokenize += t1 - t0;
    this.time.count += performance.now() - t1;
  }

  private countWords(d: number, ids: Int32Array, tokens: number): void {
    const bigrams = this.bigrams;
    const stats = this.wordStats;
    const stream = this.stream;
    const sketch = this.sketch;
    stats.ensure(this.words.size);
    stream.reserve(tokens);
    for (let k = 0; k < tokens; k++) {
      const w = ids[k];
      stats.see(w, d + 1);
      stream.push(w);
      if (bigrams && k > 0) sketch.add(ids[k - 1], w);
    }
    this.tokens += tokens;
    this.docStart[d + 1] = stream.length;
  }

  /** A pair table with room for every pair the sketch saw (5% over its estimate), so it need not grow. */
  sizePairs(): void {
    if (this.bigrams) this.pairs = new PairTable(2, Math.ceil(this.sketch.estimate() * 1.05) + 16);
  }

  /** Counts the pairs of documents [from, to), read back from the stream. */
  countPairs(from: number, to: number): void {
    const t0 = performance.now();
    let ids = this.buffer.ids;
    for (let d = from; d < to; d++) {
      const start = this.docStart[d];
      const end = this.docStart[d + 1];
      if (ids.length < end - start) ids = this.buffer.ids = new Int32Array(end - start);
      this.countDocPairs(ids, this.stream.read(start, end, ids));
    }
    this.time.count += performance.now() - t0;
  }

  private countDocPairs(ids: Int32Array, tokens: number): void {
    const pairs = this.pairs;
    // Room for all of the document's pairs first: the table never moves while SEEN marks are out.
    pairs.reserve(tokens);
    const slots = pairs.slots;
    if (this.seen.length < tokens) this.seen = new Int32Array(tokens);
    const seen = this.seen;
    let marked = 0;
    for (let k = 1; k < tokens; k++) {
      const at = pairs.claim(ids[k - 1], ids[k]);
      const count = slots[at + COUNT];
      if (count & SEEN) slots[at + COUNT] = count + 1;
      else {
        slots[at + COUNT] = (count + 1) | SEEN;
        slots[at + DF]++;
        seen[marked++] = at;
      }
    }
    for (let k = 0; k < marked; k++) slots[seen[k] + COUNT] &= COUNT_BITS;
  }

  dropPairs(): void {
    this.pairs = new PairTable(2, 0);
  }

  /** Visits the terms [from, to) that occur: (term, count, df). */
  forEachTerm(from: number, to: number, visit: (term: number, count: number, df: number) => void): void {
    const words = this.words.size;
    const slots = this.pairs.slots;
    for (let t = from; t < to; t++) {
      if (t < words) visit(t, this.wordStats.count(t), this.wordStats.df(t));
      else if (this.pairs.firstAt(t - words) >= 0) {
        const at = this.pairs.fieldsAt(t - words);
        visit(t, slots[at + COUNT], slots[at + DF]);
      }
    }
  }

  df(term: number): number {
    const words = this.words.size;
    return term < words ? this.wordStats.df(term) : this.pairs.slots[this.pairs.fieldsAt(term - words) + DF];
  }

  /** The word ids of a term: [word] or [first, second]. */
  wordsOf(term: number): number[] {
    const words = this.words.size;
    return term < words ? [term] : [this.pairs.firstAt(term - words), this.pairs.secondAt(term - words)];
  }

  termOf(term: number): string {
    return this.wordsOf(term)
      .map((w) => this.words.words[w])
      .join(' ');
  }
}

/** Growable Int32Array. */
class IntList {
  data = new Int32Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, this.data.length * 2);
    this.data[this.length++] = x;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Pass 2 for documents [from, to): their ids read back, mapped to vocabulary words, and rows written; returns the unknown tokens. */
function writeRows(c: NgramCounts, vocabulary: TfidfVocabulary, vocabularyWord: Int32Array, writer: RowWriter, from: number, to: number): number {
  let unknown = 0;
  let ids = c.buffer.ids;
  let features = new Int32Array(2 * ids.length);
  for (let d = from; d < to; d++) {
    const start = c.docStart[d];
    const end = c.docStart[d + 1];
    if (ids.length < end - start) ids = new Int32Array(end - start);
    if (features.length < 2 * ids.length) features = new Int32Array(2 * ids.length);
    const n = c.stream.read(start, end, ids);
    for (let k = 0; k < n; k++) ids[k] = vocabularyWord[ids[k]];
    const count = vocabulary.collectFeatures(ids, n, features);
    unknown += vocabulary.lastUnknown;
    writer.add(features, count, vocabulary.idf, vocabulary.options.sublinearTf);
  }
  return unknown;
}

export function* fitTfidf(docs: readonly DocText[], options: TfidfOptions): Task<FitResult> {
  const n = docs.length;
  let totalChars = 0;
  for (const doc of docs) totalChars += doc.title.length + (doc.summary?.length ?? 0);

  // Pass 1: word ids, counts and document frequencies; then the pairs' from the word ids.
  const c = new NgramCounts(options, n, totalChars);
  for (let d = 0; d < n; d++) {
    c.add(d, docs[d]);
    if (c.words.needsGrowth()) yield* c.words.growTask();
    if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
  }
  c.sizePairs();
  if (c.bigrams) {
    yield* c.pairs.touchTask();
    const step = 16 * DOCS_PER_STEP;
    for (let d = 0; d < n; d += step) {
      c.countPairs(d, Math.min(n, d + step));
      // Only if the sketch fell well short: then in slices, not all at once in reserve().
      if (c.pairs.needsGrowth()) yield* c.pairs.growTask();
      yield;
    }
  }
  const profile: FitProfile = { tokenize: c.time.tokenize / 1000, count: c.time.count / 1000, select: 0, rows: 0, distinctWords: 0, distinctPairs: 0, tokens: c.tokens };
  let t0 = performance.now();

  // max_features among the terms in the df window: every term above a count threshold, then the
  // alphabetically first ties at it. A histogram of the window's counts finds the threshold, and
  // a second scan collects the terms, so the window (often 100,000s of terms) is never listed.
  // Rows store features in 16 bits: an uncapped vocabulary is capped at MAX_FEATURES the same way.
  const { min, max } = dfBounds(options, n);
  const maxFeatures = Math.min(options.maxFeatures, MAX_FEATURES);
  const termCount = c.termCount;
  const counts = new CountHistogram();
  for (let from = 0; from < termCount; from += ITEMS_PER_STEP) {
    c.forEachTerm(from, Math.min(termCount, from + ITEMS_PER_STEP), (term, count, df) => {
      if (term >= c.wordCount) profile.distinctPairs++;
      else if (count > 0) profile.distinctWords++;
      if (df >= min && df <= max) counts.add(count);
    });
    yield;
  }
  // Threshold -1: the whole window fits.
  const { threshold, tiesToTake } = counts.size > maxFeatures ? counts.threshold(maxFeatures) : { threshold: -1, tiesToTake: 0 };
  const above = new IntList();
  const ties = new IntList();
  for (let from = 0; from < termCount; from += ITEMS_PER_STEP) {
    c.forEachTerm(from, Math.min(termCount, from + ITEMS_PER_STEP), (term, count, df) => {
      if (df < min || df > max) return;
      if (count > threshold) above.push(term);
      else if (count === threshold) ties.push(term);
    });
    yield;
  }
  if (tiesToTake > 0) {
    const tieTerms = yield* termsOf(c, ties.view());
    const order = yield* mergeSortTask(Int32Array.from(tieTerms.keys()), (a, b) => tieTerms[a] < tieTerms[b]);
    for (let k = 0; k < tiesToTake; k++) above.push(ties.data[order[k]]);
  }
  const chosen = above.view();

  // Features in sklearn's order: sorted by term.
  const chosenTerms = yield* termsOf(c, chosen);
  const order = yield* mergeSortTask(Int32Array.from(chosenTerms.keys()), (a, b) => chosenTerms[a] < chosenTerms[b]);
  const termIds = Int32Array.from(order, (k) => chosen[k]);
  const terms = Array.from(order, (k) => chosenTerms[k]);
  const idf = new Float64Array(terms.length);
  // Each chosen term adds one non-zero per document it is in.
  let entries = 0;
  for (let f = 0; f < termIds.length; f++) {
    const df = c.df(termIds[f]);
    idf[f] = idfOf(options, n, df);
    entries += df;
  }
  const { parts, vocabularyWord } = yield* compactVocabulary(options, terms, idf, n, c, termIds);
  const fitted = new TfidfVocabulary({ ...parts, baselineUnknown: 0 });
  // The pair counts are done with: let the collector take them before the rows need their memory.
  c.dropPairs();
  profile.select = (performance.now() - t0) / 1000;
  yield;
  t0 = performance.now();

  // Pass 2: rows from the kept word ids, into a block of the exact size.
  const writer = new RowWriter(n, entries + (entries >> 6));
  let unknown = 0;
  const step = 16 * DOCS_PER_STEP;
  for (let d = 0; d < n; d += step) {
    unknown += writeRows(c, fitted, vocabularyWord, writer, d, Math.min(n, d + step));
    c.stream.releaseBefore(c.docStart[Math.min(n, d + step)]);
    yield;
  }
  c.stream.release();
  const csr = writer.block();
  const vocabulary = new TfidfVocabulary({ ...parts, baselineUnknown: c.tokens === 0 ? 0 : unknown / c.tokens });
  profile.rows = (performance.now() - t0) / 1000;
  return { vocabulary, csr, profile };
}

/**
 * Terms as strings, a slice at a time. Code that runs once per fit is not optimized by the time it
 * runs, so thousands of terms in one go held the event loop for tens of milliseconds.
 */
function* termsOf(c: NgramCounts, terms: Int32Array): Task<string[]> {
  const out = new Array<string>(terms.length);
  for (let from = 0; from < terms.length; from += TERMS_PER_STEP) {
    for (let k = from; k < Math.min(terms.length, from + TERMS_PER_STEP); k++) out[k] = c.termOf(terms[k]);
    yield;
  }
  return out;
}

/** Counts, as a histogram; counts past its cap (rare: only in huge corpora) are kept to sort exactly. */
class CountHistogram {
  private static readonly CAP = 1 << 16;
  private readonly histogram = new Int32Array(CountHistogram.CAP);
  private readonly large: number[] = [];
  size = 0;

  add(count: number): void {
    if (count < CountHistogram.CAP) this.histogram[count]++;
    else this.large.push(count);
    this.size++;
  }

  /** The count `threshold` with fewer than `limit` counts above it and at least `limit` at or above it, and how many at it make `limit`. */
  threshold(limit: number): { threshold: number; tiesToTake: number } {
    const { histogram, large } = this;
    large.sort((a, b) => b - a);
    if (large.length >= limit) {
      const threshold = large[limit - 1];
      return { threshold, tiesToTake: limit - large.filter((x) => x > threshold).length };
    }
    let above = large.length;
    for (let count = CountHistogram.CAP - 1; count >= 0; count--) {
      if (above + histogram[count] >= limit) return { threshold: count, tiesToTake: limit - above };
      above += histogram[count];
    }
    return { threshold: 0, tiesToTake: limit - above };
  }
}

/**
 * The vocabulary keeps only the words that are features or part of one (plus the stop words,
 * flagged), renumbered, and a pair table of the chosen pairs; `vocabularyWord` maps the fit's
 * word ids to the kept ones (-1 for the rest).
 */
function* compactVocabulary(
  options: TfidfOptions,
  terms: string[],
  idf: Float64Array,
  fittedDocs: number,
  c: NgramCounts,
  termIds: Int32Array,
): Task<{ parts: Omit<VocabularyParts, 'baselineUnknown'>; vocabularyWord: Int32Array }> {
  const words = new WordTable(termIds.length, options.stopWords);
  const vocabularyWord = new Int32Array(c.wordCount).fill(-1);
  const keep = (w: number): number => (vocabularyWord[w] = words.add(c.words.words[w]));
  const wordFeatures = new IntList();
  const pairs = new PairTable(1, termIds.length);
  for (let from = 0; from < termIds.length; from += TERMS_PER_STEP) {
    for (let f = from; f < Math.min(termIds.length, from + TERMS_PER_STEP); f++) {
      const ws = c.wordsOf(termIds[f]);
      if (ws.length === 1) {
        wordFeatures.push(keep(ws[0]));
        wordFeatures.push(f);
      } else pairs.slots[pairs.claim(keep(ws[0]), keep(ws[1]))] = f;
    }
    yield;
  }
  const wordFeature = new Int32Array(words.size).fill(-1);
  for (let k = 0; k < wordFeatures.length; k += 2) wordFeature[wordFeatures.data[k]] = wordFeatures.data[k + 1];
  return { parts: { options, terms, idf, fittedDocs, words, wordFeature, pairs }, vocabularyWord };
}
