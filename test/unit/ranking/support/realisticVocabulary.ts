/**
 * Gives a recombined corpus the vocabulary growth of real abstracts. Real abstracts keep bringing
 * new words and new word pairs: over the ~1,600 real fixture papers, with stop words removed as
 * the ranker does, distinct words grow like tokens^0.52 and distinct pairs like tokens^0.95
 * (Heaps' law), which puts 50,000 real abstracts at ~100,000 words and ~3.7 million pairs.
 * Sentences recombined from those papers reuse their ~17,000 words and, at 50,000 papers, only
 * ~275,000 pairs, so counting n-grams is far cheaper for every vectorizer than on real text.
 *
 * Each content word is, independently:
 * - with probability `novel`, a new word from an unbounded Zipf-distributed set, written as
 *   pronounceable ASCII;
 * - else with probability `swap`, a real word drawn by its frequency in the real papers (which
 *   makes new pairs without new words);
 * - else kept.
 * The rates are calibrated so that corpora of 5,000 to 50,000 papers land near the law's counts;
 * the benchmark prints the counts it got next to the law's. Deterministic for a seed.
 */
import { ENGLISH_STOP_WORDS } from '../../../../src/core/ranking/stopWords';
import { tokenize } from '../../../../src/core/ranking/tokenizer';
import { seededRandom } from '../../../support/seededRandom';
import type { FixturePaper } from './fixturePapers';
import type { SyntheticPaper } from './syntheticCorpus';

export interface VocabularyRates {
  novel: number;
  swap: number;
  /** Zipf offset: larger spreads the new words' frequencies (no new word is among the most common). */
  offset: number;
  /** New distinct words grow like (new-word tokens)^growth: the Zipf exponent is 1 / growth. */
  growth: number;
}

/**
 * Calibrated on papers of real length: at 5,000 / 20,000 / 50,000 papers, 27k / 52k / 92k words
 * (the law: 28k / 57k / 91k) and 0.44 / 1.46 / 3.17 million pairs (the law: 0.39 / 1.46 / 3.47).
 * New words grow faster than the law's words (0.8 against 0.52) because the recombined real words
 * stop growing at the fixtures' ~17,000.
 */
export const REAL_VOCABULARY_RATES: VocabularyRates = { novel: 0.04, swap: 0.45, offset: 100, growth: 0.8 };

const WORD = /[A-Za-z][A-Za-z0-9_]*/g;
const CONSONANTS = 'bcdfghjklmnprstvz';
const VOWELS = 'aeiou';

/** Word k of the unbounded set: syllables of its digits in base 85, ending in 'q' so none is a real or stop word. */
export function novelWord(k: number): string {
  let s = '';
  let n = k;
  do {
    const d = n % (CONSONANTS.length * VOWELS.length);
    s += CONSONANTS[Math.floor(d / VOWELS.length)] + VOWELS[d % VOWELS.length];
    n = Math.floor(n / (CONSONANTS.length * VOWELS.length));
  } while (n > 0);
  return s + 'q';
}

function isContentWord(w: string): boolean {
  return w.length >= 2 && !ENGLISH_STOP_WORDS.has(w.toLowerCase());
}

export function withRealVocabulary(
  docs: readonly SyntheticPaper[],
  papers: readonly FixturePaper[],
  seed = 13,
  rates: VocabularyRates = REAL_VOCABULARY_RATES,
): SyntheticPaper[] {
  const random = seededRandom(seed);
  const realWords: string[] = [];
  for (const p of papers) for (const w of `${p.title} ${p.summary}`.match(WORD) ?? []) if (isContentWord(w)) realWords.push(w);
  // Continuous Pareto with the Zipf exponent, floored: P(k) falls like (k + offset)^-s.
  const tail = 1 / (1 / rates.growth - 1);
  const vary = (text: string): string =>
    text.replace(WORD, (w) => {
      if (!isContentWord(w)) return w;
      const r = random();
      if (r < rates.novel) return novelWord(Math.floor(rates.offset * (Math.pow(1 - random(), -tail) - 1)));
      if (r < rates.novel + rates.swap) return realWords[Math.floor(random() * realWords.length)];
      return w;
    });
  return docs.map((d) => ({ ...d, title: vary(d.title), summary: vary(d.summary) }));
}

/** Tokens, distinct words and distinct adjacent word pairs of papers as the ranker tokenizes them, counted as they are added. */
export class VocabularyCount {
  private readonly words = new Set<string>();
  private readonly pairs = new Set<string>();
  private tokens = 0;

  add(paper: { title: string; summary: string }): void {
    const t = tokenize(`${paper.title}\n${paper.summary}`);
    this.tokens += t.length;
    t.forEach((w, k) => {
      this.words.add(w);
      if (k > 0) this.pairs.add(`${t[k - 1]} ${w}`);
    });
  }

  totals(): { tokens: number; words: number; pairs: number } {
    return { tokens: this.tokens, words: this.words.size, pairs: this.pairs.size };
  }
}

export interface VocabularyLaw {
  /** Distinct words and pairs expected after `tokens` tokens. */
  words(tokens: number): number;
  pairs(tokens: number): number;
  wordExponent: number;
  pairExponent: number;
}

/**
 * Heaps' law (distinct = K · tokens^β) for words and for pairs, fitted by least squares on logs
 * over growing prefixes of the real papers in a fixed shuffled order, tokenized as the ranker does.
 */
export function vocabularyLaw(papers: readonly FixturePaper[], seed = 5): VocabularyLaw {
  const random = seededRandom(seed);
  const order = papers.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const count = new VocabularyCount();
  const points: { tokens: number; words: number; pairs: number }[] = [];
  order.forEach((p, n) => {
    count.add(papers[p]);
    if ((n + 1) % Math.ceil(order.length / 8) === 0 || n === order.length - 1) points.push(count.totals());
  });
  const fit = (ys: number[]): { k: number; beta: number } => {
    const xs = points.map((p) => Math.log(p.tokens));
    const ls = ys.map(Math.log);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ls.reduce((a, b) => a + b) / ls.length;
    let sxy = 0;
    let sxx = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * (ls[i] - my);
      sxx += (x - mx) ** 2;
    });
    const beta = sxy / sxx;
    return { k: Math.exp(my - beta * mx), beta };
  };
  const w = fit(points.map((p) => p.words));
  const q = fit(points.map((p) => p.pairs));
  return {
    words: (n) => w.k * Math.pow(n, w.beta),
    pairs: (n) => q.k * Math.pow(n, q.beta),
    wordExponent: w.beta,
    pairExponent: q.beta,
  };
}
