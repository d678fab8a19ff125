/**
 * Splits paper text into search terms: lowercase, accents folded (so "Hürriyetoğlu" is found by
 * "hurriyetoglu" and TeX's "R\'emy" by "remy"), plurals folded, one-letter words and common
 * English words dropped.
 * Index and query use the same function, so they always agree on what a term is. Most arXiv text
 * is ASCII, which takes a fast loop; building a 50,000-paper index spends most of its time here.
 */

const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can do does for from had has have how if in into is it its ' +
    'not of on or our over so such than that the their them then there these they this those to ' +
    'was we were what when where which while who will with within without would you your'
  ).split(' '),
);

/** Letters that NFKD does not decompose into a base letter plus accent. */
const FOLD: Record<string, string> = { ø: 'o', ß: 'ss', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i', ð: 'd', þ: 'th' };

/** `\'e`, `\"{o}`, `\v{s}`: TeX accents in author names and titles. */
const TEX_ACCENT = /\\[`'^"~=.uvHcdbrtk]\{?\\?([A-Za-z])\}?/g;

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/**
 * Harman's S-stemmer: "models" and "model", "policies" and "policy" become one term, so a query
 * in the singular finds titles in the plural. Deliberately minimal: it never merges different words.
 */
export function stem(term: string): string {
  if (term.length <= 3 || !term.endsWith('s')) return term;
  if (term.endsWith('ies') && !term.endsWith('eies') && !term.endsWith('aies')) return term.slice(0, -3) + 'y';
  if (term.endsWith('es') && !term.endsWith('aes') && !term.endsWith('ees') && !term.endsWith('oes')) return term.slice(0, -1);
  if (term.endsWith('us') || term.endsWith('ss') || term.endsWith('is')) return term;
  return term.slice(0, -1);
}

function keep(term: string, out: string[]): void {
  if (term.length > 1 && !STOPWORDS.has(term)) out.push(stem(term));
}

function asciiTerms(text: string, out: string[]): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isAsciiAlnum(text.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      keep(text.slice(start, i).toLowerCase(), out);
      start = -1;
    }
  }
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  if (text.includes('\\')) text = text.replace(TEX_ACCENT, '$1');
  if (!/[^\x00-\x7f]/.test(text)) {
    asciiTerms(text, out);
    return out;
  }
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øßłđæœıðþ]/g, (c) => FOLD[c]);
  for (const term of folded.split(/[^\p{L}\p{N}]+/u)) keep(term, out);
  return out;
}
