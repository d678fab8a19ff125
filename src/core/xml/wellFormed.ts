/**
 * A fast well-formedness checker over UTF-8 bytes that also reports an element's direct children.
 *
 * It jumps from `<` to `<` with indexOf and checks what the parsers rely on: tag names and
 * attribute syntax, proper nesting, references (`&...;`), termination of CDATA, comments and
 * PIs, and a single root. Namespace prefixes are checked where they are resolved (element.ts).
 * Reporting children in the same pass is what lets a record be read without building a tree.
 *
 * It reads the bytes themselves, never a decoded copy: all markup is ASCII, and in UTF-8 an
 * ASCII byte is always that character (multi-byte sequences use bytes >= 0x80). So a record is
 * checked and its children found where it lies in the body, and nothing but the names it
 * reports is allocated.
 */
import { XmlSyntaxError } from './syntaxError';

/** XML's white space (S): space, tab, line feed, carriage return. */
export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Index of the first byte at or after `i` that is not XML white space (b.length at the end). */
export function skipXmlSpace(b: Buffer, i: number): number {
  while (isXmlSpace(b[i])) i++;
  return i;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * Name start (`[A-Za-z_:\u00C0-\uFFFF]` and beyond): an ASCII letter, `_`, `:`, or the lead byte
 * of a character from U+00C0 on (0xC3 and up; 0xC2 leads U+0080-U+00BF, which are not allowed).
 */
function isNameStartByte(c: number): boolean {
  return isAsciiLetter(c) || c === 0x5f || c === 0x3a || (c >= 0xc3 && c <= 0xf4);
}

/** Name characters (`[A-Za-z0-9_:.\u00B7-\uFFFF-]` and beyond), one byte of one at b[j]. */
function isNameByte(b: Buffer, j: number): boolean {
  if (j >= b.length) return false;
  const c = b[j];
  if (c < 0x80) return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x3a || c === 0x2e || c === 0x2d;
  // U+0080-U+00B6 (0xC2 0x80-0xB6) are not name characters; continuation bytes belong to their lead.
  return c !== 0xc2 || b[j + 1] >= 0xb7;
}

/** End of the name starting at `i`, or -1 when no name starts there. */
function nameEnd(b: Buffer, i: number): number {
  if (i >= b.length || !isNameStartByte(b[i])) return -1;
  let j = i + 1;
  while (isNameByte(b, j)) j++;
  return j;
}

/** Whether the ASCII `token` is at b[at]. */
export function bytesStartWith(b: Buffer, token: string, at: number): boolean {
  if (at < 0 || at + token.length > b.length) return false;
  for (let k = 0; k < token.length; k++) if (b[at + k] !== token.charCodeAt(k)) return false;
  return true;
}

/** Index of the ASCII `token` at or after `from`, or -1. */
export function indexOfToken(b: Buffer, token: string, from: number): number {
  // 'latin1' turns the ASCII token into its bytes without a UTF-8 encoding pass.
  return from >= b.length ? -1 : b.indexOf(token, from, 'latin1');
}

const NAMED_REFS = ['lt;', 'gt;', 'amp;', 'quot;', 'apos;'];

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** Whether the `&` at b[i] starts `&lt;` `&gt;` `&amp;` `&quot;` `&apos;`, `&#N;` or `&#xH;`. */
function isReferenceAt(b: Buffer, i: number): boolean {
  if (b[i + 1] !== 0x23 /* # */) return NAMED_REFS.some((n) => bytesStartWith(b, n, i + 1));
  const hex = b[i + 2] === 0x78; /* x */
  let j = hex ? i + 3 : i + 2;
  const digits = j;
  while (j < b.length && (hex ? isHexDigit(b[j]) : b[j] >= 0x30 && b[j] <= 0x39)) j++;
  return j > digits && b[j] === 0x3b; /* ; */
}

/**
 * Checks every `&` of a body in increasing offset order, so that finding the next `&` never
 * rescans: the work stays linear in the body's length, however many records it is read in.
 */
export class RefChecker {
  private amp: number;
  constructor(private readonly b: Buffer, from = 0) {
    this.amp = b.indexOf(0x26, from);
  }
  /** Every `&` before `pos` must start a well-formed reference. */
  checkBefore(pos: number): void {
    while (this.amp !== -1 && this.amp < pos) {
      if (!isReferenceAt(this.b, this.amp)) throw new XmlSyntaxError('"&" that does not start an entity reference', this.amp);
      this.amp = this.b.indexOf(0x26, this.amp + 1);
    }
  }
  /** `&` in [from, to) is literal (CDATA, comment, PI). */
  exempt(from: number, to: number): void {
    this.checkBefore(from);
    this.skipTo(to);
  }
  /** `&` before `pos` is someone else's to check (the skeleton between records). */
  skipTo(pos: number): void {
    if (this.amp !== -1 && this.amp < pos) this.amp = this.b.indexOf(0x26, pos);
  }
}

/** For re-reading content that was already checked. */
export const NO_REF_CHECK = { checkBefore(): void {}, exempt(): void {}, skipTo(): void {} } as unknown as RefChecker;

/**
 * Receives each direct child of the scanned element: its qualified name, the offset of its
 * `<`, its attribute bytes [attrStart, attrEnd) and its content [contentStart, contentEnd)
 * (empty for `<x/>`).
 */
export type ChildVisitor = (qname: string, tagStart: number, attrStart: number, attrEnd: number, contentStart: number, contentEnd: number) => void;

/** Index just after `token` searched from `from`, which must come before `limit`. */
function endOf(b: Buffer, token: string, from: number, limit: number, what: string, at: number): number {
  const e = indexOfToken(b, token, from);
  if (e === -1 || e + token.length > limit) throw new XmlSyntaxError(`unterminated ${what}`, at);
  return e + token.length;
}

/** Whether b[a, a+len) equals b[c, c+len). */
function sameRange(b: Buffer, a: number, c: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (b[a + k] !== b[c + k]) return false;
  return true;
}

/**
 * End of the attributes `( S Name S? = S? ("[^"<]*" | '[^'<]*') )*` that start at `p`: the
 * index after the last well-formed one. What follows must be the tag's end (startTagClose).
 */
function attributesEnd(b: Buffer, p: number): number {
  for (;;) {
    let q = skipXmlSpace(b, p);
    if (q === p) return p;
    q = nameEnd(b, q);
    if (q === -1) return p;
    q = skipXmlSpace(b, q);
    if (b[q] !== 0x3d /* = */) return p;
    q = skipXmlSpace(b, q + 1);
    const quote = b[q];
    if (quote !== 0x22 && quote !== 0x27) return p;
    q++;
    while (q < b.length && b[q] !== quote && b[q] !== 0x3c) q++;
    if (b[q] !== quote) return p;
    p = q + 1;
  }
}

/** Index after `S? /? >` at `p`, or -1. */
function startTagClose(b: Buffer, p: number): number {
  p = skipXmlSpace(b, p);
  if (b[p] === 0x3e) return p + 1;
  return b[p] === 0x2f && b[p + 1] === 0x3e ? p + 2 : -1;
}

/** Index after `S? >` at `p`, or -1. */
function endTagClose(b: Buffer, p: number): number {
  p = skipXmlSpace(b, p);
  return b[p] === 0x3e ? p + 1 : -1;
}

let spareOpen: number[] | undefined;

// The few element names a feed uses, each kept once: reporting a child then allocates nothing.
const MAX_NAMES = 64;
const names: string[] = [];

/** The name b[at, at+len), as a string from `names` when it is there. */
function knownName(b: Buffer, at: number, len: number): string {
  for (let k = 0; k < names.length; k++) {
    const n = names[k];
    if (n.length === len && bytesStartWith(b, n, at)) return n;
  }
  // Decoded from the bytes: a string of its own, never a view of a larger one.
  const name = b.toString('utf8', at, at + len);
  // Only ASCII names are kept: the lookup above compares characters with bytes.
  if (names.length < MAX_NAMES && name.length === len) names.push(name);
  return name;
}

function decoded(b: Buffer, from: number, to: number): string {
  return b.toString('utf8', from, to);
}

/**
 * Check the element whose `<` is at `start` and everything inside it, which must end by `limit`;
 * return the index just after its end tag. `onChild`, if given, receives each direct child.
 * Open elements are kept as (name offset, name length) pairs and names compared in place: this
 * runs over every tag of every record, so it allocates only the names it reports.
 */
export function scanElement(b: Buffer, start: number, limit: number, refs: RefChecker, onChild?: ChildVisitor): number {
  // Name start, name length, name start, name length, ...: the array of the last call that
  // finished, when there is one (calls nest only through onChild), so most calls allocate none.
  // Its first `depth` slots are in use; it is never shortened, because V8 frees the storage of
  // an array cut to length 0 and the next push would allocate it again.
  const open = spareOpen ?? [];
  spareOpen = undefined;
  let depth = 0;
  // The direct child being read (depth 2): where its tag, attributes and content start.
  let childTag = 0;
  let childAttrStart = 0;
  let childAttrEnd = 0;
  let childContent = 0;
  let i = start;
  for (;;) {
    const c = b[i + 1];
    if (c === 0x2f /* / */) {
      if (depth === 0) throw new XmlSyntaxError('end tag without a start tag', i);
      const nameAt = open[depth - 2];
      const nameLen = open[depth - 1];
      const after = endTagClose(b, i + 2 + nameLen);
      if (after === -1 || after > limit || !sameRange(b, nameAt, i + 2, nameLen)) {
        throw new XmlSyntaxError(`end tag does not match <${decoded(b, nameAt, nameAt + nameLen)}>`, i);
      }
      depth -= 2;
      if (depth === 2 && onChild) onChild(knownName(b, nameAt, nameLen), childTag, childAttrStart, childAttrEnd, childContent, i);
      i = after;
      if (depth === 0) {
        spareOpen = open;
        return i;
      }
    } else if (c === 0x21 /* ! */) {
      let end: number;
      if (bytesStartWith(b, '<!--', i)) end = endOf(b, '-->', i + 4, limit, 'comment', i);
      else if (bytesStartWith(b, '<![CDATA[', i)) end = endOf(b, ']]>', i + 9, limit, 'CDATA section', i);
      else throw new XmlSyntaxError('unexpected "<!" inside an element', i);
      if (depth === 0) throw new XmlSyntaxError('expected an element', i);
      refs.exempt(i, end);
      i = end;
    } else if (c === 0x3f /* ? */) {
      const end = endOf(b, '?>', i + 2, limit, 'processing instruction', i);
      refs.exempt(i, end);
      i = end;
    } else {
      const attrStart = nameEnd(b, i + 1);
      if (attrStart === -1) throw new XmlSyntaxError('malformed start tag', i);
      const attrEnd = attributesEnd(b, attrStart);
      const after = startTagClose(b, attrEnd);
      if (after === -1 || after > limit) throw new XmlSyntaxError(`malformed start tag <${decoded(b, i + 1, attrStart)}`, i);
      const selfClosing = b[after - 2] === 0x2f;
      if (!selfClosing) {
        if (depth === 2) {
          childTag = i;
          childAttrStart = attrStart;
          childAttrEnd = attrEnd;
          childContent = after;
        }
        open[depth] = i + 1;
        open[depth + 1] = attrStart - i - 1;
        depth += 2;
      } else if (depth === 2) {
        if (onChild) onChild(knownName(b, i + 1, attrStart - i - 1), i, attrStart, attrEnd, after, after);
      } else if (depth === 0) {
        spareOpen = open;
        return after;
      }
      i = after;
    }
    const next = b.indexOf(0x3c, i);
    if (next === -1 || next >= limit) {
      const at = open[depth - 2];
      throw new XmlSyntaxError(`unexpected end of data: <${decoded(b, at, at + open[depth - 1])}> is not closed`, limit);
    }
    i = next;
  }
}

/** The parts of the start tag at `i`. Throws if it is malformed. */
export function readStartTag(b: Buffer, i: number): { qname: string; attrStart: number; attrEnd: number; contentStart: number; selfClosing: boolean } {
  const attrStart = b[i] === 0x3c ? nameEnd(b, i + 1) : -1;
  if (attrStart === -1) throw new XmlSyntaxError('malformed start tag', i);
  const attrEnd = attributesEnd(b, attrStart);
  const contentStart = startTagClose(b, attrEnd);
  if (contentStart === -1) throw new XmlSyntaxError(`malformed start tag <${decoded(b, i + 1, attrStart)}`, i);
  return { qname: knownName(b, i + 1, attrStart - i - 1), attrStart, attrEnd, contentStart, selfClosing: b[contentStart - 2] === 0x2f };
}

/** Skip whitespace, comments and PIs from `i`; return the index of the next other markup or text. */
function skipMisc(b: Buffer, i: number, refs: RefChecker): number {
  for (;;) {
    i = skipXmlSpace(b, i);
    if (bytesStartWith(b, '<!--', i)) {
      const end = endOf(b, '-->', i + 4, b.length, 'comment', i);
      refs.exempt(i, end);
      i = end;
    } else if (bytesStartWith(b, '<?', i) && !bytesStartWith(b, '<?xml', i)) {
      const end = endOf(b, '?>', i + 2, b.length, 'processing instruction', i);
      refs.exempt(i, end);
      i = end;
    } else {
      return i;
    }
  }
}

/** Skip a DOCTYPE declaration (with an optional internal subset) at `i`. */
function skipDoctype(b: Buffer, i: number, refs: RefChecker): number {
  const bracket = b.indexOf(0x5b /* [ */, i);
  const gt = b.indexOf(0x3e, i);
  if (gt === -1) throw new XmlSyntaxError('unterminated DOCTYPE', i);
  const end = bracket !== -1 && bracket < gt ? endOf(b, ']', bracket, b.length, 'DOCTYPE', i) : gt;
  const close = endOf(b, '>', end, b.length, 'DOCTYPE', i);
  refs.exempt(i, close);
  return close;
}

/** Index after an XML declaration `<?xml S [^?]* ?>` at `i`, or `i` when there is none. */
function skipXmlDecl(b: Buffer, i: number): number {
  if (!bytesStartWith(b, '<?xml', i) || !isXmlSpace(b[i + 5])) return i;
  const q = b.indexOf(0x3f /* ? */, i + 6);
  return q !== -1 && b[q + 1] === 0x3e ? q + 2 : i;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Length of a leading UTF-8 byte order mark (0 if none). */
export function bomLength(b: Buffer): number {
  return b.length >= 3 && UTF8_BOM.every((x, k) => b[k] === x) ? 3 : 0;
}

/**
 * Check a whole document: optional BOM and XML declaration, misc/DOCTYPE, exactly one root
 * element, then only whitespace, comments and PIs. Throws XmlSyntaxError.
 */
export function checkDocument(doc: string | Buffer): void {
  const b = typeof doc === 'string' ? Buffer.from(doc, 'utf8') : doc;
  const refs = new RefChecker(b);
  let i = skipMisc(b, skipXmlDecl(b, bomLength(b)), refs);
  if (bytesStartWith(b, '<!DOCTYPE', i)) i = skipMisc(b, skipDoctype(b, i, refs), refs);
  if (i >= b.length) throw new XmlSyntaxError('no root element', i);
  if (b[i] !== 0x3c || !isNameStartByte(b[i + 1])) throw new XmlSyntaxError('content before the root element', i);
  i = skipMisc(b, scanElement(b, i, b.length, refs), refs);
  if (i < b.length) throw new XmlSyntaxError('content after the root element', i);
  refs.checkBefore(b.length);
}
