import * as assert from 'assert';
import { ENGLISH_STOP_WORDS } from '../../../src/core/ranking/stopWords';
import { tokenize } from '../../../src/core/ranking/tokenizer';
import { loadFixturePapers } from './support/fixturePapers';
import { novelWord, VocabularyCount, vocabularyLaw, withRealVocabulary } from './support/realisticVocabulary';
import { synthesizeCorpus } from './support/syntheticCorpus';

/** The benchmark's corpus generator: its claims about vocabulary growth are what the ranking figures rest on. */
describe('benchmark corpus with a real vocabulary', function () {
  this.timeout(60_000);
  const { papers } = loadFixturePapers();
  const law = vocabularyLaw(papers);

  function vocabulary(docs: { title: string; summary: string }[]): { tokens: number; words: number; pairs: number } {
    const count = new VocabularyCount();
    docs.forEach((d) => count.add(d));
    return count.totals();
  }

  it("fits Heaps' law on the real papers with the exponents of natural text", () => {
    // Words grow like √tokens in natural text; nearly every new pair of content words is new.
    assert.ok(law.wordExponent > 0.4 && law.wordExponent < 0.65, `word exponent ${law.wordExponent}`);
    assert.ok(law.pairExponent > 0.8 && law.pairExponent <= 1, `pair exponent ${law.pairExponent}`);
    const real = vocabulary(papers);
    const near = (actual: number, expected: number): boolean => Math.abs(actual / expected - 1) < 0.05;
    assert.ok(near(law.words(real.tokens), real.words), `law ${law.words(real.tokens)} vs ${real.words} words`);
    assert.ok(near(law.pairs(real.tokens), real.pairs), `law ${law.pairs(real.tokens)} vs ${real.pairs} pairs`);
  });

  it('grows its vocabulary as the law predicts, where recombined sentences do not', () => {
    const base = synthesizeCorpus(papers, 5_000, 7, [3, 8]);
    const varied = vocabulary(withRealVocabulary(base, papers));
    const plain = vocabulary(base);
    const within = (actual: number, expected: number, share: number): boolean => Math.abs(actual / expected - 1) < share;
    assert.ok(within(varied.words, law.words(varied.tokens), 0.15), `${varied.words} words, law ${law.words(varied.tokens)}`);
    assert.ok(within(varied.pairs, law.pairs(varied.tokens), 0.2), `${varied.pairs} pairs, law ${law.pairs(varied.tokens)}`);
    // The plain recombination stays well below: the reason the benchmark varies the words.
    assert.ok(plain.pairs < 0.5 * law.pairs(plain.tokens), `${plain.pairs} pairs without variation`);
    // Same length: only words are replaced, never added or dropped.
    assert.ok(within(varied.tokens, plain.tokens, 0.02), `${varied.tokens} vs ${plain.tokens} tokens`);
  });

  it('invents words that are neither real words nor stop words, and is deterministic', () => {
    const real = new Set(papers.flatMap((p) => tokenize(`${p.title} ${p.summary}`)));
    for (let k = 0; k < 20_000; k += 7) {
      const w = novelWord(k);
      assert.match(w, /^[a-z]{3,}$/);
      assert.ok(!ENGLISH_STOP_WORDS.has(w) && !real.has(w), w);
    }
    assert.notStrictEqual(novelWord(1), novelWord(2));
    const base = synthesizeCorpus(papers, 200, 3);
    assert.deepStrictEqual(withRealVocabulary(base, papers, 9), withRealVocabulary(base, papers, 9));
  });
});
