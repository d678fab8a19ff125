/**
 * The prefix rss.arxiv.org puts before each abstract, `arXiv:<id>v<N> Announce Type: <type> \n
 * Abstract: ` (arxiv-feed's serializer), read where it lies in the feed's bytes, so that taking
 * the abstract after it costs no decoded window, regexp match or substring per item.
 */
import { isJsSpace, XmlElement } from '../xml/element';

/** The same prefix in decoded text, for content the byte reader leaves alone. Groups: id, announce type. */
export const ANNOUNCE_PREFIX_RE = /^\s*arXiv:(\S+)\s+Announce Type:\s*(\S+)\s*(?:\r?\n)?\s*Abstract:[ \t]?/;

/**
 * Byte length of ANNOUNCE_PREFIX_RE's match at the start of the element's raw content, when
 * the raw bytes show it plainly: all of it and the byte after it ASCII that needs no decoding
 * (no `&`, `<` or CR), with the id and the type each followed by white space. The decoded text
 * then starts with the same match, of that many characters. Otherwise -1, and the caller
 * matches the decoded text.
 */
export function announcePrefixLength(el: XmlElement): number {
  if (el.kind !== 'span') return -1;
  const { src: b, contentStart: start, contentEnd: end } = el;
  let i = skipSpace(b, start, end);
  i = literal(b, i, end, 'arXiv:');
  const idEnd = runEnd(b, i, end);
  if (idEnd === i) return -1;
  i = skipSpace(b, idEnd, end);
  if (i === idEnd) return -1;
  i = literal(b, i, end, 'Announce Type:');
  i = skipSpace(b, i, end);
  const typeEnd = runEnd(b, i, end);
  if (typeEnd === i) return -1;
  i = literal(b, skipSpace(b, typeEnd, end), end, 'Abstract:');
  if (i !== -1 && i < end && (b[i] === 0x20 || b[i] === 0x09)) i++;
  // The byte after the match must be plain too: a CR there would decode as a line feed.
  if (i === -1 || (i < end && !isPlain(b[i]))) return -1;
  return i - start;
}

/** ASCII that decodes to itself: not `&` (a reference), `<` (markup) or CR (line ends are normalized). */
function isPlain(c: number): boolean {
  return c < 0x80 && c !== 0x26 && c !== 0x3c && c !== 0x0d;
}

/** Index after the ASCII white space from `i` (-1 stays -1). */
function skipSpace(b: Buffer, i: number, end: number): number {
  if (i === -1) return -1;
  while (i < end && isJsSpace(b[i]) && isPlain(b[i])) i++;
  return i;
}

/** Index after the run of plain non-space bytes from `i` (`i` itself when there is none, or -1). */
function runEnd(b: Buffer, i: number, end: number): number {
  if (i === -1) return -1;
  while (i < end && isPlain(b[i]) && !isJsSpace(b[i])) i++;
  // The run must end at white space: at anything else (non-ASCII, a reference) the decoded
  // text's run could go on.
  return i < end && isJsSpace(b[i]) && isPlain(b[i]) ? i : -1;
}

/** Index after `word` when it is at `i`, else -1. */
function literal(b: Buffer, i: number, end: number, word: string): number {
  if (i === -1 || i + word.length > end) return -1;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) return -1;
  return i + word.length;
}
