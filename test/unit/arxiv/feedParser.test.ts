import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseCreators } from '../../../src/core/arxiv/feedAuthors';
import { parseFeed } from '../../../src/core/arxiv/feedParser';
import { parseArxivId } from '../../../src/core/arxiv/ids';
import { parseAny } from '../../../src/core/arxiv/parse';
import type { ParsedResponse } from '../../../src/core/arxiv/types';
import { texAccentsToUnicode } from '../../../src/core/text/texAccents';
import { arxivFixturesDir, projectRoot, readFixture } from '../../support/paths';
import { byId, throwsCode } from '../../support/arxivAsserts';

const QUANT_PH = 'rss-quant-ph-2025-04-28.xml';
const COMBINED = 'rss-all-archives-combined-2024-11-28.xml';
const EMPTY = 'rss-empty-feed-test-archive-2024-11-28.xml';
const ERROR = 'rss-error-bad-archive-astroph-2024-11-28.xml';
const ATOM = path.join(projectRoot, 'test', 'fixtures', 'arxiv', 'atom-daily-math.OC-synthetic.xml');


function count<T>(xs: T[], pred: (x: T) => boolean): number {
  return xs.filter(pred).length;
}

/** Item fields read from the raw RSS text with plain regexes, to check the parser against. */
function rawItems(xml: string): Array<{ guid: string; type: string; categories: string[]; doi: boolean; jr: boolean }> {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, it]) => ({
    guid: (/<guid isPermaLink="false">oai:arXiv\.org:([^<]+)<\/guid>/.exec(it) as RegExpExecArray)[1],
    type: (/<arxiv:announce_type>([^<]+)</.exec(it) as RegExpExecArray)[1],
    categories: [...it.matchAll(/<category>([^<]+)<\/category>/g)].map((m) => m[1]),
    doi: it.includes('<arxiv:DOI>'),
    jr: it.includes('<arxiv:journal_reference>'),
  }));
}

function checkAgainstRaw(xml: string, res: ParsedResponse): void {
  const raw = rawItems(xml);
  assert.strictEqual(res.papers.length, raw.length);
  res.papers.forEach((p, i) => {
    const r = raw[i];
    assert.strictEqual(`${p.id}v${p.version}`, r.guid);
    assert.strictEqual(p.announceType, r.type);
    assert.deepStrictEqual(p.categories, r.categories);
    assert.strictEqual(p.primaryCategory, r.categories[0]);
    assert.strictEqual(p.doi !== null, r.doi, `${p.id} doi`);
    assert.strictEqual(p.journalRef !== null, r.jr, `${p.id} journal ref`);
    assert.ok(!p.summary.includes('Announce Type') && !p.summary.startsWith('Abstract:'), `${p.id} summary prefix`);
    assert.strictEqual(p.summary, p.summary.trim());
    assert.strictEqual(p.links.abs, `https://arxiv.org/abs/${p.id}`);
    assert.strictEqual(p.links.pdf, `https://arxiv.org/pdf/${p.id}v${p.version}`);
    assert.ok(p.license?.startsWith('http'), `${p.id} licence`);
    assert.ok(p.authors.length > 0 && p.authors.every((a) => a.name && !/[\\{}]/.test(a.name)), `${p.id} authors`);
    assert.strictEqual(p.published, null);
    assert.strictEqual(p.comment, null);
  });
}

describe('rss.arxiv.org feed parser', () => {
  describe('quant-ph RSS (real 2025 capture)', () => {
    const xml = readFixture(QUANT_PH);
    let res: ParsedResponse;
    before(() => {
      res = parseFeed(xml);
    });

    it('reads the channel: kind, title and announcement day', () => {
      assert.strictEqual(res.kind, 'rss');
      assert.strictEqual(res.title, 'quant-ph updates on arXiv.org');
      assert.strictEqual(res.announced, '2025-04-28T04:00:00.000Z');
      assert.strictEqual(res.totalResults, null);
      assert.strictEqual(res.startIndex, null);
    });

    it('has the 81 items: 40 new, 10 cross, 22 replace, 9 replace-cross', () => {
      assert.strictEqual(res.papers.length, 81);
      assert.strictEqual(count(res.papers, (p) => p.announceType === 'new'), 40);
      assert.strictEqual(count(res.papers, (p) => p.announceType === 'cross'), 10);
      assert.strictEqual(count(res.papers, (p) => p.announceType === 'replace'), 22);
      assert.strictEqual(count(res.papers, (p) => p.announceType === 'replace-cross'), 9);
      // SOURCES.md's "19 items with arxiv:DOI or arxiv:journal_reference" counts elements: 10 + 9 on 11 items.
      assert.strictEqual(count(res.papers, (p) => p.doi !== null), 10);
      assert.strictEqual(count(res.papers, (p) => p.journalRef !== null), 9);
      assert.strictEqual(count(res.papers, (p) => p.doi !== null || p.journalRef !== null), 11);
    });

    it('matches every item of the file: id, version, type, categories, DOI, journal ref', () => {
      checkAgainstRaw(xml, res);
    });

    it('reads the first item in full', () => {
      const p = res.papers[0];
      assert.strictEqual(p.id, '2504.17830');
      assert.strictEqual(p.version, 1);
      assert.strictEqual(p.title, 'Self-Adjoint Time Operator in a Weighted Energy Space');
      assert.ok(p.summary.startsWith('We introduce a self-adjoint time operator \\(T_w = i\\hbar'));
      assert.ok(p.summary.endsWith('which in turn leaves the Hamiltonian spectrum unbounded.'));
      assert.deepStrictEqual(p.authors, [{ name: 'Radmir Kokoulin', affiliations: [] }]);
      assert.strictEqual(p.license, 'http://creativecommons.org/licenses/by/4.0/');
      assert.deepStrictEqual(p.categories, ['quant-ph']);
    });

    it('takes the primary category from the first <category>, also for cross-lists', () => {
      const cross = byId(res, '2504.16299');
      assert.strictEqual(cross.announceType, 'cross');
      assert.strictEqual(cross.primaryCategory, 'cs.IT');
      assert.deepStrictEqual(cross.categories, ['cs.IT', 'math.IT', 'quant-ph']);
      assert.ok(res.papers.filter((p) => p.announceType === 'cross' || p.announceType === 'replace-cross').every((p) => p.primaryCategory !== 'quant-ph'));
    });

    it('reads replacements with their version, DOI and journal reference', () => {
      assert.strictEqual(byId(res, '2112.14988').version, 4);
      const p = byId(res, '2312.01259');
      assert.strictEqual(p.announceType, 'replace-cross');
      assert.strictEqual(p.version, 3);
      assert.strictEqual(p.doi, '10.1103/PhysRevLett.132.241601');
      assert.strictEqual(p.links.doi, 'https://doi.org/10.1103/PhysRevLett.132.241601');
      assert.strictEqual(p.journalRef, 'Phys. Rev. Lett. 132, 241601 (2024)');
    });

    it('splits affiliations that contain commas', () => {
      const p = byId(res, '2504.18264');
      assert.deepStrictEqual(p.authors.map((a) => a.name), ['M. R. Nirmal', 'Ankit Khandelwal', 'Manoj Nambiar', 'Sharma S. R. K. C. Yamijala']);
      assert.deepStrictEqual(p.authors[3].affiliations, [
        'Department of Chemistry', 'Indian Institute of Technology Madras', 'Chennai', 'India',
        'Centre for Quantum Information', 'Communication', 'and Computing', 'Indian Institute of Technology Madras', 'Chennai', 'India',
      ]);
    });

    it('keeps abstract paragraphs', () => {
      const p = byId(res, '2504.18188');
      assert.deepStrictEqual(p.summary.split('\n\n').map((s) => s.slice(0, 30)), ['In this work, we derive the fi', 'By applying these lifting theo']);
      assert.strictEqual(count(res.papers, (q) => q.summary.includes('\n')), (xml.match(/<description>[^<]*\n {2}[^<]*<\/description>/g) ?? []).length);
    });
  });

  describe('combined multi-archive RSS (real 2024 capture, 1504 items)', () => {
    const xml = readFixture(COMBINED);
    let res: ParsedResponse;
    before(() => {
      res = parseFeed(xml);
    });

    it('has 926 new, 569 replace and 9 cross items, 111 with DOI and 97 with journal ref', () => {
      assert.strictEqual(res.papers.length, 1504);
      assert.strictEqual(count(res.papers, (p) => p.announceType === 'new'), 926);
      assert.strictEqual(count(res.papers, (p) => p.announceType === 'replace'), 569);
      assert.strictEqual(count(res.papers, (p) => p.announceType === 'cross'), 9);
      assert.strictEqual(count(res.papers, (p) => p.doi !== null), 111);
      assert.strictEqual(count(res.papers, (p) => p.journalRef !== null), 97);
    });

    it('matches every item of the file', () => {
      checkAgainstRaw(xml, res);
      assert.strictEqual(res.title?.split(', ').length, 20);
      assert.strictEqual(res.announced, '2024-11-28T05:00:00.000Z');
    });

    it("turns `Benjamin R\\'emy (LEMTA)` into Benjamin Rémy with affiliation LEMTA", () => {
      const p = byId(res, '2411.17748');
      assert.deepStrictEqual(p.authors.slice(3), [
        { name: 'Nicolas Blet', affiliations: ['LEMTA'] },
        { name: 'Benjamin Rémy', affiliations: ['LEMTA'] },
        { name: 'Matthieu Urbain', affiliations: ['LEMTA'] },
      ]);
      assert.deepStrictEqual(p.authors[0], { name: 'Mohammed Riadh Berramdane', affiliations: ['IFPEN'] });
    });

    it('converts every TeX accent in the real author names', () => {
      const names = res.papers.flatMap((p) => p.authors.map((a) => a.name));
      for (const n of ['Jarosław Żygierewicz', 'Serdar Kadıoğlu', 'Václav Vavryčuk', 'Sofie Castro Holbæk', 'Rasmus Maråk', 'Alejandro Cárdenas-Avendaño', 'Raimundo Bastos', 'Luis Mendonça', 'S. Štimac', 'Marc Aragonès Fontboté']) {
        assert.ok(names.includes(n), n);
      }
      const raw = (xml.match(/<dc:creator>[^<]*\\[^<]*<\/dc:creator>/g) ?? []).length;
      assert.strictEqual(raw, 187);
      assert.ok(res.papers.flatMap((p) => p.authors).every((a) => !/[\\{}]/.test(a.name + a.affiliations.join(''))));
    });

    it('reads multi-valued affiliations and keeps parenthesised notes apart from names', () => {
      const names = res.papers.flatMap((p) => p.authors);
      assert.deepStrictEqual(names.find((a) => a.name === 'Aleteia Araujo'), {
        name: 'Aleteia Araujo',
        affiliations: ['University of Brasilia Brazil', 'The University of Melbourne Australia'],
      });
      assert.deepStrictEqual(names.find((a) => a.name === 'Knut Zoch'), { name: 'Knut Zoch', affiliations: ['for the ATLAS Collaboration'] });
    });
  });

  it('returns zero papers for the empty (weekend/holiday) feed', () => {
    const res = parseFeed(readFixture(EMPTY));
    assert.strictEqual(res.kind, 'rss');
    assert.deepStrictEqual(res.papers, []);
    assert.strictEqual(res.title, 'test updates on arXiv.org');
    assert.strictEqual(res.announced, '2024-11-28T05:00:00.000Z');
  });

  it('throws feed-error with the server message for the error channel', () => {
    throwsCode(() => parseFeed(readFixture(ERROR)), 'feed-error', /^Bad archive 'astroph'\. Valid archive names are: astro-ph, cond-mat, .* test\.$/);
  });

  it('parses every real RSS fixture, or throws feed-error for the error one', () => {
    const files = fs.readdirSync(arxivFixturesDir).filter((f) => f.startsWith('rss-'));
    assert.strictEqual(files.length, 4);
    for (const f of files) {
      const xml = readFixture(f);
      if (f === ERROR) throwsCode(() => parseFeed(xml), 'feed-error');
      else {
        const res = parseFeed(xml);
        assert.strictEqual(res.papers.length, (xml.match(/<item>/g) ?? []).length, f);
        assert.deepStrictEqual(parseAny(xml), res);
      }
    }
  });

  describe('Atom daily feed (synthetic, from the documented layout)', () => {
    const xml = fs.readFileSync(ATOM, 'utf8');
    let res: ParsedResponse;
    before(() => {
      res = parseFeed(xml);
    });

    it('reads the feed and its four entries', () => {
      assert.strictEqual(res.kind, 'atom');
      assert.strictEqual(res.title, 'math.OC updates on arXiv.org');
      assert.strictEqual(res.announced, '2024-08-23T04:00:00.000Z');
      assert.deepStrictEqual(res.papers.map((p) => [p.id, p.version, p.announceType]), [
        ['2408.12001', 1, 'new'],
        ['2408.11950', 1, 'cross'],
        ['2203.01250', 3, 'replace-cross'],
        ['math/0309136', 2, 'replace'],
      ]);
      assert.deepStrictEqual(parseAny(xml), res);
    });

    it('reads every field of an entry', () => {
      const [first, cross, documented, old] = res.papers;
      assert.strictEqual(first.title, 'Convergence of proximal schemes for $\\ell_1$-regularised problems & their duals');
      assert.strictEqual(first.summary, 'We study proximal schemes when $x < y$ and the step size is small.\n\nIn a second paragraph we give rates.');
      assert.deepStrictEqual(first.authors, [
        { name: 'Françoise Dupré', affiliations: ['LJLL', 'Sorbonne Université'] },
        { name: 'Paweł Nowak', affiliations: [] },
        { name: 'Søren Madsen', affiliations: ['DTU'] },
      ]);
      assert.deepStrictEqual(first.categories, ['math.OC', 'cs.LG']);
      assert.strictEqual(first.license, 'http://creativecommons.org/licenses/by/4.0/');
      assert.strictEqual(first.links.abs, 'https://arxiv.org/abs/2408.12001');
      assert.strictEqual(cross.primaryCategory, 'eess.SY');
      assert.strictEqual(documented.doi, '10.5802/jep.257');
      assert.strictEqual(documented.journalRef, "Journal de l'\\'Ecole polytechnique - Math\\'ematiques, Tome 11 (2024), pp. 431-472");
      assert.deepStrictEqual(documented.authors.map((a) => a.name), ['Antonin Monteil', 'Paul Pegon']);
      assert.ok(documented.summary.startsWith('We consider first order local minimization problems'));
      assert.strictEqual(documented.links.pdf, 'https://arxiv.org/pdf/2203.01250v3');
      assert.deepStrictEqual(old.categories, ['math.OC']);
      assert.deepStrictEqual(old.otherClassifications, ['57M25']);
      assert.strictEqual(old.links.pdf, 'https://arxiv.org/pdf/math/0309136v2');
    });

    it('throws feed-error for an Atom error feed', () => {
      const err = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>http://rss.arxiv.org/atom/astroph</id><title>Feed error for query: http://rss.arxiv.org/atom/astroph</title><updated>2024-11-28T17:29:24+00:00</updated><subtitle>Bad archive 'astroph'.</subtitle></feed>`;
      throwsCode(() => parseFeed(err), 'feed-error', /^Bad archive 'astroph'\.$/);
    });
  });

  describe('synthesised RSS bodies', () => {
    const channel = (items: string, ns = 'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/"', prefixes = { arxiv: 'arxiv', dc: 'dc' }): string =>
      `<?xml version='1.0' encoding='UTF-8'?>
<rss ${ns} version="2.0"><channel><title>cs.LG updates on arXiv.org</title><pubDate>Mon, 28 Apr 2025 00:00:00 -0400</pubDate>
${items.replace(/\barxiv:/g, `${prefixes.arxiv}:`).replace(/\bdc:/g, `${prefixes.dc}:`)}
</channel></rss>`;
    const item = `<item><title>A &lt;title&gt; &amp; more</title><link>https://arxiv.org/abs/2504.00001</link>
<description>arXiv:2504.00001v2 Announce Type: replace 
Abstract: x &lt; y, <![CDATA[a & b]]>.</description>
<guid isPermaLink="false">oai:arXiv.org:2504.00001v2</guid><category>cs.LG</category><category>stat.ML</category>
<arxiv:announce_type>replace</arxiv:announce_type><dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
<dc:creator>Ann Lee (Dept. of CS (AI Lab), Univ. X), Bo Li</dc:creator></item>`;

    it('decodes entities and CDATA, and nests parentheses in affiliations', () => {
      const p = parseFeed(channel(item)).papers[0];
      assert.strictEqual(p.title, 'A <title> & more');
      assert.strictEqual(p.summary, 'x < y, a & b.');
      assert.strictEqual(p.version, 2);
      assert.deepStrictEqual(p.authors, [
        { name: 'Ann Lee', affiliations: ['Dept. of CS (AI Lab)', 'Univ. X'] },
        { name: 'Bo Li', affiliations: [] },
      ]);
    });

    it('resolves the arXiv and Dublin Core prefixes through their declarations', () => {
      const other = channel(item, 'xmlns:ax="http://arxiv.org/schemas/atom" xmlns:d="http://purl.org/dc/elements/1.1/"', { arxiv: 'ax', dc: 'd' });
      assert.ok(other.includes('<ax:announce_type>') && other.includes('<d:creator>'));
      assert.deepStrictEqual(parseFeed(other), parseFeed(channel(item)));
      throwsCode(() => parseFeed(channel(item, 'xmlns:dc="http://purl.org/dc/elements/1.1/"')), 'malformed-xml', /arxiv/);
    });

    it('falls back to the description for id, version and type when guid and announce_type are missing', () => {
      const bare = item.replace(/<guid[^]*?<\/guid>/, '').replace(/<arxiv:announce_type>[^<]*<\/arxiv:announce_type>/, '');
      const p = parseFeed(channel(bare)).papers[0];
      assert.deepStrictEqual([p.id, p.version, p.announceType], ['2504.00001', 2, 'replace']);
    });

    it('throws malformed-xml for every truncation of a real feed', () => {
      const xml = readFixture(QUANT_PH).trimEnd();
      fc.assert(
        fc.property(fc.integer({ min: 0, max: xml.length - 1 }), (cut) => {
          throwsCode(() => parseFeed(xml.slice(0, cut)), 'malformed-xml');
        }),
        { numRuns: 200 },
      );
    });

    it('throws unexpected-content for HTML, plain text and an API response', () => {
      throwsCode(() => parseFeed('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>'), 'unexpected-content', /HTML/);
      throwsCode(() => parseFeed('Feed not found'), 'unexpected-content');
      throwsCode(() => parseFeed(readFixture('api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml')), 'unexpected-content', /API/);
      throwsCode(() => parseFeed('<?xml version="1.0"?><opml version="2.0"><body/></opml>'), 'unexpected-content', /opml/);
    });
  });

  describe('dc:creator splitting', () => {
    it('splits at commas outside parentheses and tolerates an unclosed parenthesis', () => {
      assert.deepStrictEqual(parseCreators('A (X, Y), B, C (Z)'), [
        { name: 'A', affiliations: ['X', 'Y'] },
        { name: 'B', affiliations: [] },
        { name: 'C', affiliations: ['Z'] },
      ]);
      assert.deepStrictEqual(parseCreators('A (X, Y'), [{ name: 'A', affiliations: ['X', 'Y'] }]);
      assert.deepStrictEqual(parseCreators(' ,  A ,, B '), [
        { name: 'A', affiliations: [] },
        { name: 'B', affiliations: [] },
      ]);
      assert.deepStrictEqual(parseCreators(''), []);
    });

    it('round-trips generated author lists', () => {
      const word = fc.stringMatching(/^[A-Z][a-z]{1,8}$/);
      const author = fc.record(
        {
          name: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
          affiliations: fc.array(fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), { maxLength: 3 }),
        },
        { noNullPrototype: true },
      );
      fc.assert(
        fc.property(fc.array(author, { minLength: 1, maxLength: 6 }), (authors) => {
          const s = authors.map((a) => (a.affiliations.length ? `${a.name} (${a.affiliations.join(', ')})` : a.name)).join(', ');
          assert.deepStrictEqual(parseCreators(s), authors);
        }),
      );
    });
  });

  describe('TeX accents', () => {
    const table: Array<[string, string]> = [
      ["R\\'emy", 'Rémy'],
      ['J\\"org', 'Jörg'],
      ["{\\'e}cole", 'école'],
      ["\\'{E}cole", 'École'],
      ['Fran\\c{c}ois', 'François'],
      ['Fran\\c cois', 'François'],
      ['Nu\\~nez', 'Nuñez'],
      ['\\`a la', 'à la'],
      ['L\\^etu', 'Lêtu'],
      ['Pawe{\\l}', 'Paweł'],
      ['{\\L}uksza', 'Łuksza'],
      ['S{\\o}ren', 'Søren'],
      ['Holb{\\ae}k', 'Holbæk'],
      ['Mar{\\aa}k', 'Maråk'],
      ['Stra\\ss e', 'Straße'],
      ['Kad{\\i}o\\u{g}lu', 'Kadıoğlu'],
      ["Mart\\'{\\i}nez", 'Martínez'],
      ["Mart\\'\\i nez", 'Martínez'],
      ['Erd\\H{o}s', 'Erdős'],
      ['\\v{S}imon \\v{c}', 'Šimon č'],
      ['Zi\\k{e}ba', 'Zięba'],
      ['\\.Zygierewicz', 'Żygierewicz'],
      ['Gu{\\dh}mundur', 'Guðmundur'],
      ['\\r{A}ngstr\\"om', 'Ångström'],
      ['\\=a', 'ā'],
      ['no accents here', 'no accents here'],
      ['$\\alpha$ and \\cite{x} stay', '$\\alpha$ and \\cite{x} stay'],
      ['\\relax{}', '\\relax{}'],
    ];
    for (const [tex, unicode] of table) {
      it(`${tex} -> ${unicode}`, () => assert.strictEqual(texAccentsToUnicode(tex), unicode));
    }

    it('produces NFC text', () => {
      const out = texAccentsToUnicode("D\\'enes P\\'eter Dus\\'an Isp\\'anovity");
      assert.strictEqual(out, 'Dénes Péter Dusán Ispánovity');
      assert.strictEqual(out, out.normalize('NFC'));
    });
  });

  it('every paper of every feed fixture has a parseable id', () => {
    for (const f of [QUANT_PH, COMBINED]) {
      for (const p of parseFeed(readFixture(f)).papers) {
        const r = parseArxivId(p.id);
        assert.ok(r.ok && r.id.version === null, p.id);
      }
    }
  });
});
