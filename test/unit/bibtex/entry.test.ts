import * as assert from 'assert';
import type { Paper } from '../../../src/core/arxiv/types';
import { bibEntry, formatBibEntry } from '../../../src/core/bibtex/entry';
import { exportBibtex } from '../../../src/core/bibtex/export';
import { needsProtection } from '../../../src/core/bibtex/protect';
import { titleField } from '../../../src/core/bibtex/protect';
import { authorField } from '../../../src/core/bibtex/names';
import { encodeText } from '../../../src/core/bibtex/texEncode';

function paper(over: Partial<Paper> = {}): Paper {
  return {
    id: '1706.03762',
    version: 7,
    title: 'Attention Is All You Need',
    summary: '',
    authors: ['Ashish Vaswani', 'Noam Shazeer'].map((name) => ({ name, affiliations: [] })),
    published: '2017-06-12T17:57:34Z',
    updated: null,
    primaryCategory: 'cs.CL',
    categories: ['cs.CL', 'cs.LG'],
    comment: null,
    journalRef: null,
    doi: null,
    links: { abs: '', pdf: '', doi: null },
    announceType: null,
    ...over,
  };
}

describe('BibTeX entries', () => {
  it("follow arXiv's own @misc style", () => {
    assert.strictEqual(
      formatBibEntry(bibEntry(paper(), 'vaswani2017attention')),
      [
        '@misc{vaswani2017attention,',
        '  title = {Attention Is All You Need},',
        '  author = {Ashish Vaswani and Noam Shazeer},',
        '  year = {2017},',
        '  eprint = {1706.03762},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  url = {https://arxiv.org/abs/1706.03762}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('become @article with journal and doi when both exist, and keep either alone', () => {
    const both = bibEntry(paper({ journalRef: 'Phys. Rev. B 110 (2024) 174448', doi: '10.1103/PhysRevB.110.174448' }), 'k');
    assert.strictEqual(both.type, 'article');
    assert.deepStrictEqual(both.fields.map(([n]) => n), ['title', 'author', 'journal', 'year', 'doi', 'eprint', 'archivePrefix', 'primaryClass', 'url']);
    const doiOnly = bibEntry(paper({ doi: '10.1000/x_y' }), 'k');
    assert.strictEqual(doiOnly.type, 'misc');
    assert.deepStrictEqual(doiOnly.fields.find(([n]) => n === 'doi'), ['doi', '10.1000/x_y'], 'DOIs are not escaped');
    const refOnly = bibEntry(paper({ journalRef: 'NeurIPS 2017 & co' }), 'k');
    assert.deepStrictEqual(refOnly.fields.find(([n]) => n === 'note'), ['note', 'NeurIPS 2017 \\& co']);
  });

  it('take the year from the id when the source has no date (daily feeds), old-style ids too', () => {
    assert.deepStrictEqual(bibEntry(paper({ id: '2411.17730', published: null }), 'k').fields.find(([n]) => n === 'year'), ['year', '2024']);
    assert.deepStrictEqual(bibEntry(paper({ id: 'hep-th/9901001', published: null }), 'k').fields.find(([n]) => n === 'year'), ['year', '1999']);
  });

  it('exports a list as one .bib, a paper listed twice once', () => {
    const bib = exportBibtex([paper(), paper({ id: '1810.04805', title: 'BERT', authors: [{ name: 'Jacob Devlin', affiliations: [] }] }), paper({ version: 2 })]);
    assert.strictEqual((bib.match(/^@misc\{/gm) ?? []).length, 2);
    assert.ok(bib.includes('@misc{vaswani2017attention,') && bib.includes('@misc{devlin2017bert,'));
  });
});

describe('LaTeX escaping', () => {
  it('escapes the ten specials', () => {
    assert.strictEqual(encodeText('& % $ # _ { } ~ ^ \\', 'tex'), '\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });

  it('keeps math intact, braced against case changes, and escapes around it', () => {
    assert.strictEqual(titleField('Regret $O(\\sqrt{T}\\ln\\ln T)$ for 50% of arms_i', 'tex'), 'Regret {$O(\\sqrt{T}\\ln\\ln T)$} for 50\\% of arms\\_i');
    // A dollar without a closing one is a dollar sign; an escaped one stays escaped.
    assert.strictEqual(titleField('A $5 million prize', 'tex'), 'A \\$5 million prize');
    assert.strictEqual(titleField('Costs \\$5 and \\$6', 'tex'), 'Costs \\$5 and \\$6');
  });

  it('reads TeX already in arXiv titles instead of escaping it twice', () => {
    assert.strictEqual(titleField('Schr\\"odinger and P\\"oschl--Teller', 'tex'), 'Schr{\\"o}dinger and P{\\"o}schl--Teller');
    assert.strictEqual(titleField('Schr\\"odinger', 'utf8'), 'Schrödinger');
    assert.strictEqual(titleField('Design \\& Optimization, Design & Build', 'tex'), 'Design \\& Optimization, Design \\& Build');
    assert.strictEqual(titleField('consistent with {\\Lambda}CDM', 'tex'), 'consistent with {$\\Lambda$CDM}');
    assert.strictEqual(titleField('Krasnosel\'ki\\u{\\i}-Mann', 'utf8'), "Krasnosel'kiĭ-Mann");
    assert.strictEqual(titleField('z~2-5 and T^2', 'tex'), 'z\\textasciitilde{}2-5 and T\\textasciicircum{}2');
    assert.strictEqual(titleField('Re examination of \\b{eta} decay', 'tex'), 'Re examination of \\b{eta} decay', 'unknown TeX is kept as written');
  });

  it('converts non-ASCII names to TeX accents, or keeps UTF-8 on request', () => {
    const names = ['Jörg Müller', 'Søren Hauberg', 'Ali Hürriyetoğlu', 'Paweł Ślęzak', 'Václav Vavryčuk', 'José Núñez', '王小明'];
    assert.strictEqual(
      authorField(names, 'tex'),
      'J{\\"o}rg M{\\"u}ller and S{\\o}ren Hauberg and Ali H{\\"u}rriyeto{\\u{g}}lu and Pawe{\\l} {\\\'S}l{\\k{e}}zak and V{\\\'a}clav Vavry{\\v{c}}uk and Jos{\\\'e} N{\\\'u}{\\~n}ez and 王小明',
    );
    assert.strictEqual(authorField(names, 'utf8'), names.join(' and '));
    assert.strictEqual(encodeText('í', 'tex'), "{\\'{\\i}}");
    assert.strictEqual(encodeText('ệ', 'tex'), '{\\^{\\d{e}}}');
  });

  it('braces collaborations and a bare "and" inside a name', () => {
    assert.strictEqual(authorField(['ATLAS Collaboration', 'Anand and Co', 'A. B'], 'tex'), '{ATLAS Collaboration} and Anand {and} Co and A. B');
  });

  it('protects acronyms and mixed case, not ordinary title case', () => {
    assert.strictEqual(
      titleField('BERT: Pre-training of Deep Bidirectional Transformers on ImageNet with GPT-4, U-Net and 3D LoRA', 'tex'),
      '{BERT}: Pre-training of Deep Bidirectional Transformers on {ImageNet} with {GPT-4}, {U-Net} and {3D} {LoRA}',
    );
    assert.ok(!needsProtection('Attention', false));
    assert.ok(!needsProtection('Few-Shot', false));
    assert.ok(!needsProtection('A', true));
    assert.ok(needsProtection('A', false));
    assert.ok(needsProtection('mRNA', false));
  });
});
