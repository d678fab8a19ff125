import * as assert from 'assert';
import * as fc from 'fast-check';
import { assignCiteKeys, citeKeyBase, validateKeyTemplate } from '../../../src/core/bibtex/citeKey';

const p = (id: string, title: string, authors: string[], published: string | null = '2017-06-12T00:00:00Z', version = 1) => ({
  id,
  version,
  title,
  published,
  authors: authors.map((name) => ({ name, affiliations: [] })),
});

describe('citation keys', () => {
  it('default to {auth}{year}{shorttitle}, as Google Scholar and arXiv do', () => {
    assert.strictEqual(citeKeyBase(p('1706.03762', 'Attention Is All You Need', ['Ashish Vaswani'])), 'vaswani2017attention');
    assert.strictEqual(citeKeyBase(p('1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers', ['Jacob Devlin'], '2018-10-11')), 'devlin2018bert');
    assert.strictEqual(citeKeyBase(p('2005.14165', 'On the $\\mathcal{O}(n)$ Origin of Things', ['Tom B. Brown Jr.'], null)), 'brown2020origin');
  });

  it('fold accents and skip particles-only surnames to ASCII', () => {
    assert.strictEqual(citeKeyBase(p('0706.3031', 'Über Schrödinger', ['Ali Hürriyetoğlu'], '2007-06-20')), 'hurriyetoglu2007uber');
    assert.strictEqual(citeKeyBase(p('1', 'Ærø', ['Søren Łukasz Straße'], '2020-01-01')), 'strasse2020aero');
    assert.strictEqual(citeKeyBase(p('2401.00001', '学习', ['王小明'], '2024-01-01')), 'arxiv2024', 'nothing Latin left: still a key');
  });

  it('support other templates and reject unknown fields', () => {
    const paper = p('hep-th/9711200', 'The Large N limit of superconformal field theories', ['Juan Maldacena', 'A B', 'C D'], '1997-11-27');
    assert.strictEqual(citeKeyBase(paper, '{Auth}{yy}{Title}'), 'Maldacena97LargeNLimit');
    assert.strictEqual(citeKeyBase(paper, '{authors}_{id}'), 'maldacenaetal_hep-th_9711200');
    assert.strictEqual(citeKeyBase(paper, 'arXiv:{id}'), 'arXiv:hep-th_9711200');
    assert.match(validateKeyTemplate('{author}{year}') ?? '', /Unknown field \{author\}/);
    assert.ok(validateKeyTemplate('static') !== undefined);
    assert.throws(() => citeKeyBase(paper, '{nope}'), /Unknown field/);
  });

  it('resolve collisions with a, b, c by arXiv id, whatever the order given', () => {
    const papers = [
      p('1712.00003', 'Deep learning', ['Ann Smith']),
      p('1706.00001', 'Deep nets', ['Ann Smith']),
      p('1709.00002', 'Deep things', ['Bo Smith']),
      p('1701.00009', 'A', ['Bo Smithdeep']), // title of stopwords only: no title part
    ];
    assert.deepStrictEqual(assignCiteKeys(papers), ['smith2017deepb', 'smith2017deep', 'smith2017deepa', 'smithdeep2017']);
    assert.deepStrictEqual(assignCiteKeys([...papers].reverse()), ['smithdeep2017', 'smith2017deepa', 'smith2017deep', 'smith2017deepb']);
  });

  it('never produce a duplicate, even against keys that already end in a letter', () => {
    const same = p('1706.00001', 'Deep', ['Ann Smith']);
    const papers = [same, { ...same, id: '1706.00002' }, p('1706.00003', 'Deepa', ['Ann Smith']), { ...same, id: '1706.00004' }];
    const keys = assignCiteKeys(papers);
    assert.deepStrictEqual(keys, ['smith2017deep', 'smith2017deepb', 'smith2017deepa', 'smith2017deepc']);
  });

  it('are unique and order-independent for any list (property)', () => {
    const arb = fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 60 }).map((n) => `1706.${String(n).padStart(5, '0')}`),
        title: fc.constantFrom('Deep', 'Deep learning', 'Deepa', 'Attention', 'On the deep'),
        author: fc.constantFrom('Ann Smith', 'Bo Smith', 'C Smitha', 'Dee Jones'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const unique = [...new Map(rows.map((r) => [r.id, p(r.id, r.title, [r.author])])).values()];
        const keys = assignCiteKeys(unique);
        assert.strictEqual(new Set(keys).size, keys.length);
        const reversed = assignCiteKeys([...unique].reverse()).reverse();
        assert.deepStrictEqual(reversed, keys);
        for (const k of keys) assert.match(k, /^[A-Za-z0-9_:.+-]+$/);
      }),
    );
  });
});
