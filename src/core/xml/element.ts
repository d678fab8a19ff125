/**
 * A namespace-resolved element, read either from fast-xml-parser's tree (the small skeleton of
 * a feed) or straight from the body's bytes (records, see recordDocument.ts). Callers match
 * elements by (namespace URI, local name), whatever prefix a document chose, and never see
 * which reader produced them.
 */
import { rawToText } from './entities';
import { ownCopy } from './ownCopy';
import { XmlSyntaxError } from './syntaxError';
import { bytesStartWith, ChildVisitor, isXmlSpace, NO_REF_CHECK, readStartTag, RefChecker, scanElement, skipXmlSpace } from './wellFormed';

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

/** An element located in the body's bytes; its children are found on demand. */
export interface SpanElement extends ElementBase {
  kind: 'span';
  /** The whole body: offsets below are into it. */
  src: Buffer;
  tagStart: number;
  attrStart: number;
  attrEnd: number;
  contentStart: number;
  contentEnd: number;
  /**
   * Element objects for the children: the first `childCount` are this element's. They stay when
   * the object is reused for another element (see spanElement), and that one's children are
   * filled into them: reading record after record then makes no element objects per field.
   */
  kids: SpanElement[] | undefined;
  /** How many of `kids` are this element's children; -1 until they are found. */
  childCount: number;
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

// Attributes of a span element are read in place from its tag bytes [attrStart, attrEnd), which
// wellFormed.ts already checked (space, name, `=`, quoted value). Names are compared where they
// lie, so reading an attribute allocates nothing but its value.

/** Start of the next attribute name at or after `i`, or -1 when the tag has no more. */
function nextAttrName(b: Buffer, i: number, to: number): number {
  i = skipXmlSpace(b, i);
  return i < to ? i : -1;
}

function attrNameEnd(b: Buffer, nameAt: number): number {
  let i = nameAt;
  while (b[i] !== 0x3d /* = */ && !isXmlSpace(b[i])) i++;
  return i;
}

/** Start of the raw value (after its opening quote) of the attribute whose name ends at `nameEnd`. */
function attrValueAt(b: Buffer, nameEnd: number): number {
  return skipXmlSpace(b, b.indexOf(0x3d, nameEnd) + 1) + 1;
}

/** Index of the closing quote, the same as the opening one. */
function attrValueEnd(b: Buffer, valueAt: number): number {
  return b.indexOf(b[valueAt - 1], valueAt);
}

function hasXmlnsAttr(b: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] === 0x78 /* x */ && bytesStartWith(b, 'xmlns', i)) return true;
  return false;
}

/**
 * An element found in the body (already checked for well-formedness), resolved in `parentScope`.
 * `reuse`, when given, is an element no one holds any more, filled in instead of a new one.
 */
export function spanElement(
  src: Buffer, qname: string, tagStart: number, attrStart: number, attrEnd: number,
  contentStart: number, contentEnd: number, parentScope: Scope, reuse?: SpanElement,
): SpanElement {
  let scope = parentScope;
  // Search only the tag: an unbounded indexOf would rescan the rest of the body every time.
  if (hasXmlnsAttr(src, attrStart, attrEnd)) {
    const raw = Object.create(null) as Record<string, string>;
    for (let a = nextAttrName(src, attrStart, attrEnd); a !== -1; ) {
      const nameEnd = attrNameEnd(src, a);
      const valueAt = attrValueAt(src, nameEnd);
      const valueEnd = attrValueEnd(src, valueAt);
      raw[src.toString('utf8', a, nameEnd)] = src.toString('utf8', valueAt, valueEnd);
      a = nextAttrName(src, valueEnd + 1, attrEnd);
    }
    scope = extendScope(parentScope, raw);
  }
  let el: SpanElement;
  if (reuse) {
    el = reuse;
    el.scope = scope;
    el.src = src;
    el.tagStart = tagStart;
    el.attrStart = attrStart;
    el.attrEnd = attrEnd;
    el.contentStart = contentStart;
    el.contentEnd = contentEnd;
    el.childCount = -1;
  } else {
    el = { kind: 'span', ns: null, local: '', scope, src, tagStart, attrStart, attrEnd, contentStart, contentEnd, kids: undefined, childCount: -1 };
  }
  resolve(el, qname, scope);
  return el;
}

/** The element whose `<` is at `tagStart` and which ends just before `end` (`reuse` as in spanElement). */
export function spanElementAt(src: Buffer, tagStart: number, end: number, parentScope: Scope, reuse?: SpanElement): SpanElement {
  const t = readStartTag(src, tagStart);
  let contentEnd = t.contentStart;
  if (!t.selfClosing) {
    contentEnd = end - 2;
    while (src[contentEnd] !== 0x3c || src[contentEnd + 1] !== 0x2f) contentEnd--;
  }
  return spanElement(src, t.qname, tagStart, t.attrStart, t.attrEnd, t.contentStart, contentEnd, parentScope, reuse);
}

// The element findChildren is filling, and how many children it has so far. Calls never nest:
// the visitor makes elements and scans nothing, so one visitor serves every call, not a closure each.
let filling: SpanElement | undefined;
let filled = 0;
const addChild: ChildVisitor = (q, t, as, ae, cs, ce) => {
  const el = filling as SpanElement;
  const kids = el.kids as SpanElement[];
  kids[filled] = spanElement(el.src, q, t, as, ae, cs, ce, el.scope, kids[filled]);
  filled++;
};

/**
 * Scan `el` (which must end by `limit`), checking its `&`s with `refs`, and find its children
 * into its `kids`. Returns the index just after its end tag, as scanElement.
 */
export function findChildren(el: SpanElement, limit: number, refs: RefChecker): number {
  el.kids ??= [];
  filling = el;
  filled = 0;
  const end = scanElement(el.src, el.tagStart, limit, refs, addChild);
  el.childCount = filled;
  return end;
}

const NO_KIDS: readonly SpanElement[] = [];

/** The element's children, found on first use: the first `el.childCount` of the list. */
function spanChildren(el: SpanElement): readonly SpanElement[] {
  if (el.childCount === -1) {
    // The content ends at the end tag's `<`, so this search stops there at the latest.
    const hasMarkup = el.contentEnd > el.contentStart && el.src.indexOf(0x3c, el.contentStart) < el.contentEnd;
    // Already checked, as part of its record or skeleton.
    if (hasMarkup) findChildren(el, el.src.length, NO_REF_CHECK);
    else el.childCount = 0;
  }
  return el.kids ?? NO_KIDS;
}

// ---- accessors -----------------------------------------------------------------------------

/** Calls `visit` for each child element, resolved. */
export function forEachChild(el: XmlElement, visit: (child: XmlElement) => void): void {
  if (el.kind === 'span') {
    const kids = spanChildren(el);
    for (let i = 0; i < el.childCount; i++) visit(kids[i]);
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
 * Decoded out of the body's bytes into a string of its own: callers keep values, never the body.
 */
export function textOf(el: XmlElement): string {
  if (el.kind === 'span') return rawToText(el.src.toString('utf8', el.contentStart, el.contentEnd));
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

/**
 * Byte length of the character at b[i] when String.prototype.trim sees it as white space, else 0.
 * Beyond ASCII those are U+00A0 (2 bytes in UTF-8) and U+1680, U+2000-U+200A, U+2028, U+2029,
 * U+202F, U+205F, U+3000 and U+FEFF (3 bytes, lead 0xE1, 0xE2, 0xE3 or 0xEF).
 */
function jsSpaceAt(b: Buffer, i: number): number {
  const c = b[i];
  if (c < 0x80) return isJsSpace(c) ? 1 : 0;
  if (c === 0xc2) return b[i + 1] === 0xa0 ? 2 : 0;
  if (c !== 0xe1 && c !== 0xe2 && c !== 0xe3 && c !== 0xef) return 0;
  const c1 = b[i + 1];
  const c2 = b[i + 2];
  if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return 0;
  return isJsSpace(((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f)) ? 3 : 0;
}

/** Byte length of a white-space character (as jsSpaceAt) that ends just before `to` and starts at or after `from`, else 0. */
function jsSpaceBefore(b: Buffer, from: number, to: number): number {
  if (b[to - 1] < 0x80) return isJsSpace(b[to - 1]) ? 1 : 0;
  if (to - 2 >= from && jsSpaceAt(b, to - 2) === 2) return 2;
  return to - 3 >= from && jsSpaceAt(b, to - 3) === 3 ? 3 : 0;
}

/** Raw text bytes that decoding changes: `&` (a reference), `<` (CDATA or a comment), CR (line ends are normalized). */
function needsDecoding(c: number): boolean {
  return c === 0x26 || c === 0x3c || c === 0x0d;
}

/** What a trimmed value may hold inside to be taken from the record as it is. */
export type InnerSpacing = 'any' | 'single-spaces' | 'no-line-feeds';

/**
 * `textOf(el).trim()`, decoded straight out of the body in one allocation, when the raw text
 * needs no decoding (no `&`, `<` or CR) and the whitespace inside it is as `inner` allows:
 * 'single-spaces' (each a lone U+0020, so collapsing would not change it) or 'no-line-feeds'.
 * Otherwise undefined, and the caller decodes and cleans the text itself. `skip` leaves out the
 * first bytes of the content (a prefix the caller has already read). Values are most of what a
 * parse keeps, so taking them without intermediate copies is most of its garbage saved.
 */
export function plainTrimmedText(el: XmlElement, inner: InnerSpacing, skip = 0): string | undefined {
  if (el.kind !== 'span') return undefined;
  return plainTrimmedBytes(el.src, el.contentStart + skip, el.contentEnd, inner);
}

/** plainTrimmedText over raw text bytes src[from, to) of a span element's content. */
export function plainTrimmedBytes(src: Buffer, from: number, to: number, inner: InnerSpacing): string | undefined {
  for (let n = jsSpaceAt(src, from); from < to && n > 0; n = jsSpaceAt(src, from)) from += n;
  for (let n = jsSpaceBefore(src, from, to); to > from && n > 0; n = jsSpaceBefore(src, from, to)) to -= n;
  for (let i = from; i < to; i++) {
    const c = src[i];
    if (needsDecoding(c)) return undefined;
    if (inner === 'single-spaces') {
      // A white space that collapsing changes: any but U+0020, or one followed by another.
      const n = jsSpaceAt(src, i);
      if (n > 0 && (c !== 0x20 || jsSpaceAt(src, i + 1) > 0)) return undefined;
    } else if (inner === 'no-line-feeds' && c === 0x0a) {
      return undefined;
    }
  }
  return src.toString('utf8', from, to);
}

/**
 * Whether the element's raw content is its text as it stands: a span element whose content
 * holds no `&`, `<` or CR. Byte offsets into its content are then offsets into its text's UTF-8.
 */
export function hasPlainContent(el: XmlElement): el is SpanElement {
  if (el.kind !== 'span') return false;
  for (let i = el.contentStart; i < el.contentEnd; i++) if (needsDecoding(el.src[i])) return false;
  return true;
}

/** An unprefixed attribute's decoded value, or null; decoded out of the body like textOf's. */
export function attrOf(el: XmlElement, name: string): string | null {
  if (el.kind === 'tree') {
    const raw = el.attrs?.[name];
    return raw === undefined ? null : rawToText(raw);
  }
  const { src } = el;
  // The last one wins, as in a map of the attributes (a repeated name is not well-formed XML).
  let found = -1;
  for (let a = nextAttrName(src, el.attrStart, el.attrEnd); a !== -1; ) {
    const nameEnd = attrNameEnd(src, a);
    const valueAt = attrValueAt(src, nameEnd);
    if (nameEnd - a === name.length && bytesStartWith(src, name, a)) found = valueAt;
    a = nextAttrName(src, attrValueEnd(src, valueAt) + 1, el.attrEnd);
  }
  return found === -1 ? null : rawToText(src.toString('utf8', found, attrValueEnd(src, found)));
}
