/**
 * A namespace-resolved element, read either from fast-xml-parser's tree (the small skeleton of
 * a feed) or straight from the source text (records, see recordDocument.ts). Callers match
 * elements by (namespace URI, local name), whatever prefix a document chose, and never see
 * which reader produced them.
 */
import { rawToText } from './entities';
import type { RecordText } from './recordText';
import { XmlSyntaxError } from './syntaxError';
import { NO_REF_CHECK, readStartTag, scanElement } from './wellFormed';

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
  /** Where each attribute's value starts in the record, once asked for. */
  attrAt: Record<string, number> | undefined;
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
  const prefix = qname.slice(0, colon);
  const ns = scope[prefix];
  if (typeof ns !== 'string' || ns === '') throw new XmlSyntaxError(`namespace prefix "${prefix}" of <${qname}> is not declared`);
  el.ns = ns;
  el.local = qname.slice(colon + 1);
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

// Sticky, so it reads attribute after attribute in place and never runs past the tag.
const SPAN_ATTR_RE = /\s+([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** Where each attribute's raw value starts; it ends at the next quote like the one before it. */
function spanAttrs(src: string, from: number, to: number): Record<string, number> {
  const at = Object.create(null) as Record<string, number>;
  SPAN_ATTR_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while (SPAN_ATTR_RE.lastIndex < to && (m = SPAN_ATTR_RE.exec(src)) !== null) {
    at[m[1]] = SPAN_ATTR_RE.lastIndex - 1 - (m[2] ?? m[3]).length; // before the closing quote
  }
  return at;
}

function valueEnd(src: string, at: number): number {
  return src.indexOf(src[at - 1], at);
}

/** An element found in a record (already checked for well-formedness), resolved in `parentScope`. */
export function spanElement(
  rec: RecordText, qname: string, tagStart: number, attrStart: number, attrEnd: number,
  contentStart: number, contentEnd: number, parentScope: Scope,
): SpanElement {
  let scope = parentScope;
  let attrAt: Record<string, number> | undefined;
  // Search only the tag: an unbounded indexOf would rescan the rest of the record every time.
  if (attrEnd > attrStart && rec.text.substring(attrStart, attrEnd).includes('xmlns')) {
    const src = rec.text;
    attrAt = spanAttrs(src, attrStart, attrEnd);
    const raw = Object.create(null) as Record<string, string>;
    for (const name in attrAt) raw[name] = src.slice(attrAt[name], valueEnd(src, attrAt[name]));
    scope = extendScope(parentScope, raw);
  }
  const el: SpanElement = { kind: 'span', ns: null, local: '', scope, rec, tagStart, attrStart, attrEnd, contentStart, contentEnd, children: undefined, attrAt };
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

/** An unprefixed attribute's decoded value, or null; copied out of the record like textOf's. */
export function attrOf(el: XmlElement, name: string): string | null {
  if (el.kind === 'tree') {
    const raw = el.attrs?.[name];
    return raw === undefined ? null : rawToText(raw);
  }
  if (el.attrEnd === el.attrStart) return null;
  const src = el.rec.text;
  const at = (el.attrAt ??= spanAttrs(src, el.attrStart, el.attrEnd))[name];
  return at === undefined ? null : rawToText(el.rec.copy(at, valueEnd(src, at)));
}
