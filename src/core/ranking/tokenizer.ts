/**
 * Words of a title or abstract, as arxiv-sanity-lite's TfidfVectorizer sees them
 * (`strip_accents='unicode'`, `lowercase=True`, `stop_words='english'`,
 * `token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b'`), with two deliberate differences:
 * LaTeX markup is removed first, and words in any script count (sklearn's ASCII-only pattern
 * drops "søren" and every Greek or Cyrillic word). On plain ASCII text the tokens are identical:
 * a token is a maximal run of letters, digits and underscores that starts with a letter or an
 * underscore and has at least two characters.
 */
import { stripLatex } from './latex';
import { ENGLISH_STOP_WORDS } from './stopWords';
import { WordTable } from './wordTable';

const NONE = 0;
const STARTS = 1; // letter or underscore: may start a token
const CONTINUES = 2; // digit or combining mark: may only continue one

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[a-zA-Z_]/.test(ch)) ASCII_CLASS[c] = STARTS;
  else if (/[0-9]/.test(ch)) ASCII_CLASS[c] = CONTINUES;
}

const LETTER = /^\p{L}$/u;
const WORD_TAIL = /^[\p{N}\p{M}]$/u;
const nonAsciiClass = new Map<number, number>();
function classOf(codePoint: number): number {
  let k = nonAsciiClass.get(codePoint);
  if (k === undefined) {
    const ch = String.fromCodePoint(codePoint);
    k = LETTER.test(ch) ? STARTS : WORD_TAIL.test(ch) ? CONTINUES : NONE;
    nonAsciiClass.set(codePoint, k);
  }
  return k;
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;

/** Lower case without accents (NFKD, then combining marks dropped), like sklearn's strip_accents='unicode'. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
}

/** Word ids of one document, reused from document to document. */
export interface IdBuffer {
  ids: Int32Array;
  length: number;
}

export function idBuffer(): IdBuffer {
  return { ids: new Int32Array(1024), length: 0 };
}

function push(out: IdBuffer, id: number): void {
  if (out.length === out.ids.length) {
    const ids = new Int32Array(out.ids.length * 2);
    ids.set(out.ids);
    out.ids = ids;
  }
  out.ids[out.length++] = id;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Appends the ids of the words of `text` to `out`, skipping stop words (the table flags them).
 * With `insert`, new words join the table; without, an unknown word appends -1, so it still
 * separates its neighbours (they are not a bigram).
 */
export function scanWords(text: string, table: WordTable, insert: boolean, out: IdBuffer): void {
  const s = stripLatex(text);
  // Most text is ASCII: as UTF-8 it takes exactly one byte per character, and scanning bytes is
  // faster than reading the string a character at a time. Anything else is folded first (this
  // also lower-cases it) and scanned as a string.
  if (bytes.length < 3 * s.length) bytes = new Uint8Array(3 * s.length + 1024);
  const n = UTF8.encodeInto(s, bytes).written;
  if (n === s.length) scanAscii(bytes, n, table, insert, out);
  else scanFolded(foldText(s), table, insert, out);
}

const UTF8 = new TextEncoder();
/** The text as bytes; at most 3 per UTF-16 unit, so encodeInto always writes all of it. */
let bytes = new Uint8Array(1 << 14);
/** ASCII code -> its lower-case code if it belongs to a word, else -1. */
const ASCII_FOLD = new Int16Array(128);
for (let c = 0; c < 128; c++) ASCII_FOLD[c] = ASCII_CLASS[c] === NONE ? -1 : c >= 65 && c <= 90 ? c + 32 : c;

/** scanWords on ASCII bytes, lower-casing each word in place as it hashes it. */
function scanAscii(b: Uint8Array, n: number, table: WordTable, insert: boolean, out: IdBuffer): void {
  let i = 0;
  while (i < n) {
    let f = ASCII_FOLD[b[i]];
    if (f < 0) {
      i++;
      continue;
    }
    const start = i;
    const startsWell = ASCII_CLASS[f] === STARTS;
    let h = FNV_OFFSET;
    do {
      b[i] = f;
      h = Math.imul(h ^ f, FNV_PRIME);
      i++;
    } while (i < n && (f = ASCII_FOLD[b[i]]) >= 0);
    if (!startsWell || i - start < 2) continue;
    const id = table.findBytes(b, start, i, h, insert);
    if (id >= 0 && table.isStop(id)) continue;
    push(out, id);
  }
}

/** scanWords on text with non-ASCII characters, already folded. */
function scanFolded(s: string, table: WordTable, insert: boolean, out: IdBuffer): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    let k = c < 128 ? ASCII_CLASS[c] : classOf(s.codePointAt(i)!);
    if (k === NONE) {
      i += c >= 0xd800 && c < 0xdc00 ? 2 : 1;
      continue;
    }
    const start = i;
    const startsWell = k === STARTS;
    let length = 0;
    let h = FNV_OFFSET;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c < 128) {
        if (ASCII_CLASS[c] === NONE) break;
        if (c >= 65 && c <= 90) c += 32;
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
      } else {
        const cp = s.codePointAt(i)!;
        if (classOf(cp) === NONE) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        if (cp > 0xffff) h = Math.imul(h ^ s.charCodeAt(i + 1), FNV_PRIME);
        i += cp > 0xffff ? 2 : 1;
      }
      length++;
    }
    if (!startsWell || length < 2) continue;
    const id = table.find(s, start, i, h, insert);
    if (id >= 0 && table.isStop(id)) continue;
    push(out, id);
  }
}

/** The tokens of `text` as strings (for tests and inspection; fitting uses scanWords). */
export function tokenize(text: string, stopWords: ReadonlySet<string> = ENGLISH_STOP_WORDS): string[] {
  const table = new WordTable(64, stopWords);
  const out = idBuffer();
  scanWords(text, table, true, out);
  return Array.from(out.ids.subarray(0, out.length), (id) => table.words[id]);
}
