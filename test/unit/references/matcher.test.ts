import * as assert from 'assert';
import { findArxivReferences } from '../../../src/core/references/matcher';

const ids = (text: string) => findArxivReferences(text).map((r) => (r.version ? `${r.id}v${r.version}` : r.id));

describe('findArxivReferences', () => {
  it('reports id, version, form, offsets, 0-based line/character and the matched text', () => {
    const text = 'intro\r\n  # Adam: arXiv:1412.6980v9, see\nhttps://arxiv.org/pdf/1706.03762.pdf';
    const refs = findArxivReferences(text);
    assert.deepStrictEqual(
      refs.map((r) => ({ ...r })),
      [
        {
          id: '1412.6980',
          version: 9,
          form: 'prefixed',
          range: { start: 17, end: 34 },
          line: 1,
          character: 10,
          matchedText: 'arXiv:1412.6980v9',
        },
        {
          id: '1706.03762',
          version: null,
          form: 'url',
          range: { start: 40, end: 76 },
          line: 2,
          character: 0,
          matchedText: 'https://arxiv.org/pdf/1706.03762.pdf',
        },
      ],
    );
    for (const r of refs) assert.strictEqual(text.slice(r.range.start, r.range.end), r.matchedText);
  });

  it('accepts every spelling of the explicit forms', () => {
    const cases: [string, string][] = [
      ['arXiv:1706.03762', '1706.03762'],
      ['ARXIV: 1706.03762v5', '1706.03762v5'],
      ['1706.03762v5', '1706.03762v5'],
      ['hep-th/9901001', 'hep-th/9901001'],
      ['math.GT/0309136v2', 'math/0309136v2'],
      ['http://arxiv.org/abs/1706.03762', '1706.03762'],
      ['https://arxiv.org/pdf/1706.03762v2.pdf', '1706.03762v2'],
      ['https://arxiv.org/html/2402.17764v1', '2402.17764v1'],
      ['https://export.arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
      ['arxiv.org/abs/math.GT/0309136', 'math/0309136'],
      ['10.48550/arXiv.1706.03762', '1706.03762'],
      ['https://doi.org/10.48550/ARXIV.1810.04805', '1810.04805'],
      ['https://img.shields.io/badge/arXiv-2305.18290-b31b1b.svg', '2305.18290'],
      ['volume = {abs/1512.03385}', '1512.03385'],
      ['arXiv:0704.0001', '0704.0001'],
      ['open("papers/2310.06825v1.pdf")', '2310.06825v1'],
    ];
    for (const [text, id] of cases) assert.deepStrictEqual(ids(text), [id], text);
  });

  it('makes one reference of a URL, a DOI or a prefixed id, never two overlapping ones', () => {
    assert.deepStrictEqual(
      findArxivReferences('https://doi.org/10.48550/arXiv.1706.03762 and arXiv:hep-th/9711200').map((r) => [r.form, r.matchedText]),
      [
        ['doi', 'https://doi.org/10.48550/arXiv.1706.03762'],
        ['prefixed', 'arXiv:hep-th/9711200'],
      ],
    );
  });

  it('rejects look-alikes', () => {
    const negatives = [
      '1713.01234', // month 13
      '1700.12345', // month 00
      '1501.1234', // 4 digits after 2014
      '1412.12345', // 5 digits before 2015
      '0703.1234', // before April 2007
      'arXiv:1501.1234',
      'astro-ph/0801001', // old scheme ended March 2007
      'cs/9001001', // cs started in 1993
      'hep-th/9901', // too short
      'version 2101.00001',
      'v1.2.3 and v2101.00001',
      'python 3.1012',
      '192.168.1.10 and 1203.4567.12.1',
      'doi:10.1103/PhysRev.1203.4567',
      '0.8123 1203.4567 0.7990',
      'x = 1203.4567',
      '1203.4567 ms',
      '1203.4567%',
      'tel 0711.1234',
      '1706.03762abc',
      '1706.000001',
      '2101.00000', // sequence 0 is never issued
    ];
    for (const text of negatives) assert.deepStrictEqual(ids(text), [], text);
  });

  it('finds each of several references on one line and across lines', () => {
    assert.deepStrictEqual(ids('\\cite{1706.03762,1810.04805}\n- 2005.14165, 2106.09685v2'), ['1706.03762', '1810.04805', '2005.14165', '2106.09685v2']);
  });

  it('counts columns in UTF-16 code units, as VS Code does', () => {
    const [r] = findArxivReferences('🧵 论文 arXiv:2404.19756');
    assert.strictEqual(r.character, '🧵 论文 '.length);
    assert.strictEqual(r.matchedText, 'arXiv:2404.19756');
  });

  it('handles a large notebook quickly', () => {
    const cell = 'We replicate Table 2 of arXiv:1512.03385 with lr 0.1 and 0.8123 accuracy; see 1706.03762.\n';
    const text = cell.repeat(5000);
    const t0 = Date.now();
    const refs = findArxivReferences(text);
    assert.strictEqual(refs.length, 10000);
    assert.strictEqual(refs[9999].line, 4999);
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
  });
});
