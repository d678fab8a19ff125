import * as assert from 'assert';
import * as fc from 'fast-check';
import { ANNOUNCE_PREFIX_RE, announcePrefixLength } from '../../../src/core/arxiv/announcePrefix';
import { fittedOrNone, ScratchList, shared } from '../../../src/core/arxiv/compactValues';
import { addCreatorsOf, parseCreators } from '../../../src/core/arxiv/feedAuthors';
import { parseFeed } from '../../../src/core/arxiv/feedParser';
import type { Author } from '../../../src/core/arxiv/types';
import { abstractOf, collapsedTextOf, collapseWhitespace, normalizeAbstract, trimmedTextOf } from '../../../src/core/arxiv/text';
import { attrOf, forEachChild, plainTrimmedText, textOf, XmlElement } from '../../../src/core/xml/element';
import { forEachRecord, parseSkeleton, sniff, splitRecords } from '../../../src/core/xml/recordDocument';
import { xmlSource } from '../../../src/core/xml/source';
import { readFixture } from '../../support/paths';

/**
 * `read` of each child of every <rec> of `xml`, read in place from its bytes (as the client reads
 * responses). Called while the record is visited: the reader reuses its elements afterwards.
 */
function recordChildren<T>(xml: string, read: (child: XmlElement) => T): T[] {
  const src = xmlSource(Buffer.from(xml, 'utf8'));
  const s = sniff(src);
  assert.ok(s.kind === 'xml');
  const { skeleton, spans } = splitRecords(src, 'rec', s.root.offset);
  const out: T[] = [];
  forEachRecord(src, spans, parseSkeleton(skeleton).scope, (r) => forEachChild(r, (c) => out.push(read(c))));
  return out;
}

const doc = (values: string[]): string =>
  `<root xmlns="urn:x">${values.map((v) => `<rec><v>${v}</v></rec>`).join('\n')}</root>`;

// Whitespace of every kind the cleaners see, entities, CR and markup, around plain words.
const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2003', '&amp;', '&#32;', '&#10;', '<![CDATA[ c ]]>', '<!-- x -->', 'word', 'é', '—', '😀');
const rawValue = fc.array(piece, { maxLength: 10 }).map((ps) => ps.join(''));

describe('field values read in place (the one-copy path for clean values)', () => {
  it('equal the decoded text cleaned afterwards, for any mix of whitespace, entities and markup', () => {
    fc.assert(
      fc.property(fc.array(rawValue, { minLength: 1, maxLength: 6 }), (values) => {
        recordChildren(doc(values), (c) => {
          const text = textOf(c);
          assert.strictEqual(trimmedTextOf(c), text.trim());
          assert.strictEqual(collapsedTextOf(c), text.replace(/\s+/g, ' ').trim());
          assert.strictEqual(abstractOf(c), normalizeAbstract(text));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('copy a value straight out only when its raw text needs neither decoding nor cleaning inside', () => {
    const read = recordChildren(doc(['  Deep  learning ', ' Deep learning\n', 'A &amp; B', 'a\r\nb']), (c) => ({
      any: plainTrimmedText(c, 'any'),
      singleSpaces: plainTrimmedText(c, 'single-spaces'),
      noLineFeeds: plainTrimmedText(c, 'no-line-feeds'),
      collapsed: collapsedTextOf(c),
    }));
    const [plain, spaced, entity, cr] = read;
    assert.strictEqual(plain.any, 'Deep  learning');
    assert.strictEqual(plain.singleSpaces, undefined);
    assert.strictEqual(spaced.singleSpaces, 'Deep learning');
    assert.strictEqual(entity.any, undefined);
    assert.strictEqual(cr.noLineFeeds, undefined);
    assert.strictEqual(entity.collapsed, 'A & B');
  });

  it('collapseWhitespace gives what the plain regex gives, sparing only the copy', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\ufeff', 'a', 'bc', 'é', '—'), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        assert.strictEqual(collapseWhitespace(s), s.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe('attributes read in place', () => {
  it('finds each attribute however it is quoted and spaced, the last of a repeated name winning', () => {
    const [el] = recordChildren(`<root xmlns="urn:x" xmlns:p="urn:p"><rec><p:link  href = 'https://a.org/x?a=1&amp;b=2'\n\ttitle="pdf" rel="related" title="last"/></rec></root>`, (c) => ({
      ns: c.ns,
      local: c.local,
      attrs: ['href', 'rel', 'title', 'titl', 'type'].map((n) => attrOf(c, n)),
    }));
    assert.deepStrictEqual(el, { ns: 'urn:p', local: 'link', attrs: ['https://a.org/x?a=1&b=2', 'related', 'last', null, null] });
  });

  it('resolves namespaces declared on a record child, and gives every record the same element names', () => {
    const kids = recordChildren(`<root xmlns="urn:x"><rec><a:c xmlns:a="urn:a" t="1">x</a:c><long_element_name_here>y</long_element_name_here></rec><rec><long_element_name_here>z</long_element_name_here></rec></root>`, (k) => [k.ns, k.local, textOf(k), attrOf(k, 't')]);
    assert.deepStrictEqual(kids, [['urn:a', 'c', 'x', '1'], ['urn:x', 'long_element_name_here', 'y', null], ['urn:x', 'long_element_name_here', 'z', null]]);
  });
});

describe('daily feed abstracts', () => {
  const item = (description: string): string =>
    `<rss version="2.0"><channel><title>cs.LG updates on arXiv.org</title><item><title>T</title><link>https://arxiv.org/abs/2411.00001</link><description>${description}</description><guid isPermaLink="false">oai:arXiv.org:2411.00001v1</guid><category>cs.LG</category></item></channel></rss>`;

  it('are the same whether the prefix is read in place or has to be decoded first', () => {
    const cases = [
      'arXiv:2411.00001v1 Announce Type: new \nAbstract: We study X &amp; Y.',
      'arXiv:2411.00001v1 Announce Type: new \nAbstract: We study X.',
      'arXiv:2411.00001v1 Announce Type: cross \r\nAbstract: We study X.',
      'arXiv:2411.00001v1 Announce Type: new \nAbstract:&#32;We study X.',
      'arXiv:2411.00001v1&#32;Announce Type: replace \nAbstract: We study X.\n  Second paragraph.',
      'No prefix at all.',
    ];
    const got = cases.map((d) => {
      const p = parseFeed(Buffer.from(item(d), 'utf8')).papers[0];
      return [p.summary, p.announceType];
    });
    assert.deepStrictEqual(got, [
      ['We study X & Y.', 'new'],
      ['We study X.', 'new'],
      ['We study X.', 'cross'],
      ['We study X.', 'new'],
      ['We study X.\n\nSecond paragraph.', 'replace'],
      ['No prefix at all.', null],
    ]);
  });
});

describe('the announcement prefix read in place', () => {
  // The prefix's tokens and the separators a serializer might put between them.
  const space = fc.constantFrom('', ' ', '  ', '\t', '\n', ' \n', '\r\n', '&#32;', '\u00a0');
  const token = fc.constantFrom('2411.00001v1', 'math/0309136v2', 'new', 'replace-cross', 'x&amp;y', 'é', '');
  const tail = fc.constantFrom('', 'We study X.', ' We', '\tWe', '\r\nWe', '&amp; more', 'é', '<![CDATA[X]]>');
  const description = fc
    .tuple(space, token, space, token, space, fc.boolean(), space, tail)
    .map(([s0, id, s1, type, s2, abs, s3, t]) => `${s0}arXiv:${id}${s1}Announce Type:${s2}${type}${s3}${abs ? 'Abstract:' : ''}${t}`);

  it("is the regexp's match on the decoded text whenever the bytes show it plainly", () => {
    fc.assert(
      fc.property(fc.array(description, { minLength: 1, maxLength: 4 }), (descriptions) => {
        recordChildren(doc(descriptions), (c) => {
          const n = announcePrefixLength(c);
          if (n === -1) return;
          const m = ANNOUNCE_PREFIX_RE.exec(textOf(c));
          assert.ok(m, 'read in place where the regexp finds no prefix');
          assert.strictEqual(n, m[0].length);
        });
      }),
      { numRuns: 600 },
    );
  });

  it('reads the prefix of every item of a recorded feed in place, and leaves decoding-dependent ones to the regexp', () => {
    const xml = readFixture('rss-quant-ph-2025-04-28.xml');
    const src = xmlSource(Buffer.from(xml, 'utf8'));
    const s = sniff(src);
    assert.ok(s.kind === 'xml');
    const { skeleton, spans } = splitRecords(src, 'item', s.root.offset);
    const lengths: number[] = [];
    forEachRecord(src, spans, parseSkeleton(skeleton).scope, (r) =>
      forEachChild(r, (c) => {
        if (c.local === 'description') lengths.push(announcePrefixLength(c));
      }),
    );
    assert.ok(lengths.length > 50);
    assert.deepStrictEqual(lengths.filter((n) => n <= 0), []);
    const [plain, cr, entity] = recordChildren(
      doc(['arXiv:2411.00001v1 Announce Type: new \nAbstract: X', 'arXiv:2411.00001v1 Announce Type: new \r\nAbstract: X', 'arXiv:2411.00001v1&#32;Announce Type: new \nAbstract: X']),
      announcePrefixLength,
    );
    assert.deepStrictEqual([plain, cr, entity], ['arXiv:2411.00001v1 Announce Type: new \nAbstract: '.length, -1, -1]);
  });
});

describe('authors read from a dc:creator element', () => {
  const part = fc.constantFrom('Ann', 'Lee', ' ', '  ', '\t', '\n', ', ', ',', ' (', ')', '(MIT, CSAIL)', "R\\'emy", 'Pál', '\u00a0', '&amp;', '&#44;', '<![CDATA[, x]]>', '\r\n');

  it('are what parseCreators reads from the decoded text, for any mix of names, affiliations, spacing and markup', () => {
    fc.assert(
      fc.property(fc.array(fc.array(part, { maxLength: 14 }).map((ps) => ps.join('')), { minLength: 1, maxLength: 4 }), (values) => {
        recordChildren(doc(values), (c) => {
          const authors: Author[] = [];
          addCreatorsOf(c, authors);
          assert.deepStrictEqual(authors, parseCreators(textOf(c)));
        });
      }),
      { numRuns: 600 },
    );
  });
});

describe('compact paper values', () => {
  it('a scratch list forgets what it held before clear, and hands out fitted copies', () => {
    const list = new ScratchList<string>();
    list.push('cs.LG');
    list.push('stat.ML');
    assert.deepStrictEqual(list.fitted(), ['cs.LG', 'stat.ML']);
    list.clear().push('cs.CV');
    assert.strictEqual(list.length, 1);
    assert.strictEqual(list.at(0), 'cs.CV');
    assert.strictEqual(list.at(1), undefined);
    assert.ok(list.includes('cs.CV'));
    assert.ok(!list.includes('stat.ML'), 'an item from before clear still counted');
    const copy = list.fitted();
    list.clear();
    assert.deepStrictEqual(copy, ['cs.CV']);
    assert.strictEqual(list.fittedOrNone(), fittedOrNone([]));
  });

  it('share one frozen empty list and one string per repeated value, equal to what they stand for', () => {
    const a = fittedOrNone<string>([]);
    assert.strictEqual(a, fittedOrNone<number>([]));
    assert.deepStrictEqual(a, []);
    assert.ok(Object.isFrozen(a));
    const own = ['MIT'];
    const fit = fittedOrNone(own);
    assert.deepStrictEqual(fit, ['MIT']);
    assert.notStrictEqual(fit, own);
    const long = 'cond-mat.stat-mech (x)'.slice(0, 18);
    assert.strictEqual(shared(long), 'cond-mat.stat-mech');
    assert.strictEqual(shared('cond-mat.stat-mech'), shared(long));
  });

  it('authors without affiliations, from every source, read as an empty list', () => {
    const rss = parseFeed(Buffer.from(
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><item><title>T</title><link>https://arxiv.org/abs/2411.00001</link><description>x</description><guid isPermaLink="false">oai:arXiv.org:2411.00001v1</guid><dc:creator>Ann Lee, Bo Li (MIT)</dc:creator></item></channel></rss>',
      'utf8',
    ));
    assert.deepStrictEqual(rss.papers[0].authors, [{ name: 'Ann Lee', affiliations: [] }, { name: 'Bo Li', affiliations: ['MIT'] }]);
    assert.deepStrictEqual(rss.papers[0].otherClassifications, []);
  });
});
