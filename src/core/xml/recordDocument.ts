/**
 * Record-at-a-time reading of a feed document (Atom `<entry>`, RSS `<item>`).
 *
 * Parsing a 100 MB feed as one tree costs about seven times its size in memory, and
 * fast-xml-parser reads about 60 MB/s even record by record. Instead the body is cut with
 * indexOf into record spans and a "skeleton" (everything else: prolog, root, feed-level
 * elements, namespace declarations). The skeleton is small and parsed by fast-xml-parser; each
 * record is checked and read in place, in the body's bytes, one at a time: only the values a
 * parser keeps are decoded, so reading a record makes almost no garbage. The skeleton and every record
 * pass the well-formedness check, so together they cover the whole body: a truncated or garbled
 * body cannot slip through.
 */
import type { XMLParser } from 'fast-xml-parser';
import { fastXmlParser } from '../lazy';
import { CDATA, EMPTY_SCOPE, extendScope, findChildren, OrderedNode, Scope, SpanElement, spanElementAt, treeElement, XmlElement } from './element';
import type { XmlSource } from './source';
import { XmlSyntaxError } from './syntaxError';
import { checkDocument, isXmlSpace, RefChecker, skipXmlSpace } from './wellFormed';

/** What the body looks like before any parsing: the caller decides what to accept. */
export type Sniffed =
  | { kind: 'xml'; root: RootInfo }
  | { kind: 'html' }
  | { kind: 'not-xml'; preview: string };

export interface RootInfo {
  qname: string;
  prefix: string;
  local: string;
  ns: string | null;
  /** Bindings declared on the root element. */
  scope: Scope;
  /** Offset of the root's `<`. */
  offset: number;
}

const ROOT_TAG_RE = /<([A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/y;
const ATTR_RE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Index just after `token` searched from `from`; a missing token means the body was cut short. */
function after(xml: XmlSource, token: string, from: number, at: number): number {
  const e = xml.indexOf(token, from);
  if (e === -1) throw new XmlSyntaxError('unterminated markup: the body is truncated', at);
  return e + token.length;
}

/** Look at the prolog and the root start tag only. Throws XmlSyntaxError if they are cut short. */
export function sniff(xml: XmlSource): Sniffed {
  let i = xml.bom;
  for (;;) {
    i = skipXmlSpace(xml.bytes, i);
    if (i >= xml.length) throw new XmlSyntaxError(i === xml.bom ? 'empty body' : 'no root element: the body is truncated', i);
    if (xml.code(i) !== 0x3c) return { kind: 'not-xml', preview: xml.text(i, Math.min(xml.length, i + 80)) };
    if (xml.startsWith('<?', i)) i = after(xml, '?>', i + 2, i);
    else if (xml.startsWith('<!--', i)) i = after(xml, '-->', i + 4, i);
    else if (/^<!doctype\s+html\b/i.test(xml.text(i, Math.min(xml.length, i + 20)))) return { kind: 'html' };
    else if (xml.startsWith('<!', i)) i = skipDoctypeDecl(xml, i);
    else break;
  }
  // Only the root's start tag is decoded, however long the body.
  const tag = xml.text(i, startTagEnd(xml, i) + 1);
  ROOT_TAG_RE.lastIndex = 0;
  const m = ROOT_TAG_RE.exec(tag);
  if (!m) {
    if (/^<html[\s>]/i.test(tag.slice(0, 6))) return { kind: 'html' };
    throw new XmlSyntaxError('malformed or truncated root start tag', i);
  }
  const attrs = Object.create(null) as Record<string, string>;
  for (const a of m[2].matchAll(ATTR_RE)) attrs[a[1]] = a[2] ?? a[3];
  const scope = extendScope(EMPTY_SCOPE, attrs);
  const qname = m[1];
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const local = colon === -1 ? qname : qname.slice(colon + 1);
  if (local.toLowerCase() === 'html') return { kind: 'html' };
  const uri = scope[prefix];
  return { kind: 'xml', root: { qname, prefix, local, ns: uri ? uri : null, scope, offset: i } };
}

function skipDoctypeDecl(xml: XmlSource, i: number): number {
  const gt = after(xml, '>', i, i);
  const bracket = xml.text(i, gt).indexOf('[');
  return bracket === -1 ? gt : after(xml, '>', after(xml, ']', i + bracket, i), i);
}

/** Where a comment / CDATA section / DOCTYPE starting at `i` ends; in those `<entry>` is not a tag. */
function opaqueEnd(xml: XmlSource, i: number): number {
  if (xml.startsWith('<!--', i)) return after(xml, '-->', i + 4, i);
  if (xml.startsWith('<![CDATA[', i)) return after(xml, ']]>', i + 9, i);
  return skipDoctypeDecl(xml, i);
}

export interface SplitDocument {
  /** The body's bytes with every record span cut out. */
  skeleton: Buffer;
  /** Record spans as [start0, end0, start1, end1, ...] offsets into the body (bytes, for a byte body). */
  spans: number[];
}

/**
 * Find every `<qname ...>...</qname>` (or `<qname/>`) span outside comments and CDATA.
 * A record that is opened but never closed means the body was truncated.
 */
export function splitRecords(xml: XmlSource, recordQName: string, from: number): SplitDocument {
  const open = '<' + recordQName;
  const close = '</' + recordQName;
  const spans: number[] = [];
  let pos = from;
  // Next `<!` at or after the scan position; cached so the scan stays linear.
  let bang = xml.indexOf('<!', pos);
  const bangFrom = (p: number): number => {
    if (bang !== -1 && bang < p) bang = xml.indexOf('<!', p);
    return bang;
  };
  for (;;) {
    const p = xml.indexOf(open, pos);
    if (p === -1) break;
    const b = bangFrom(pos);
    if (b !== -1 && b < p) {
      pos = opaqueEnd(xml, b);
      continue;
    }
    const after = xml.code(p + open.length);
    if (after !== 0x3e && after !== 0x2f && !isXmlSpace(after)) {
      pos = p + open.length; // a longer name such as <entryx>
      continue;
    }
    const end = recordEnd(xml, p, close, bangFrom);
    spans.push(p, end);
    pos = end;
  }
  return { skeleton: withoutSpans(xml.bytes, spans), spans };
}

/**
 * The bytes of `b` outside the [start, end) pairs of `spans`, copied once into a buffer of their
 * size. White space between two records is left out too: it is no one's content, and
 * fast-xml-parser, which builds text a character at a time, would spend a string on each
 * character of it (a feed's 1,500 line breaks and indents cost it 300 KB, the rest of the
 * skeleton 60 KB).
 */
function withoutSpans(b: Buffer, spans: readonly number[]): Buffer {
  let size = b.length;
  for (let k = 0; k < spans.length; k += 2) size -= spans[k + 1] - spans[k] + blankGapAfter(b, spans, k);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  let last = 0;
  for (let k = 0; k < spans.length; k += 2) {
    at += b.copy(out, at, last, spans[k]);
    last = spans[k + 1] + blankGapAfter(b, spans, k);
  }
  b.copy(out, at, last);
  return out;
}

/** Length of the gap after the k-th span when only white space separates it from the next span, else 0. */
function blankGapAfter(b: Buffer, spans: readonly number[], k: number): number {
  if (k + 2 >= spans.length) return 0;
  const from = spans[k + 1];
  const to = spans[k + 2];
  return skipXmlSpace(b, from) >= to ? to - from : 0;
}

function recordEnd(xml: XmlSource, start: number, close: string, bangFrom: (p: number) => number): number {
  const gt = startTagEnd(xml, start);
  if (xml.code(gt - 1) === 0x2f) return gt + 1; // <entry/>
  let from = gt + 1;
  for (;;) {
    const c = xml.indexOf(close, from);
    if (c === -1) throw new XmlSyntaxError(`<${close.slice(2)}> is not closed: the body is truncated`, start);
    const b = bangFrom(from);
    if (b !== -1 && b < c) {
      from = opaqueEnd(xml, b);
      continue;
    }
    const k = skipXmlSpace(xml.bytes, c + close.length);
    if (xml.code(k) === 0x3e) {
      if (k === c + close.length || isXmlSpace(xml.code(c + close.length))) return k + 1;
    }
    if (k >= xml.length) throw new XmlSyntaxError(`<${close.slice(2)}> is not closed: the body is truncated`, start);
    from = c + close.length;
  }
}

function startTagEnd(xml: XmlSource, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.code(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      const q = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (q === -1) break;
      i = q;
    }
  }
  throw new XmlSyntaxError('start tag is not closed: the body is truncated', lt);
}

let skeletonParser: XMLParser | undefined;
const skeletonOptions = {
  // Order kept without per-tag array guessing; no value, entity or HTML processing: text is
  // decoded once, by entities.ts, so `&amp;lt;` stays `&lt;` and HTML entities stay text.
  // Text is not trimmed: trimming each node would glue words around CDATA sections.
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: CDATA,
  commentPropName: false,
} as const;

/**
 * The skeleton's root element, checked and parsed with fast-xml-parser (it is small). Bytes are
 * checked as they are and decoded once, by fast-xml-parser.
 */
export function parseSkeleton(skeleton: string | Buffer): XmlElement {
  checkDocument(skeleton);
  let nodes: OrderedNode[];
  try {
    skeletonParser ??= new (fastXmlParser().XMLParser)(skeletonOptions);
    nodes = skeletonParser.parse(skeleton) as OrderedNode[];
  } catch (e) {
    throw new XmlSyntaxError(`XML parser: ${(e as Error).message}`);
  }
  for (const n of nodes) {
    const el = treeElement(n, EMPTY_SCOPE);
    if (el) return el;
  }
  throw new XmlSyntaxError('no root element');
}

/**
 * Check each record and hand it, resolved in `scope`, to `visit`. Each record is read where it
 * lies in the body's bytes: checking it and finding its children is one indexOf-driven pass
 * (wellFormed.ts), and field values are decoded only when asked for.
 *
 * A record and the elements inside it are valid only until `visit` returns: the next record
 * reuses their element objects (and lists), so that reading a feed builds no objects per
 * field. Visitors take the values they keep, never the elements.
 */
export function forEachRecord(xml: XmlSource, spans: readonly number[], scope: Scope, visit: (record: XmlElement) => void): void {
  const b = xml.bytes;
  // One reference checker for all records: `&`s between them are the skeleton's to check.
  const refs = new RefChecker(b, spans.length > 0 ? spans[0] : b.length);
  // Each record is read into the element objects of the one before.
  let record: SpanElement | undefined;
  for (let i = 0; i < spans.length; i += 2) {
    refs.skipTo(spans[i]);
    record = readRecord(b, spans[i], spans[i + 1], scope, refs, record);
    visit(record);
  }
}

/** The record that is all of b[start, end), checked, with its children found, in `reuse` when given. */
function readRecord(b: Buffer, start: number, end: number, scope: Scope, refs: RefChecker, reuse: SpanElement | undefined): SpanElement {
  const record = spanElementAt(b, start, end, scope, reuse);
  if (findChildren(record, end, refs) !== end) throw new XmlSyntaxError('record does not end where its end tag was found', start);
  refs.checkBefore(end);
  return record;
}
