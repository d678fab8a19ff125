/**
 * Writing Unicode text into a BibTeX field. The ten LaTeX specials are always escaped. Non-ASCII
 * is either kept as UTF-8 (biblatex/biber read it) or, by default, written as TeX accents
 * (`ö` -> `{\"o}`) so classic BibTeX sorts and case-changes it correctly. A character with no TeX
 * spelling stays UTF-8 either way.
 */
import { SYMBOL_MACROS } from './texText';

export type UnicodeMode = 'tex' | 'utf8';

const SPECIALS: Readonly<Record<string, string>> = {
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '\\': '\\textbackslash{}',
  // `<` and `>` print as ¡ and ¿ in the OT1 font encoding.
  '<': '$<$',
  '>': '$>$',
};

/** Combining marks to accent macros; a symbol accent takes its letter bare, a letter accent in braces. */
const MARKS: Readonly<Record<string, string>> = {
  '\u0300': '`', '\u0301': "'", '\u0302': '^', '\u0303': '~', '\u0304': '=', '\u0307': '.', '\u0308': '"',
  '\u0306': 'u', '\u030C': 'v', '\u030B': 'H', '\u0327': 'c', '\u0328': 'k', '\u030A': 'r', '\u0323': 'd', '\u0331': 'b',
};

/** Letters that are macros of their own in TeX. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: '{\\ss}', æ: '{\\ae}', Æ: '{\\AE}', œ: '{\\oe}', Œ: '{\\OE}', å: '{\\aa}', Å: '{\\AA}', ø: '{\\o}', Ø: '{\\O}',
  ł: '{\\l}', Ł: '{\\L}', ı: '{\\i}', ȷ: '{\\j}', ð: '{\\dh}', Ð: '{\\DH}', þ: '{\\th}', Þ: '{\\TH}', đ: '{\\dj}', Đ: '{\\DJ}',
  ŋ: '{\\ng}', Ŋ: '{\\NG}',
};

/** Typographic characters with a text-mode spelling (these read back the same with any TeX reader). */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '–': '--', '—': '---', '‘': '`', '’': "'", '“': '``', '”': "''", '…': '\\ldots{}', '\u00a0': '~',
};

/** Math-only characters (Greek, ±, ≤ ...) as inline math. */
const MATH_SYMBOLS: ReadonlyMap<string, string> = new Map(
  Object.entries(SYMBOL_MACROS)
    .filter(([name, ch]) => !(ch in PUNCTUATION) && !['le', 'ge', 'to', 'dots', 'ldots'].includes(name))
    .map(([name, ch]) => [ch, `$\\${name}$`]),
);

export function encodeText(text: string, mode: UnicodeMode): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const special = SPECIALS[ch];
    if (special !== undefined) out += special;
    else if (ch.charCodeAt(0) < 0x80 || mode === 'utf8') out += ch;
    else out += encodeNonAscii(ch);
  }
  return out;
}

function encodeNonAscii(ch: string): string {
  const direct = LETTERS[ch] ?? PUNCTUATION[ch] ?? MATH_SYMBOLS.get(ch);
  if (direct !== undefined) return direct;
  const [base, ...marks] = [...ch.normalize('NFD')];
  if (marks.length === 0 || marks.some((m) => MARKS[m] === undefined)) return ch;
  if (base.charCodeAt(0) >= 0x80 && LETTERS[base] === undefined) return ch;
  // ı and ȷ under an accent are spelt with the plain letter in Unicode (í = i + acute).
  let tex = base === 'i' || base === 'j' ? `\\${base}` : (LETTERS[base]?.slice(1, -1) ?? base);
  for (const m of marks) {
    const acc = MARKS[m];
    tex = /[a-z]/i.test(acc) || tex.length > 1 ? `\\${acc}{${tex}}` : `\\${acc}${tex}`;
  }
  return `{${tex}}`;
}
