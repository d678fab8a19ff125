import * as assert from 'assert';
import type { PaperDetails } from '../../../src/core/arxiv/types';
import { commandUri, escapeMarkdown, paperHoverMarkdown, unknownHoverMarkdown, yearOf } from '../../../src/vscode/references/hoverMarkdown';

function paper(over: Partial<PaperDetails> = {}): PaperDetails {
  return {
    id: '1706.03762',
    version: 7,
    title: 'Attention Is All You Need',
    summary: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
    authors: [{ name: 'Ashish Vaswani', affiliations: [] }, { name: 'Noam Shazeer', affiliations: [] }],
    published: '2017-06-12T17:57:34Z',
    updated: null,
    primaryCategory: 'cs.CL',
    categories: ['cs.CL'],
    comment: null,
    journalRef: null,
    doi: null,
    links: { abs: 'https://arxiv.org/abs/1706.03762v7', pdf: 'https://arxiv.org/pdf/1706.03762v7', doi: null },
    announceType: null,
    otherClassifications: [],
    license: null,
    ...over,
  };
}

/** The link targets of a Markdown text (inline links only, which is all the hover writes). */
const linkTargets = (md: string) => [...md.matchAll(/(?<!\\)\]\(([^\s)]+)/g)].map((m) => m[1]);

describe('reference hover Markdown', () => {
  it('shows title, short authors, year, id, category, status and the abstract', () => {
    const md = paperHoverMarkdown({ paper: paper(), status: 'reading' });
    assert.match(md, /^\*\*Attention Is All You Need\*\*/);
    assert.match(md, /Vaswani, Shazeer · 2017 · arXiv\\:1706\\\.03762v7 · cs\\\.CL/);
    assert.match(md, /\*In your library: reading\*/);
    assert.match(md, /The dominant sequence transduction models/);
    assert.deepStrictEqual(linkTargets(md), [commandUri('paperPractice.openPaper', ['1706.03762'])]);
  });

  it('offers Add to library only for papers not in the library', () => {
    const md = paperHoverMarkdown({ paper: paper(), status: null });
    assert.match(md, /\*Not in your library\*/);
    assert.deepStrictEqual(linkTargets(md), [
      commandUri('paperPractice.openPaper', ['1706.03762']),
      commandUri('paperPractice.addReferenceToLibrary', ['1706.03762']),
    ]);
  });

  it('escapes arXiv text so it cannot add links, images, HTML or commands', () => {
    const evil = paper({
      title: 'Pwn [click](command:workbench.action.terminal.new) ![x](http://e/x.png) <img src=x onerror=alert(1)>',
      summary: '**bold** `code` [a](command:paperPractice.addReferenceToLibrary?%5B%221%22%5D) <script>alert(1)</script>\n# heading',
      authors: [{ name: '[Mallory](http://evil)', affiliations: [] }],
    });
    const md = paperHoverMarkdown({ paper: evil, status: null });
    assert.deepStrictEqual(linkTargets(md), [
      commandUri('paperPractice.openPaper', ['1706.03762']),
      commandUri('paperPractice.addReferenceToLibrary', ['1706.03762']),
    ]);
    assert.doesNotMatch(md, /(?<!\\)</, 'an unescaped < could open HTML');
    assert.doesNotMatch(md, /(?<!\\)`/);
    assert.doesNotMatch(md, /\n#/);
  });

  it('renders TeX titles as readable text and shortens long abstracts', () => {
    const md = paperHoverMarkdown({ paper: paper({ title: 'Remove the $\\ln\\ln T$ Term', summary: 'word '.repeat(200) }), status: null }, { summaryChars: 100 });
    assert.match(md, /\*\*Remove the ln ln T Term\*\*/);
    const abstract = md.split('\n\n')[3];
    assert.ok(abstract.length < 140 && abstract.endsWith('…'), abstract);
  });

  it('says when a copy is stale, and describes unknown ids', () => {
    assert.match(paperHoverMarkdown({ paper: paper(), status: null, stale: true }), /could not be reached/);
    const md = unknownHoverMarkdown('2604.99999', 'arXiv has no paper with this identifier.');
    assert.match(md, /\*\*arXiv:2604\\\.99999\*\*/);
    assert.deepStrictEqual(linkTargets(md), [commandUri('paperPractice.openPaper', ['2604.99999'])]);
  });

  it('escapes every ASCII punctuation character Markdown gives meaning to', () => {
    assert.strictEqual(escapeMarkdown('a*b_c [d](e) <f> `g` #h !i |j ~k $l &m'), 'a\\*b\\_c \\[d\\]\\(e\\) \\<f\\> \\`g\\` \\#h \\!i \\|j \\~k \\$l \\&m');
    assert.strictEqual(escapeMarkdown('two\n\nlines'), 'two lines');
  });

  it('reads the year of ISO instants and typed dates', () => {
    assert.strictEqual(yearOf('2017-06-12T17:57:34Z'), '2017');
    assert.strictEqual(yearOf('2020'), '2020');
    assert.strictEqual(yearOf(null), null);
    assert.strictEqual(yearOf('June 2017'), null);
  });
});
