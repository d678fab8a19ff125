import * as assert from 'assert';
import { stripLatex, stripMarkup } from '../../../src/core/ranking/latex';
import { ENGLISH_STOP_WORDS } from '../../../src/core/ranking/stopWords';
import { foldText, idBuffer, scanWords, tokenize } from '../../../src/core/ranking/tokenizer';
import { WordTable } from '../../../src/core/ranking/wordTable';
import { loadFixturePapers } from './support/fixturePapers';
import { seededRandom } from '../../support/seededRandom';

describe('ranking tokenizer', () => {
  it('lower-cases, drops stop words and one-character words, keeps words starting with a letter', () => {
    assert.deepStrictEqual(tokenize('The Transformer is all you need: a 2-layer GPT-4 with L2 loss and x_1'), [
      'transformer',
      'need',
      'layer',
      'gpt',
      'l2',
      'loss',
      'x_1',
    ]);
  });

  it('uses scikit-learn’s 318 English stop words', () => {
    assert.strictEqual(ENGLISH_STOP_WORDS.size, 318);
    for (const w of ['the', 'system', 'fire', 'amoungst', 'yourselves']) assert.ok(ENGLISH_STOP_WORDS.has(w), w);
  });

  it('folds accents like strip_accents="unicode" and keeps words of any script', () => {
    assert.strictEqual(foldText('Schrödinger Équation'), 'schrodinger equation');
    assert.deepStrictEqual(tokenize('Schrödinger’s naïve Søren αβ-ηλεκτρόνιο'), ['schrodinger', 'naive', 'søren', 'αβ', 'ηλεκτρονιο']);
  });

  it('splits on hyphens and apostrophes and ignores tokens starting with a digit', () => {
    assert.deepStrictEqual(tokenize("state-of-the-art 3D 1st co-training BERT's"), ['state', 'art', 'training', 'bert']);
  });

  it('removes LaTeX commands and math delimiters but keeps the words they hold', () => {
    assert.strictEqual(stripLatex('no markup here'), 'no markup here');
    assert.deepStrictEqual(tokenize('\\emph{Sparse} \\textbf{attention} in $\\mathcal{O}(n \\log n)$ time'), ['sparse', 'attention', 'time']);
    assert.deepStrictEqual(tokenize('$k$NN and $\\epsilon$-greedy exploration with $\\ln\\ln T$ regret'), [
      'knn',
      'greedy',
      'exploration',
      'regret',
    ]);
    assert.deepStrictEqual(tokenize('the $\\mathrm{SU}(2)$ gauge group and $x_{ij}^2$ terms'), ['su', 'gauge', 'group', 'ij', 'terms']);
  });

  it('turns TeX accents into letters and drops references', () => {
    assert.deepStrictEqual(tokenize("Cram\\'er-Rao bounds, Erd\\H{o}s graphs and S\\o ren"), ['cramer', 'rao', 'bounds', 'erdos', 'graphs', 'soren']);
    assert.deepStrictEqual(tokenize('as shown in \\cite{smith2020} it costs \\$5 and 50\\% less'), ['shown', 'costs']);
  });

  it('strips LaTeX exactly as the passes over the whole text do, on every fixture title and abstract and on random markup', () => {
    // The stripper before it skipped the unmarked start: texts without `\\`, `$` or `{` as they are, the passes over all of the others.
    const reference = (t: string): string => (t.indexOf('\\') < 0 && t.indexOf('$') < 0 && t.indexOf('{') < 0 ? t : stripMarkup(t));
    const { papers } = loadFixturePapers();
    let marked = 0;
    for (const p of papers) {
      for (const text of [p.title, p.summary]) {
        if (stripLatex(text) !== text) marked++;
        assert.strictEqual(stripLatex(text), reference(text), p.id);
      }
    }
    assert.ok(marked > 100, `${marked} fixture texts have markup`);
    // Random strings built from markup fragments and plain words, in any order.
    const pieces = ['\\', '$', '$$', '{', '}', '~', '_', '^', '\\emph', '\\cite', '\\href', '\\o', '\\v', "\\'", '\\(', '\\)', '\\[', '\\]', '\\%', ' ', 'ab', 'x', 'graph', 'é'];
    const random = seededRandom(13);
    for (let k = 0; k < 5000; k++) {
      let text = '';
      const length = Math.floor(random() * 16);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)];
      assert.strictEqual(stripLatex(text), reference(text), JSON.stringify(text));
    }
  });

  it('gives the same tokens through the interning scanner as through tokenize(), on every fixture abstract', () => {
    const table = new WordTable(1024, ENGLISH_STOP_WORDS);
    const buffer = idBuffer();
    const { papers } = loadFixturePapers();
    assert.ok(papers.length > 1500);
    for (const p of papers) {
      buffer.length = 0;
      scanWords(p.summary, table, true, buffer);
      const scanned = Array.from(buffer.ids.subarray(0, buffer.length), (id) => table.words[id]);
      assert.deepStrictEqual(scanned, tokenize(p.summary), p.id);
    }
  });

  it('gives ASCII text the same ids whether it is scanned as bytes or, holding another character, as folded text', () => {
    const table = new WordTable(1024, ENGLISH_STOP_WORDS);
    const ascii = idBuffer();
    const folded = idBuffer();
    let compared = 0;
    for (const p of loadFixturePapers().papers) {
      if (/[^\x00-\x7f]/.test(stripLatex(p.summary))) continue;
      ascii.length = 0;
      folded.length = 0;
      scanWords(p.summary, table, true, ascii);
      // A lone accented letter is a one-character word (dropped), but it sends the text down the folding path.
      scanWords(`${p.summary} é`, table, true, folded);
      assert.deepStrictEqual(Array.from(folded.ids.subarray(0, folded.length)), Array.from(ascii.ids.subarray(0, ascii.length)), p.id);
      compared++;
    }
    assert.ok(compared > 1000, `${compared} ASCII abstracts`);
  });

  it('marks words missing from a lookup-only table as -1 and still skips stop words', () => {
    const table = new WordTable(16, ENGLISH_STOP_WORDS);
    table.add('graph');
    const buffer = idBuffer();
    scanWords('The Graph of the unknown GRAPH', table, false, buffer);
    assert.deepStrictEqual(Array.from(buffer.ids.subarray(0, buffer.length)), [table.get('graph'), -1, table.get('graph')]);
  });
});
