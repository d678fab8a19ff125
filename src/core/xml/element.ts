/**
 * A namespace-resolved element, read either from fast-xml-parser's tree (the small skeleton of
 * a feed) or straight from the source text (records, see recordDocument.ts). Callers match
 * elements by (namespace URI, local name), whatever prefix a document chose, and never see
 * which reader produced them.
 */
import { rawToText } from './entities';
import { ownCopy, type RecordText } from './recordText';
import { XmlSyntaxError } from './syntaxError';
import { isXmlSpace, NO_REF_CHECK, readStartTag, scanElement } from './wellFormed';

/** Namespace bindings in scope: prefix -> URI ('' is the default namespace). */
export type Scope = Readonly<Record<string, string>>;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const EMPTY_SCOPE: Scope = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, { xml: XML_NS }));

/** One node of fast-xml-parser's preserveOrder output. */
export type OrderedNode = Record<string, unknown>;

interface ElementBase {
  /** Namespace URI, or null for no namespace. */
  ns: string | null;
  local: string;
  scope: Scope;
}

/** An element of fast-xml-parser's preserveOrder tree. */
export interface TreeElement extends ElementBase {
  kind: 'tree';
  attrs: Readonly<Record<string, string>> | undefined;
  nodes: OrderedNode[];
}

/** An element located in a record's text; its children are found on demand. */
export interface SpanElement extends ElementBase {
  kind: 'span';
  rec: RecordText;
  tagStart: number;
  attrStart: number;
  attrEnd: number;
  contentStart: number;
  contentEnd: number;
  children: SpanElement[] | undefined;
}

export type XmlElement = TreeElement | SpanElement;

/** Scope extended with the `xmlns` / `xmlns:p` declarations among raw `attrs`, if any. */
export function extendScope(parent: Scope, attrs: Readonly<Record<string, string>> | undefined): Scope {
  if (!attrs) return parent;
  let scope: Record<string, string> | undefined;
  for (const name in attrs) {
    if (!name.startsWith('xmlns') || (name.length !== 5 && name[5] !== ':')) continue;
    scope ??= Object.create(parent) as Record<string, string>;
    scope[name.length === 5 ? '' : name.slice(6)] = rawToText(attrs[name]);
  }
  return scope ?? parent;
}

/** Split a qualified name and resolve its prefix; an undeclared prefix is not well-formed. */
function resolve(el: { ns: string | null; local: string }, qname: string, scope: Scope): void {
  const colon = qname.indexOf(':');
  if (colon === -1) {
    const ns = scope[''];
    el.ns = typeof ns === 'string' && ns !== '' ? ns : null;
    el.local = qname;
    return;
  }
  const parts = prefixed.get(qname) ?? splitQName(qname, colon);
  const ns = scope[parts[0]];
  if (typeof ns !== 'string' || ns === '') throw new XmlSyntaxError(`namespace prefix "${parts[0]}" of <${qname}> is not declared`);
  el.ns = ns;
  el.local = parts[1];
}

// Prefix and local name of each prefixed name seen, so that resolving one allocates nothing.
const prefixed = new Map<string, readonly [string, string]>();

function splitQName(qname: string, colon: number): readonly [string, string] {
  // Copied, as the map outlives the parse and a long name may be a view of a record's text.
  const own = ownCopy(qname);
  const parts = [own.slice(0, colon), own.slice(colon + 1)] as const;
  if (prefixed.size >= 256) prefixed.clear();
  prefixed.set(own, parts);
  return parts;
}

// ---- fast-xml-parser tree --------------------------------------------------------------

const ATTRS = ':@';
const TEXT = '#text';
export const CDATA = '#cdata';

function qnameOf(node: OrderedNode): string | undefined {
  for (const k in node) {
    if (k !== ATTRS) return k === TEXT || k === CDATA ? undefined : k;
  }
  return undefined;
}

/** Resolve a tree node against its parent's scope; undefined for text and CDATA nodes. */
export function treeElement(node: OrderedNode, parentScope: Scope): TreeElement | undefined {
  const qname = qnameOf(node);
  if (qname === undefined) return undefined;
  const attrs = node[ATTRS] as Record<string, string> | undefined;
  const scope = extendScope(parentScope, attrs);
  const el: TreeElement = { kind: 'tree', ns: null, local: '', scope, attrs, nodes: node[qname] as OrderedNode[] };
  resolve(el, qname, scope);
  return el;
}

function nodeText(node: OrderedNode): string {
  const t = node[TEXT];
  if (typeof t === 'string') return rawToText(t);
  const cdata = node[CDATA] as OrderedNode[] | undefined;
  if (cdata) return cdata.map((c) => String(c[TEXT] ?? '')).join('');
  const qname = qnameOf(node);
  return qname === undefined ? '' : (node[qname] as OrderedNode[]).map(nodeText).join('');
}

// ---- source spans ------------------------------------------------------------------------

// Attributes of a span element are read in place from its tag text [attrStart, attrEnd), which
// wellFormed.ts already checked (space, name, `=`, quoted value). Names are compared where they
// lie, so reading an attribute allocates nothing but its value.

/** Start of the next attribute name at or after `i`, or -1 when the tag has no more. */
function nextAttrName(src: string, i: number, to: number): number {
  while (i < to && isXmlSpace(src.charCodeAt(i))) i++;
  return i < to ? i : -1;
}

function attrNameEnd(src: string, nameAt: number): number {
  let i = nameAt;
  while (src.charCodeAt(i) !== 0x3d /* = */ && !isXmlSpace(src.charCodeAt(i))) i++;
  return i;
}

/** Start of the raw value (after its opening quote) of the attribute whose name ends at `nameEnd`. */
function attrValueAt(src: string, nameEnd: number): number {
  let i = src.indexOf('=', nameEnd) + 1;
  while (isXmlSpace(src.charCodeAt(i))) i++;
  return i + 1;
}

/** Index of the closing quote, the same as the opening one. */
function attrValueEnd(src: string, valueAt: number): number {
  return src.indexOf(src[valueAt - 1], valueAt);
}

function hasXmlnsAttr(src: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (src.charCodeAt(i) === 0x78 /* x */ && src.startsWith('xmlns', i)) return true;
  return false;
}

/** An element found in a record (already checked for well-formedness), resolved in `parentScope`. */
export function spanElement(
  rec: RecordText, qname: string, tagStart: number, attrStart: number, attrEnd: number,
  contentStart: number, contentEnd: number, parentScope: Scope,
): SpanElement {
  let scope = parentScope;
  // Search only the tag: an unbounded indexOf would rescan the rest of the record every time.
  if (hasXmlnsAttr(rec.text, attrStart, attrEnd)) {
    const src = rec.text;
    const raw = Object.create(null) as Record<string, string>;
    for (let a = nextAttrName(src, attrStart, attrEnd); a !== -1; ) {
      const nameEnd = attrNameEnd(src, a);
      const valueAt = attrValueAt(src, nameEnd);
      const valueEnd = attrValueEnd(src, valueAt);
      raw[src.slice(a, nameEnd)] = src.slice(valueAt, valueEnd);
      a = nextAttrName(src, valueEnd + 1, attrEnd);
    }
    scope = extendScope(parentScope, raw);
  }
  const el: SpanElement = { kind: 'span', ns: null, local: '', scope, rec, tagStart, attrStart, attrEnd, contentStart, contentEnd, children: undefined };
  resolve(el, qname, scope);
  return el;
}

/** The element whose `<` is at `tagStart` and which ends just before `end`. */
export function spanElementAt(rec: RecordText, tagStart: number, end: number, parentScope: Scope): SpanElement {
  const t = readStartTag(rec.text, tagStart);
  const contentEnd = t.selfClosing ? t.contentStart : rec.text.lastIndexOf('</', end);
  return spanElement(rec, t.qname, tagStart, t.attrStart, t.attrEnd, t.contentStart, contentEnd, parentScope);
}

function spanChildren(el: SpanElement): SpanElement[] {
  if (el.children) return el.children;
  const kids: SpanElement[] = [];
  const src = el.rec.text;
  if (el.contentEnd > el.contentStart && src.indexOf('<', el.contentStart) < el.contentEnd) {
    scanElement(src, el.tagStart, NO_REF_CHECK, (q, t, as, ae, cs, ce) => {
      kids.push(spanElement(el.rec, q, t, as, ae, cs, ce, el.scope));
    });
  }
  el.children = kids;
  return kids;
}

// ---- accessors -----------------------------------------------------------------------------

/** Calls `visit` for each child element, resolved. */
export function forEachChild(el: XmlElement, visit: (child: XmlElement) => void): void {
  if (el.kind === 'span') {
    const kids = spanChildren(el);
    for (let i = 0; i < kids.length; i++) visit(kids[i]);
    return;
  }
  for (let i = 0; i < el.nodes.length; i++) {
    const c = treeElement(el.nodes[i], el.scope);
    if (c) visit(c);
  }
}

/** The first child element with this namespace and local name. */
export function findChild(el: XmlElement, ns: string | null, local: string): XmlElement | undefined {
  let found: XmlElement | undefined;
  forEachChild(el, (c) => {
    if (!found && c.local === local && c.ns === ns) found = c;
  });
  return found;
}

/**
 * Text content, decoded: CDATA literal, comments dropped, child markup reduced to its text.
 * Copied out of the record (recordText.ts): callers keep values, never the record.
 */
export function textOf(el: XmlElement): string {
  if (el.kind === 'span') return rawToText(el.rec.copy(el.contentStart, el.contentEnd));
  return el.nodes.map(nodeText).join('');
}

/** Whitespace as String.prototype.trim and the regexp `\s` see it. */
export function isJsSpace(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether s[i] is white space that collapsing runs to one space would change (not a lone U+0020). */
export function isUncollapsedSpace(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return isJsSpace(c) && (c !== 0x20 || isJsSpace(s.charCodeAt(i + 1)));
}

/** Raw text characters that decoding changes: `&` (a reference), `<` (CDATA or a comment), CR (line ends are normalized). */
function needsDecoding(c: number): boolean {
  return c === 0x26 || c === 0x3c || c === 0x0d;
}

/** What a trimmed value may hold inside to be taken from the record as it is. */
export type InnerSpacing = 'any' | 'single-spaces' | 'no-line-feeds';

/**
 * `textOf(el).trim()`, copied straight out of the record in one allocation, when the raw text
 * needs no decoding (no `&`, `<` or CR) and the whitespace inside it is as `inner` allows:
 * 'single-spaces' (each a lone U+0020, so collapsing would not change it) or 'no-line-feeds'.
 * Otherwise undefined, and the caller decodes and cleans the text itself. `skip` leaves out the
 * first characters of the content (a prefix the caller has already read). Values are most of
 * what a parse keeps, so taking them without intermediate copies is most of its garbage saved.
 */
export function plainTrimmedText(el: XmlElement, inner: InnerSpacing, skip = 0): string | undefined {
  if (el.kind !== 'span') return undefined;
  const src = el.rec.text;
  let from = el.contentStart + skip;
  let to = el.contentEnd;
  while (from < to && isJsSpace(src.charCodeAt(from))) from++;
  while (to > from && isJsSpace(src.charCodeAt(to - 1))) to--;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (needsDecoding(c)) return undefined;
    if (inner === 'single-spaces') {
      if (isUncollapsedSpace(src, i)) return undefined;
    } else if (inner === 'no-line-feeds' && c === 0x0a) {
      return undefined;
    }
  }
  return el.rec.copy(from, to);
}

/**
 * `re` (sticky) matched at the start of the raw content, when what it matched and the
 * character after it need no decoding (so the decoded text starts with the same match);
 * otherwise null. Span elements only.
 */
export function plainMatchAtContent(el: XmlElement, re: RegExp): RegExpExecArray | null {
  if (el.kind !== 'span') return null;
  const src = el.rec.text;
  re.lastIndex = el.contentStart;
  const m = re.exec(src);
  if (!m) return null;
  const end = Math.min(el.contentStart + m[0].length + 1, el.contentEnd);
  for (let i = el.contentStart; i < end; i++) if (needsDecoding(src.charCodeAt(i))) return null;
  return m;
}

/** An unprefixed attribute's decoded value, or null; copied out of the record like textOf's. */
export function attrOf(el: XmlElement, name: string): string | null {
  if (el.kind === 'tree') {
    const raw = el.attrs?.[name];
    return raw === undefined ? null : rawToText(raw);
  }
  const src = el.rec.text;
  // The last one wins, as in a map of the attributes (a repeated name is not well-formed XML).
  let found = -1;
  for (let a = nextAttrName(src, el.attrStart, el.attrEnd); a !== -1; ) {
    const nameEnd = attrNameEnd(src, a);
    const valueAt = attrValueAt(src, nameEnd);
    if (nameEnd - a === name.length && src.startsWith(name, a)) found = valueAt;
    a = nextAttrName(src, attrValueEnd(src, valueAt) + 1, el.attrEnd);
  }
  return found === -1 ? null : rawToText(el.rec.copy(found, attrValueEnd(src, found)));
}
