import * as assert from 'assert';
import * as fc from 'fast-check';
import { attrOf, forEachChild, textOf, XmlElement } from '../../../src/core/xml/element';
import { decodeEntities, rawToText } from '../../../src/core/xml/entities';
import { forEachRecord, parseSkeleton, sniff, splitRecords } from '../../../src/core/xml/recordDocument';
import { XmlInput, xmlSource } from '../../../src/core/xml/source';
import { XmlSyntaxError } from '../../../src/core/xml/syntaxError';
import { checkDocument } from '../../../src/core/xml/wellFormed';

/** A generated record child: qualified by one of the declared prefixes, with attributes and mixed text. */
interface Child {
  prefix: '' | 'p' | 'q';
  local: string;
  attrs: Array<[string, string]>;
  parts: Array<{ kind: 'text' | 'cdata' | 'comment'; value: string }>;
}

const NS: Record<Child['prefix'], string> = { '': 'urn:default', p: 'urn:p', q: 'urn:q' };

const textChar = fc.constantFrom(...'ab xyz<>&"\'\n\t;#é€-]'.split(''), '😀', '\r\n', '\r');
const text = fc.array(textChar, { maxLength: 12 }).map((cs) => cs.join(''));
const child: fc.Arbitrary<Child> = fc.record(
  {
    prefix: fc.constantFrom<Child['prefix']>('', 'p', 'q'),
    local: fc.stringMatching(/^[a-z][a-z0-9_.-]{0,6}$/),
    attrs: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/), text), { maxLength: 3, selector: ([n]) => n }),
    parts: fc.array(
      fc.oneof(
        text.map((value) => ({ kind: 'text' as const, value })),
        text.filter((v) => !v.includes(']]>')).map((value) => ({ kind: 'cdata' as const, value })),
        text.filter((v) => !v.includes('--') && !v.endsWith('-')).map((value) => ({ kind: 'comment' as const, value })),
      ),
      { maxLength: 4 },
    ),
  },
  { noNullPrototype: true },
);

/** Escape text the way a serializer may: named or numeric references, chosen by `style`. */
function escape(s: string, style: number): string {
  return [...s]
    .map((ch) => {
      if (ch === '&') return style % 2 ? '&amp;' : '&#38;';
      if (ch === '<') return style % 3 ? '&lt;' : '&#x3C;';
      if (ch === '>') return '&gt;';
      if (ch === '"') return '&quot;';
      if (ch === '😀' && style % 5 === 0) return '&#x1F600;';
      return ch;
    })
    .join('');
}

function serialize(c: Child, style: number): string {
  const q = c.prefix ? `${c.prefix}:${c.local}` : c.local;
  // Literal whitespace in attribute values is normalised to spaces by XML; serializers write references.
  const attrs = c.attrs.map(([n, v]) => ` ${n}="${escape(v, style).replace(/[\r\n\t]/g, (w) => `&#${w.charCodeAt(0)};`)}"`).join('');
  const body = c.parts
    .map((p) => (p.kind === 'text' ? escape(p.value, style) : p.kind === 'cdata' ? `<![CDATA[${p.value}]]>` : `<!--${p.value}-->`))
    .join('');
  return `<${q}${attrs}>${body}</${q}>`;
}

/**
 * What a reader must return: comments dropped and line ends normalised (CR LF or a lone CR read
 * as LF) over the raw character stream, so only adjacent text parts can form one CR LF.
 */
function expectedText(c: Child): string {
  const runs: Array<{ kind: string; value: string }> = [];
  for (const p of c.parts) {
    const last = runs[runs.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') last.value += p.value;
    else runs.push({ ...p });
  }
  return runs.filter((r) => r.kind !== 'comment').map((r) => r.value.replace(/\r\n?/g, '\n')).join('');
}

function doc(records: Child[][], style: number): string {
  const recs = records.map((r) => `  <rec>${r.map((c) => serialize(c, style)).join('\n    ')}</rec>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- generated -->\n<root xmlns="urn:default" xmlns:p="urn:p" xmlns:q="urn:q"><title>t</title>\n${recs.join('\n')}\n</root>\n`;
}

interface Seen {
  ns: string | null;
  local: string;
  text: string;
}

function childrenOf(r: XmlElement): Seen[] {
  const out: Seen[] = [];
  forEachChild(r, (c) => out.push({ ns: c.ns, local: c.local, text: textOf(c) }));
  return out;
}

/** What a reader gives of a record: its namespace, its children and their attributes. */
interface RecordRead {
  ns: string | null;
  children: Seen[];
  attrs: Array<Record<string, string | null>>;
}

/** Read while the record is being visited: the reader reuses its elements for the next record. */
function readRecord(r: XmlElement, records: Child[][], i: number): RecordRead {
  const attrs: RecordRead['attrs'] = [];
  let k = 0;
  forEachChild(r, (c) => {
    attrs.push(Object.fromEntries((records[i][k] ?? { attrs: [] }).attrs.map(([n]) => [n, attrOf(c, n)])));
    k++;
  });
  return { ns: r.ns, children: childrenOf(r), attrs };
}

/** Records read in place and via fast-xml-parser's tree both match what was generated. */
function checkRecords(records: Child[][], inPlace: RecordRead[], viaTree: RecordRead[]): void {
  records.forEach((rec, i) => {
    for (const read of [inPlace[i], viaTree[i]]) {
      assert.strictEqual(read.ns, 'urn:default');
      assert.deepStrictEqual(
        read.children,
        rec.map((c) => ({ ns: NS[c.prefix], local: c.local, text: expectedText(c) })),
      );
      assert.deepStrictEqual(read.attrs, rec.map((c) => Object.fromEntries(c.attrs)));
    }
  });
  assert.deepStrictEqual(inPlace.map((r) => r.children), viaTree.map((r) => r.children));
}

describe('XML reading (records read in place, skeleton by fast-xml-parser)', () => {
  it('reads generated records exactly as written, and as fast-xml-parser reads them', () => {
    fc.assert(
      fc.property(fc.array(fc.array(child, { maxLength: 5 }), { maxLength: 4 }), fc.integer({ min: 1, max: 30 }), (records, style) => {
        const xml = doc(records, style);
        // The same records, read by fast-xml-parser as part of a whole document.
        const viaTree: RecordRead[] = [];
        forEachChild(parseSkeleton(xml), (c) => {
          if (c.local === 'rec') viaTree.push(readRecord(c, records, viaTree.length));
        });
        // Read in place, one record at a time, from the text (read as its UTF-8 encoding) and from the bytes.
        for (const input of [xml, Buffer.from(xml, 'utf8')]) {
          const src = xmlSource(input);
          const s = sniff(src);
          assert.ok(s.kind === 'xml');
          const { skeleton, spans } = splitRecords(src, 'rec', s.root.offset);
          assert.strictEqual(spans.length, records.length * 2);
          const top = parseSkeleton(skeleton);
          const inPlace: RecordRead[] = [];
          forEachRecord(src, spans, top.scope, (r) => inPlace.push(readRecord(r, records, inPlace.length)));
          assert.strictEqual(inPlace.length, records.length);
          checkRecords(records, inPlace, viaTree);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads the elements inside each record's children anew, though the next record reuses their objects", () => {
    const xml =
      '<root><rec><author><name>Ann</name><aff>MIT</aff><aff>CMU</aff></author><author><name>Bo</name></author></rec>' +
      '<rec><title>t</title><author><name>Cy</name></author></rec>' +
      '<rec><author/><author><aff>ETH</aff><name>Di</name></author><author><name>Ed</name><aff>EPFL</aff></author></rec></root>';
    const src = xmlSource(Buffer.from(xml, 'utf8'));
    const s = sniff(src);
    assert.ok(s.kind === 'xml');
    const { skeleton, spans } = splitRecords(src, 'rec', s.root.offset);
    const seen: string[][] = [];
    forEachRecord(src, spans, parseSkeleton(skeleton).scope, (r) => {
      const record: string[] = [];
      forEachChild(r, (c) => {
        const inside: string[] = [];
        forEachChild(c, (g) => inside.push(`${g.local}=${textOf(g)}`));
        record.push(`${c.local}(${inside.join(',')})`);
      });
      seen.push(record);
    });
    assert.deepStrictEqual(seen, [
      ['author(name=Ann,aff=MIT,aff=CMU)', 'author(name=Bo)'],
      ['title()', 'author(name=Cy)'],
      ['author()', 'author(aff=ETH,name=Di)', 'author(name=Ed,aff=EPFL)'],
    ]);
  });

  it('cuts the records out of the skeleton, with the white space between two of them and nothing else', () => {
    const xml = '<root><head>h</head>\n  <rec>1</rec>\n\t <rec>2</rec> tail <rec>3</rec>\n</root>';
    const src = xmlSource(Buffer.from(xml, 'utf8'));
    const s = sniff(src);
    assert.ok(s.kind === 'xml');
    const { skeleton, spans } = splitRecords(src, 'rec', s.root.offset);
    assert.strictEqual(spans.length, 6);
    assert.strictEqual(skeleton.toString('utf8'), '<root><head>h</head>\n   tail \n</root>');
  });

  it('rejects every truncation of a generated document', () => {
    fc.assert(
      fc.property(fc.array(fc.array(child, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (records, at) => {
        const xml = doc(records, 7).trimEnd();
        const bytes = Buffer.from(xml, 'utf8');
        // Bytes may be cut inside a character too.
        for (const body of [xml.slice(0, Math.floor(at * xml.length)), bytes.subarray(0, Math.floor(at * bytes.length))] as XmlInput[]) {
          assert.throws(() => {
            const src = xmlSource(body);
            const s = sniff(src);
            if (s.kind !== 'xml') throw new XmlSyntaxError('not xml');
            const split = splitRecords(src, 'rec', s.root.offset);
            const top = parseSkeleton(split.skeleton);
            forEachRecord(src, split.spans, top.scope, () => undefined);
          }, XmlSyntaxError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('decodes the XML entities and numeric references once, and nothing else', () => {
    assert.strictEqual(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;'), '<>&"\'AB😀');
    assert.strictEqual(decodeEntities('&amp;lt; &amp;#65;'), '&lt; &#65;');
    for (const bad of ['&nbsp;', '& ', '&#;', '&#xZZ;', '&#0;', '&#xD800;', '&#x110000;', '&lt']) {
      assert.throws(() => decodeEntities(bad), XmlSyntaxError, bad);
    }
    assert.strictEqual(rawToText('a<![CDATA[&lt;<b>]]>b<!-- c -->&amp;<i>d</i>'), 'a&lt;<b>b&d');
  });

  it('checks whole documents: prolog, single root, nesting, references', () => {
    for (const ok of [
      '<a/>',
      '\uFEFF<?xml version="1.0"?>\n<!-- c --><?pi x?><!DOCTYPE a [<!ENTITY x "y">]>\n<a b=\'1\' c="&amp;"><b/><![CDATA[&]]><!-- & --></a>\n<!-- end -->\n',
      '<a:b xmlns:a="u"><a:c>t</a:c ></a:b>',
    ]) {
      assert.doesNotThrow(() => checkDocument(ok), ok);
    }
    for (const bad of ['', 'text', '<a>', '<a></b>', '<a/><b/>', '<a/>text', 'x<a/>', '<a b=1/>', '<a b="<"/>', '<a>&</a>', '<a><!-- x</a>', '<a><![CDATA[x</a>', '<1a/>', '<a></a']) {
      assert.throws(() => checkDocument(bad), XmlSyntaxError, JSON.stringify(bad));
    }
  });

  it('sniffs HTML, plain text and the root element', () => {
    for (const encode of [(t: string): XmlInput => t, (t: string): XmlInput => Buffer.from(t, 'utf8')]) {
      const sniffed = (t: string): ReturnType<typeof sniff> => sniff(xmlSource(encode(t)));
      assert.deepStrictEqual(sniffed('<!DOCTYPE html><html></html>'), { kind: 'html' });
      assert.deepStrictEqual(sniffed('  <HTML lang="en"><body>x</body></HTML>'), { kind: 'html' });
      assert.deepStrictEqual(sniffed('<html xmlns="http://www.w3.org/1999/xhtml"/>'), { kind: 'html' });
      assert.deepStrictEqual(sniffed('Rate exceeded.'), { kind: 'not-xml', preview: 'Rate exceeded.' });
      const s = sniffed('\uFEFF<?xml version="1.0"?><!-- x --><!DOCTYPE f [<!ENTITY e "é">]><f:feed xmlns:f="urn:é" a="1">');
      assert.ok(s.kind === 'xml');
      assert.deepStrictEqual([s.root.qname, s.root.prefix, s.root.local, s.root.ns], ['f:feed', 'f', 'feed', 'urn:é']);
      for (const cut of ['', '   ', '<?xml version', '<!-- x', '<feed xmlns="a']) assert.throws(() => sniffed(cut), XmlSyntaxError, cut);
    }
  });
});
