import * as assert from 'assert';
import { createPaperIndex, type PaperIndex, type SearchDocument, searchDocumentOfEntry, searchDocumentOfPaper } from '../../../src/core/library/search';
import { tokenize } from '../../../src/core/library/tokenize';
import { withinOneEdit } from '../../../src/core/library/vocabulary';
import { fixturePapers } from './support/corpus';
import { RECORD } from './support/samples';

/** The ~1,600 real papers of the recorded arXiv responses. */
function realIndex(): PaperIndex {
  const index = createPaperIndex();
  index.addAll(fixturePapers().map(searchDocumentOfPaper));
  return index;
}

const ids = (index: PaperIndex, query: string, limit = 10) => index.search(query, { limit }).map((h) => h.id);
const titleOf = (id: string) => fixturePapers().find((p) => p.id === id)?.title ?? '';

describe('library search over real arXiv papers', () => {
  let index: PaperIndex;
  before(() => {
    index = realIndex();
  });

  it('indexes every paper', () => {
    assert.strictEqual(index.size, fixturePapers().length);
  });

  it('puts the paper whose title is the query first', () => {
    assert.strictEqual(ids(index, 'Dreaming of atmospheres ')[0], '1511.08339');
    assert.strictEqual(ids(index, 'Mori dream spaces Picard number two ')[0], '1304.8005');
    assert.strictEqual(ids(index, 'Turning the TIDE cross-architecture distillation ')[0], '2604.26951');
  });

  it('finds a paper from the first letters of its title, as they are typed', () => {
    const typed = 'hierarchical neural repr';
    for (const prefix of ['hier', 'hierarchical neu', typed]) {
      assert.ok(ids(index, prefix, 20).includes('1611.09520'), `"${prefix}" should find 1611.09520`);
    }
    assert.strictEqual(ids(index, typed)[0], '1611.09520');
  });

  it('finds papers by author, accents folded either way', () => {
    assert.deepStrictEqual(ids(index, 'kamitani '), ['1611.09520']);
    assert.deepStrictEqual(ids(index, 'Hürriyetoğlu '), ['1612.03659']);
    assert.deepStrictEqual(ids(index, 'hurriyetoglu '), ['1612.03659']);
    assert.deepStrictEqual(ids(index, 'soren hauberg '), ['1510.02795']);
    assert.ok(ids(index, 'Schmidt-Hieber').includes('2604.26942'));
  });

  it('matches words across fields: an author and a title word', () => {
    assert.deepStrictEqual(ids(index, 'kamitani dreamed '), ['1611.09520']);
    assert.deepStrictEqual(ids(index, 'hauberg diffeomorphisms '), ['1510.02795']);
  });

  it('forgives one typo in a word it does not know', () => {
    assert.strictEqual(ids(index, 'atmospehres ')[0], '1511.08339');
    assert.ok(ids(index, 'difusion language ', 20).includes('2604.26841'));
    assert.ok(ids(index, 'kamitan')[0] === '1611.09520', 'a typo in a half-typed word');
  });

  it('ranks papers with the words in the title above papers with them only in the abstract', () => {
    const found = ids(index, 'quantum circuit ', 60);
    assert.ok(found.length > 20, `${found.length} results`);
    const inTitle = (id: string) => ['quantum', 'circuit'].every((w) => tokenize(titleOf(id)).includes(w));
    const firstAbstractOnly = found.findIndex((id) => !inTitle(id));
    assert.ok(firstAbstractOnly >= 5, `${firstAbstractOnly} title matches first`);
    assert.ok(found.slice(firstAbstractOnly).every((id) => !inTitle(id)), found.map(titleOf).join('\n'));
  });

  it('treats singular and plural as one word', () => {
    const singular = ids(index, 'diffusion model ', 50);
    const plural = ids(index, 'diffusion models ', 50);
    assert.deepStrictEqual(singular, plural);
    assert.ok(singular.slice(0, 8).some((id) => /Diffusion Models/.test(titleOf(id))), singular.map(titleOf).join('\n'));
  });

  it('returns nothing for a word no paper has, and for stop words alone', () => {
    assert.deepStrictEqual(ids(index, 'zzyzx '), []);
    assert.deepStrictEqual(ids(index, 'dreaming zzyzx '), []);
    assert.deepStrictEqual(ids(index, 'the of and '), []);
    assert.deepStrictEqual(ids(index, '   '), []);
  });

  it('honours the limit and scores best first', () => {
    const hits = index.search('neural network', { limit: 5 });
    assert.strictEqual(hits.length, 5);
    assert.ok(hits.every((h, i) => i === 0 || hits[i - 1].score >= h.score));
  });
});

describe('library search: tags, notes and incremental changes', () => {
  const doc = (over: Partial<SearchDocument>): SearchDocument => ({ id: 'x', title: '', authors: [], abstract: '', ...over });

  it('searches the tags and the notes of library papers', () => {
    const index = createPaperIndex();
    const entry = {
      folder: 'f',
      notePath: 'f/notes.md',
      record: { ...RECORD, tags: ['to-replicate', 'reading-group'] },
      body: '\nCompare the CUDA kernel timings with table 2.\n',
      extras: {},
    };
    index.add(searchDocumentOfEntry(entry));
    index.add(doc({ id: 'other', title: 'Unrelated work on kernels', abstract: 'Replicate nothing.' }));
    assert.deepStrictEqual(ids(index, 'cuda timings '), ['1706.03762']);
    assert.deepStrictEqual(ids(index, 'reading-group '), ['1706.03762']);
    assert.strictEqual(ids(index, 'replicate ')[0], '1706.03762', 'a tag outranks an abstract word');
    assert.deepStrictEqual(ids(index, 'vaswani transduction '), ['1706.03762']);
  });

  it('updates one paper in place: new words find it, old words no longer do', () => {
    const index = createPaperIndex();
    index.addAll([doc({ id: 'a', title: 'Graph neural networks' }), doc({ id: 'b', title: 'Gaussian processes' })]);
    index.add(doc({ id: 'a', title: 'Sparse autoencoders' }));
    assert.strictEqual(index.size, 2);
    assert.deepStrictEqual(ids(index, 'graph '), []);
    assert.deepStrictEqual(ids(index, 'autoenc'), ['a']);
    index.remove('b');
    index.remove('missing');
    assert.deepStrictEqual([index.size, index.has('b'), ids(index, 'gaussian ')], [1, false, []]);
    index.add(doc({ id: 'c', title: 'Gaussian splatting' }));
    assert.deepStrictEqual(ids(index, 'gaussian '), ['c']);
    assert.deepStrictEqual(ids(index, 'splat'), ['c'], 'a term first seen in a single add completes too');
    index.clear();
    assert.deepStrictEqual([index.size, ids(index, 'gaussian ')], [0, []]);
  });
});

describe('library search: a feed refresh replacing most papers', () => {
  it('drops removed papers from results and completions, and keeps finding the rest', () => {
    const papers = fixturePapers().slice(0, 600);
    const index = createPaperIndex();
    index.addAll(papers.map(searchDocumentOfPaper));
    const removed = papers.slice(0, 500);
    for (const p of removed) index.remove(p.id);
    const kept = new Set(papers.slice(500).map((p) => p.id));
    assert.strictEqual(index.size, 100);
    for (const p of papers.slice(500, 520)) assert.ok(ids(index, `${p.title} `, 5).includes(p.id), p.title);
    for (const p of removed.slice(0, 50)) assert.ok(ids(index, `${p.title} `, 50).every((id) => kept.has(id)), p.title);
    // Kamitani wrote only removed papers: neither his name nor a near miss of it may match.
    assert.deepStrictEqual(ids(index, 'kamitan'), []);
    index.add(searchDocumentOfPaper(removed[0]));
    assert.strictEqual(ids(index, `${removed[0].title} `, 1)[0], removed[0].id);
  });
});

describe('library search: terms', () => {
  it('lowercases, folds accents and TeX accents, and drops one-letter and stop words', () => {
    assert.deepStrictEqual(tokenize('The Søren-Hauberg "Dreaming" of Pál, R\\\'emy and G\\"{o}del in 3D'), [
      'soren',
      'hauberg',
      'dreaming',
      'pal',
      'remy',
      'godel',
      '3d',
    ]);
    assert.deepStrictEqual(tokenize('A $\\ln\\ln T$ bound'), ['ln', 'ln', 'bound']);
    assert.deepStrictEqual(tokenize('models policies processes analysis gaussians class'), ['model', 'policy', 'processe', 'analysis', 'gaussian', 'class']);
  });

  it('knows when two words are one typo apart', () => {
    for (const [a, b] of [
      ['diffusion', 'difusion'],
      ['diffusion', 'diffusoin'],
      ['diffusion', 'diffusions'],
      ['diffusion', 'diffusian'],
    ]) {
      assert.ok(withinOneEdit(a, b) && withinOneEdit(b, a), `${a} ~ ${b}`);
    }
    for (const [a, b] of [
      ['diffusion', 'difusoin'],
      ['diffusion', 'confusion'],
      ['model', 'models2'],
    ]) {
      assert.ok(!withinOneEdit(a, b), `${a} !~ ${b}`);
    }
  });
});
