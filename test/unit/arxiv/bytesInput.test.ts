/**
 * The parsers read a response's bytes as received, one record at a time (the client never
 * decodes a whole body). Whatever the records hold, the result must be the one the text gives.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseApiResponse } from '../../../src/core/arxiv/apiParser';
import { parseFeed } from '../../../src/core/arxiv/feedParser';
import { parseAny } from '../../../src/core/arxiv/parse';
import { arxivFixturesDir, projectRoot, readFixture } from '../../support/paths';
import { throwsCode } from '../../support/arxivAsserts';

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

/** An RSS daily feed around `items`, with the arXiv and Dublin Core prefixes declared on the root. */
function rss(items: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>cs.LG updates on arXiv.org</title>
<pubDate>Mon, 28 Apr 2025 00:00:00 -0400</pubDate>
${items}
</channel></rss>
`;
}

function item(n: number, { title = `Title ${n}`, abstract = `Abstract ${n}.`, creator = `Author ${n}` } = {}): string {
  const id = `2504.${String(n).padStart(5, '0')}`;
  return `<item><title>${title}</title><link>https://arxiv.org/abs/${id}</link>
<description>arXiv:${id}v1 Announce Type: new 
Abstract: ${abstract}</description>
<guid isPermaLink="false">oai:arXiv.org:${id}v1</guid><category>cs.LG</category>
<arxiv:announce_type>new</arxiv:announce_type><dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
<dc:creator>${creator}</dc:creator></item>`;
}

describe('parsing the bytes of a response', () => {
  it('gives the same result as the text for every fixture', () => {
    const files = fs.readdirSync(arxivFixturesDir).filter((f) => f.endsWith('.xml')).map((f) => path.join(arxivFixturesDir, f));
    files.push(path.join(projectRoot, 'test', 'fixtures', 'arxiv', 'atom-daily-math.OC-synthetic.xml'));
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const text = bytes.toString('utf8');
      let expected: unknown;
      try {
        expected = parseAny(text);
      } catch (e) {
        expected = e;
      }
      if (expected instanceof Error) {
        assert.throws(() => parseAny(bytes), (e: Error) => e.message === (expected as Error).message, file);
        continue;
      }
      assert.deepStrictEqual(parseAny(bytes), expected, file);
      assert.deepStrictEqual(parseAny(new Uint8Array(bytes)), expected, `${file} as a plain Uint8Array`);
      const direct = path.basename(file).startsWith('api-') ? parseApiResponse(bytes) : parseFeed(bytes);
      assert.deepStrictEqual(direct, expected, file);
    }
  });

  it('reads records with characters beyond ASCII next to ASCII-only ones, and a byte order mark', () => {
    const xml = rss([
      item(1),
      item(2, { title: 'Équations de Schrödinger — 量子 😀', abstract: 'Über &amp; <![CDATA[naïve]]> “quotes”.', creator: 'Benjamin R\\\'emy (Université Paris-Saclay), Zoë Ünal' }),
      item(3),
    ].join('\n'));
    for (const body of [utf8(xml), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(xml)])]) {
      const res = parseFeed(body);
      assert.deepStrictEqual(res, parseFeed(xml));
      assert.deepStrictEqual(res.papers.map((p) => p.id), ['2504.00001', '2504.00002', '2504.00003']);
      const p = res.papers[1];
      assert.strictEqual(p.title, 'Équations de Schrödinger — 量子 😀');
      assert.strictEqual(p.summary, 'Über & naïve “quotes”.');
      assert.deepStrictEqual(p.authors, [
        { name: 'Benjamin Rémy', affiliations: ['Université Paris-Saclay'] },
        { name: 'Zoë Ünal', affiliations: [] },
      ]);
      assert.strictEqual(res.papers[2].title, 'Title 3');
    }
  });

  it('cuts records only at real tags: not inside CDATA or comments, not at longer names', () => {
    const tricky = item(2, { abstract: '<![CDATA[a </item> <item> b]]> c' }).replace(/<\/item>$/, '<!-- </item> --></item>');
    const xml = rss([item(1), '<!-- <item><title>not an item</title></item> -->', tricky, '<itemx>not a record</itemx>', item(3)].join('\n'));
    for (const body of [xml, utf8(xml)]) {
      const res = parseFeed(body);
      assert.deepStrictEqual(res.papers.map((p) => p.id), ['2504.00001', '2504.00002', '2504.00003']);
      assert.strictEqual(res.papers[1].summary, 'a </item> <item> b c');
    }
  });

  it('resolves prefixes declared on the root, on the record or on the field, and an Atom root with a prefix', () => {
    const onRecord = item(1).replace('<item>', '<item xmlns:ax="http://arxiv.org/schemas/atom">').replace(/arxiv:announce_type/g, 'ax:announce_type').replace('new</ax', 'cross</ax');
    const onField = item(2).replace('<dc:creator>', '<k:creator xmlns:k="http://purl.org/dc/elements/1.1/">').replace('</dc:creator>', '</k:creator>');
    const xml = rss([onRecord, onField].join('\n'));
    for (const body of [xml, utf8(xml)]) {
      const res = parseFeed(body);
      assert.deepStrictEqual(res.papers.map((p) => [p.announceType, p.authors[0].name]), [['cross', 'Author 1'], ['new', 'Author 2']]);
    }
    const atom = readFixture('api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml')
      .replace('xmlns="http://www.w3.org/2005/Atom"', 'xmlns:a="http://www.w3.org/2005/Atom"')
      .replace(/<(\/?)(entry|feed|id|title|updated|link|summary|published|author|name|category)\b/g, '<$1a:$2');
    assert.ok(atom.includes('<a:entry>'));
    const res = parseApiResponse(utf8(atom));
    assert.strictEqual(res.papers.length, 20);
    assert.deepStrictEqual(res, parseApiResponse(readFixture('api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml')));
  });

  it('throws malformed-xml for every truncation of the bytes, inside a character too', () => {
    const bytes = utf8(rss([item(1), item(2, { title: 'Schrödinger 量子 😀 '.repeat(8) }), item(3)].join('\n')).trimEnd());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (cut) => {
        throwsCode(() => parseFeed(bytes.subarray(0, cut)), 'malformed-xml');
      }),
      { numRuns: 300 },
    );
    const real = utf8(readFixture('api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml').trimEnd());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: real.length - 1 }), (cut) => {
        throwsCode(() => parseApiResponse(real.subarray(0, cut)), 'malformed-xml');
      }),
      { numRuns: 200 },
    );
  });

  it('reports where in the body a record is malformed, in bytes of its UTF-8 encoding (text is read as that)', () => {
    const bad = item(2, { title: 'Schrödinger — 量子 & co' });
    const xml = rss([item(1, { title: 'Équations' }), bad].join('\n'));
    const at = Buffer.byteLength(xml.slice(0, xml.indexOf('& co')));
    assert.notStrictEqual(at, xml.indexOf('& co'));
    throwsCode(() => parseFeed(utf8(xml)), 'malformed-xml', new RegExp(`\\(at offset ${at}\\)`));
    throwsCode(() => parseFeed(xml), 'malformed-xml', new RegExp(`\\(at offset ${at}\\)`));
  });

  it('refuses a body that is neither text nor bytes', () => {
    throwsCode(() => parseAny({ length: 3 } as unknown as string), 'unexpected-content', /neither text nor bytes/);
  });
});
