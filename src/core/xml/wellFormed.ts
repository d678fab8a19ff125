/**
 * A fast well-formedness checker that also reports an element's direct children.
 *
 * It jumps from `<` to `<` with indexOf and checks what the parsers rely on: tag names and
 * attribute syntax, proper nesting, references (`&...;`), termination of CDATA, comments and
 * PIs, and a single root. Namespace prefixes are checked where they are resolved (element.ts).
 * Reporting children in the same pass is what lets a record be read without building a tree.
 */
import { ownCopy } from './recordText';
import { XmlSyntaxError } from './syntaxError';

const NAME_START = 'A-Za-z_:\\u00C0-\\uFFFF';
const NAME_CHARS = 'A-Za-z0-9_:.\\u00B7-\\uFFFF-';
const NAME_START_RE = new RegExp(`[${NAME_START}]`);
const NAME_RE = new RegExp(`[${NAME_START}][${NAME_CHARS}]*`, 'y');
const ATTR_RE = new RegExp(`[ \\t\\r\\n]+[${NAME_START}][${NAME_CHARS}]*[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"[^"<]*"|'[^'<]*')`, 'y');
const START_TAG_END_RE = /[ \t\r\n]*\/?>/y;
const END_TAG_END_RE = /[ \t\r\n]*>/y;
const REF_RE = /&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
const XML_DECL_RE = /<\?xml[ \t\r\n][^?]*\?>/y;

/**
 * Checks the `&` of one string (a record, or the skeleton) in increasing offset order, so that
 * finding the next `&` never rescans: the work stays linear in the string's length.
 */
export class RefChecker {
  private amp: number;
  constructor(private readonly s: string) {
    this.amp = s.indexOf('&');
  }
  /** Every `&` before `pos` must start a well-formed reference. */
  checkBefore(pos: number): void {
    while (this.amp !== -1 && this.amp < pos) {
      REF_RE.lastIndex = this.amp;
      if (!REF_RE.test(this.s)) throw new XmlSyntaxError('"&" that does not start an entity reference', this.amp);
      this.amp = this.s.indexOf('&', this.amp + 1);
    }
  }
  /** `&` in [from, to) is literal (CDATA, comment, PI). */
  exempt(from: number, to: number): void {
    this.checkBefore(from);
    if (this.amp !== -1 && this.amp < to) this.amp = this.s.indexOf('&', to);
  }
}

/** For re-reading content that was already checked. */
export const NO_REF_CHECK = { checkBefore(): void {}, exempt(): void {} } as unknown as RefChecker;

/**
 * Receives each direct child of the scanned element: its qualified name, the offset of its
 * `<`, its attribute text [attrStart, attrEnd) and its content [contentStart, contentEnd)
 * (empty for `<x/>`).
 */
export type ChildVisitor = (qname: string, tagStart: number, attrStart: number, attrEnd: number, contentStart: number, contentEnd: number) => void;

function endOf(s: string, token: string, from: number, what: string, at: number): number {
  const e = s.indexOf(token, from);
  if (e === -1) throw new XmlSyntaxError(`unterminated ${what}`, at);
  return e + token.length;
}

/** XML's white space (S): space, tab, line feed, carriage return. */
export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isWhitespace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isXmlSpace(s.charCodeAt(i))) return false;
  return true;
}

/** Whether s[a, a+len) equals s[b, b+len), without allocating substrings. */
function sameRange(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

let spareOpen: number[] | undefined;

// The few element names a feed uses, each kept once: reporting a child then allocates nothing.
const MAX_NAMES = 64;
const names: string[] = [];

/** The name s[at, at+len), as a string from `names` when it is there. */
function knownName(s: string, at: number, len: number): string {
  for (let k = 0; k < names.length; k++) {
    const n = names[k];
    if (n.length === len && s.startsWith(n, at)) return n;
  }
  const name = s.slice(at, at + len);
  if (names.length >= MAX_NAMES) return name;
  // A copy of its own: a slice of 13 characters or more is a view that would keep s alive.
  const own = ownCopy(name);
  names.push(own);
  return own;
}

/**
 * Check the element whose `<` is at `start` and everything inside it; return the index just
 * after its end tag. `onChild`, if given, receives each direct child. Open elements are kept
 * as (name offset, name length) pairs and names compared in place: this runs over every tag of
 * every record, so it allocates only the names it reports.
 */
export function scanElement(s: string, start: number, refs: RefChecker, onChild?: ChildVisitor): number {
  // Name start, name length, name start, name length, ...: the array of the last call that
  // finished, when there is one (calls nest only through onChild), so most calls allocate none.
  const open = spareOpen ?? [];
  spareOpen = undefined;
  open.length = 0;
  // The direct child being read (depth 2): where its tag, attributes and content start.
  let childTag = 0;
  let childAttrStart = 0;
  let childAttrEnd = 0;
  let childContent = 0;
  let i = start;
  for (;;) {
    const c = s.charCodeAt(i + 1);
    if (c === 0x2f /* / */) {
      const depth = open.length;
      if (depth === 0) throw new XmlSyntaxError('end tag without a start tag', i);
      const nameAt = open[depth - 2];
      const nameLen = open[depth - 1];
      END_TAG_END_RE.lastIndex = i + 2 + nameLen;
      if (!sameRange(s, nameAt, i + 2, nameLen) || !END_TAG_END_RE.test(s)) {
        throw new XmlSyntaxError(`end tag does not match <${s.slice(nameAt, nameAt + nameLen)}>`, i);
      }
      open.length = depth - 2;
      if (depth === 4 && onChild) onChild(knownName(s, nameAt, nameLen), childTag, childAttrStart, childAttrEnd, childContent, i);
      i = END_TAG_END_RE.lastIndex;
      if (depth === 2) {
        spareOpen = open;
        return i;
      }
    } else if (c === 0x21 /* ! */) {
      let end: number;
      if (s.startsWith('<!--', i)) end = endOf(s, '-->', i + 4, 'comment', i);
      else if (s.startsWith('<![CDATA[', i)) end = endOf(s, ']]>', i + 9, 'CDATA section', i);
      else throw new XmlSyntaxError('unexpected "<!" inside an element', i);
      if (open.length === 0) throw new XmlSyntaxError('expected an element', i);
      refs.exempt(i, end);
      i = end;
    } else if (c === 0x3f /* ? */) {
      const end = endOf(s, '?>', i + 2, 'processing instruction', i);
      refs.exempt(i, end);
      i = end;
    } else {
      NAME_RE.lastIndex = i + 1;
      if (!NAME_RE.test(s)) throw new XmlSyntaxError('malformed start tag', i);
      const attrStart = NAME_RE.lastIndex;
      let p = attrStart;
      ATTR_RE.lastIndex = p;
      while (ATTR_RE.test(s)) p = ATTR_RE.lastIndex;
      START_TAG_END_RE.lastIndex = p;
      if (!START_TAG_END_RE.test(s)) throw new XmlSyntaxError(`malformed start tag <${s.slice(i + 1, attrStart)}`, i);
      const after = START_TAG_END_RE.lastIndex;
      const selfClosing = s.charCodeAt(after - 2) === 0x2f;
      const depth = open.length;
      if (!selfClosing) {
        if (depth === 2) {
          childTag = i;
          childAttrStart = attrStart;
          childAttrEnd = p;
          childContent = after;
        }
        open.push(i + 1, attrStart - i - 1);
      } else if (depth === 2) {
        if (onChild) onChild(knownName(s, i + 1, attrStart - i - 1), i, attrStart, p, after, after);
      } else if (depth === 0) {
        spareOpen = open;
        return after;
      }
      i = after;
    }
    const next = s.indexOf('<', i);
    if (next === -1) {
      const at = open[open.length - 2];
      throw new XmlSyntaxError(`unexpected end of data: <${s.slice(at, at + open[open.length - 1])}> is not closed`, s.length);
    }
    i = next;
  }
}

/** The parts of the start tag at `i`. Throws if it is malformed. */
export function readStartTag(s: string, i: number): { qname: string; attrStart: number; attrEnd: number; contentStart: number; selfClosing: boolean } {
  NAME_RE.lastIndex = i + 1;
  const m = s.charCodeAt(i) === 0x3c ? NAME_RE.exec(s) : null;
  if (!m) throw new XmlSyntaxError('malformed start tag', i);
  const attrStart = NAME_RE.lastIndex;
  let p = attrStart;
  ATTR_RE.lastIndex = p;
  while (ATTR_RE.test(s)) p = ATTR_RE.lastIndex;
  START_TAG_END_RE.lastIndex = p;
  if (!START_TAG_END_RE.test(s)) throw new XmlSyntaxError(`malformed start tag <${m[0]}`, i);
  const contentStart = START_TAG_END_RE.lastIndex;
  return { qname: m[0], attrStart, attrEnd: p, contentStart, selfClosing: s.charCodeAt(contentStart - 2) === 0x2f };
}

/** Skip whitespace, comments and PIs from `i`; return the index of the next other markup or text. */
function skipMisc(s: string, i: number, refs: RefChecker): number {
  for (;;) {
    while (i < s.length && isWhitespace(s, i, i + 1)) i++;
    if (s.startsWith('<!--', i)) {
      const end = endOf(s, '-->', i + 4, 'comment', i);
      refs.exempt(i, end);
      i = end;
    } else if (s.startsWith('<?', i) && !s.startsWith('<?xml', i)) {
      const end = endOf(s, '?>', i + 2, 'processing instruction', i);
      refs.exempt(i, end);
      i = end;
    } else {
      return i;
    }
  }
}

/** Skip a DOCTYPE declaration (with an optional internal subset) at `i`. */
function skipDoctype(s: string, i: number, refs: RefChecker): number {
  const bracket = s.indexOf('[', i);
  const gt = s.indexOf('>', i);
  if (gt === -1) throw new XmlSyntaxError('unterminated DOCTYPE', i);
  const end = bracket !== -1 && bracket < gt ? endOf(s, ']', bracket, 'DOCTYPE', i) : gt;
  const close = endOf(s, '>', end, 'DOCTYPE', i);
  refs.exempt(i, close);
  return close;
}

/**
 * Check a whole document: optional BOM and XML declaration, misc/DOCTYPE, exactly one root
 * element, then only whitespace, comments and PIs. Throws XmlSyntaxError.
 */
export function checkDocument(s: string): void {
  const refs = new RefChecker(s);
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  XML_DECL_RE.lastIndex = i;
  if (XML_DECL_RE.test(s)) i = XML_DECL_RE.lastIndex;
  i = skipMisc(s, i, refs);
  if (s.startsWith('<!DOCTYPE', i)) i = skipMisc(s, skipDoctype(s, i, refs), refs);
  if (i >= s.length) throw new XmlSyntaxError('no root element', i);
  if (s.charCodeAt(i) !== 0x3c || !NAME_START_RE.test(s[i + 1] ?? '')) throw new XmlSyntaxError('content before the root element', i);
  i = skipMisc(s, scanElement(s, i, refs), refs);
  if (i < s.length) throw new XmlSyntaxError('content after the root element', i);
  refs.checkBefore(s.length);
}
