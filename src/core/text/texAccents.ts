/**
 * TeX accent macros to Unicode, for author names. rss.arxiv.org sends names as submitted
 * (`Benjamin R\'emy`, `Pawe{\l}`, `\v{S}imon`) while the API sends them in Unicode, so the
 * feeds' names are converted to match. Only accents and the special letters of names are
 * handled; anything else (math, unknown macros) is left as written.
 */

/** Combining marks for the accent macros (`\'e` = e + U+0301, then NFC composes é). */
const SYMBOL_ACCENTS: Readonly<Record<string, string>> = {
  "'": '\u0301', // acute
  '`': '\u0300', // grave
  '^': '\u0302', // circumflex
  '"': '\u0308', // diaeresis
  '~': '\u0303', // tilde
  '=': '\u0304', // macron
  '.': '\u0307', // dot above
};

const LETTER_ACCENTS: Readonly<Record<string, string>> = {
  u: '\u0306', // breve
  v: '\u030C', // caron
  H: '\u030B', // double acute
  c: '\u0327', // cedilla
  k: '\u0328', // ogonek
  r: '\u030A', // ring above
  d: '\u0323', // dot below
  b: '\u0331', // macron below
};

/** Letters that are macros of their own (`\l` = ł). Longest names first in the pattern. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  dh: 'ð',
  DH: 'Ð',
  dj: 'đ',
  DJ: 'Đ',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
};

// The accented base: a letter, `\i`/`\j` (dotless, so `\'\i` is í), optionally in braces.
// A space after `\i` ends the control word and is dropped, as TeX does.
const BASE = String.raw`(?:\{\s*(\\[ij](?![A-Za-z])|[A-Za-z])\s*\}|(\\[ij](?![A-Za-z])[ ]?|[A-Za-z]))`;
// `\'e`, `\' e`, `\'{e}`, `\'{\i}`.
const SYMBOL_RE = new RegExp(String.raw`\\(['\`^"~=.])\s*` + BASE, 'g');
// `\v{s}`, `\v s`, `\c{c}`: a letter macro needs braces or a space before its argument.
const LETTER_RE = new RegExp(
  String.raw`\\([uvHckrdb])(?:\s*\{\s*(\\[ij](?![A-Za-z])|[A-Za-z])\s*\}|\s+([A-Za-z]))`,
  'g',
);
const SPECIAL_RE = new RegExp(
  String.raw`\\(${Object.keys(SPECIAL_LETTERS)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![A-Za-z])(?:\{\}|[ ](?=[A-Za-z]))?`,
  'g',
);
// A group left holding one converted (so non-ASCII) letter: `{\'e}` -> `{é}` -> `é`.
// Groups around ASCII text (`\cite{x}`) are not ours to touch.
const SINGLE_GROUP_RE = /\{(?=[^\x00-\x7F])(\p{L}\p{M}*)\}/gu;

function base(letter: string): string {
  // A dotless i/j under an accent is how TeX writes í; Unicode wants the plain letter.
  if (letter.startsWith('\\i')) return 'i';
  if (letter.startsWith('\\j')) return 'j';
  return letter;
}

/** Convert TeX accent macros and special letters to composed Unicode (NFC). */
export function texAccentsToUnicode(s: string): string {
  if (s.indexOf('\\') === -1) return s;
  const out = s
    .replace(SYMBOL_RE, (_m, acc: string, braced?: string, bare?: string) => base((braced ?? bare) as string) + SYMBOL_ACCENTS[acc])
    .replace(LETTER_RE, (_m, acc: string, braced?: string, bare?: string) => base((braced ?? bare) as string) + LETTER_ACCENTS[acc])
    .replace(SPECIAL_RE, (_m, name: string) => SPECIAL_LETTERS[name])
    .normalize('NFC')
    .replace(SINGLE_GROUP_RE, '$1');
  return out;
}
