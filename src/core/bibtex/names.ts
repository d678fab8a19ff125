/**
 * Author names for BibTeX and for citation keys. arXiv gives names as "First Last" (the feed
 * parser has already turned TeX accents into Unicode), which BibTeX parses correctly when joined
 * with " and ", as long as no name contains a bare "and" or a comma, and collaborations are
 * braced so BibTeX does not take "Collaboration" for a surname.
 */
import { encodeText, type UnicodeMode } from './texEncode';
import { plainText, readTexText } from './texText';

const CORPORATE = /\b(?:collaboration|consortium|team|group|collab\.?|project|committee|organi[sz]ation|network|initiative|council|institute)\b/i;

export function bibtexName(name: string, mode: UnicodeMode): string {
  const plain = plainText(readTexText(name));
  if (CORPORATE.test(plain) || plain.includes(',')) return `{${encodeText(plain, mode)}}`;
  return plain
    .split(' ')
    .map((w) => (/^and$/i.test(w) ? `{${w}}` : encodeText(w, mode)))
    .join(' ');
}

export function authorField(names: readonly string[], mode: UnicodeMode): string {
  return names
    .map((n) => bibtexName(n, mode))
    .filter((n) => n !== '')
    .join(' and ');
}

const SPECIAL_FOLD: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'TH', ı: 'i', ŋ: 'ng', Ŋ: 'NG',
};

/** Latin letters without accents (`Hürriyetoğlu` -> `Hurriyetoglu`); other scripts are dropped. */
export function asciiFold(s: string): string {
  return s
    .replace(/[ßæÆœŒøØłŁđĐðÐþÞıŋŊ]/g, (c) => SPECIAL_FOLD[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '');
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;

/** The surname for a key: the last word of the name, suffixes skipped, ASCII letters and digits only. */
export function keySurname(name: string): string {
  const words = plainText(readTexText(name)).split(' ').filter(Boolean);
  while (words.length > 1 && SUFFIX.test(words[words.length - 1])) words.pop();
  return asciiFold(words[words.length - 1] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
