/**
 * XML text decoding for the arXiv parsers. fast-xml-parser runs with entity processing off
 * (it is faster and its decoder only knows numeric references when HTML entities are on),
 * so text is decoded here: the five XML entities and numeric references, nothing else.
 * HTML names such as `&nbsp;` are not XML and are rejected, never interpreted.
 */
import { XmlSyntaxError } from './syntaxError';

const ENTITY_RE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,8})|#x([0-9a-fA-F]{1,8}));|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Code points XML 1.0 allows in a document (production [2] Char). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function replaceEntity(match: string, name?: string, dec?: string, hex?: string): string {
  if (name !== undefined) return NAMED[name];
  if (dec !== undefined || hex !== undefined) {
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex as string, 16);
    if (!isXmlChar(cp)) throw new XmlSyntaxError(`character reference ${match} is not an XML character`);
    return String.fromCodePoint(cp);
  }
  throw new XmlSyntaxError('"&" that does not start an XML entity reference');
}

/** Decode `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#N;` / `&#xH;` in one pass (so `&amp;lt;` stays `&lt;`). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY_RE, replaceEntity);
}

/**
 * The text of raw element content sliced from the body: line ends normalised, entities
 * decoded, CDATA kept literally, comments and processing instructions dropped, and any child
 * markup (Atom `type="xhtml"` content) reduced to its text. The content was already checked
 * for well-formedness, so this does not re-validate.
 */
export function rawToText(raw: string): string {
  // XML reads every CR LF or lone CR as LF (fast-xml-parser does the same for the skeleton).
  if (raw.indexOf('\r') !== -1) raw = raw.replace(/\r\n?/g, '\n');
  let lt = raw.indexOf('<');
  if (lt === -1) return decodeEntities(raw);
  let out = '';
  let i = 0;
  while (lt !== -1) {
    out += decodeEntities(raw.slice(i, lt));
    if (raw.startsWith('<![CDATA[', lt)) {
      const end = raw.indexOf(']]>', lt + 9);
      if (end === -1) throw new XmlSyntaxError('unterminated CDATA section');
      out += raw.slice(lt + 9, end);
      i = end + 3;
    } else if (raw.startsWith('<!--', lt)) {
      const end = raw.indexOf('-->', lt + 4);
      if (end === -1) throw new XmlSyntaxError('unterminated comment');
      i = end + 3;
    } else if (raw.startsWith('<?', lt)) {
      const end = raw.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlSyntaxError('unterminated processing instruction');
      i = end + 2;
    } else {
      i = tagEnd(raw, lt) + 1;
    }
    lt = raw.indexOf('<', i);
  }
  return out + decodeEntities(raw.slice(i));
}

/** Index of the `>` closing the tag that starts at `lt`, skipping quoted attribute values. */
function tagEnd(s: string, lt: number): number {
  for (let i = lt + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      const q = s.indexOf(s[i], i + 1);
      if (q === -1) break;
      i = q;
    }
  }
  throw new XmlSyntaxError('unterminated tag', lt);
}
