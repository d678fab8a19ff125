/**
 * Authors from a daily feed's single `dc:creator` string, e.g.
 * `Ann Lee (MIT, CSAIL), Bo Li, Benjamin R\'emy (LEMTA)` (arxiv-feed `extensions.py`).
 * Affiliations contain commas, so names are split on commas outside parentheses, and each
 * parenthesised group is split the same way into affiliations. TeX accents become Unicode so
 * the names match the API's.
 */
import { texAccentsToUnicode } from '../text/texAccents';
import { hasPlainContent, plainTrimmedBytes, textOf, XmlElement } from '../xml/element';
import { fittedOrNone, NONE } from './compactValues';
import { collapseWhitespace } from './text';
import type { Author } from './types';

/** Split on commas at parenthesis depth 0; an unclosed `(` runs to the end of the string. */
export function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29) depth = Math.max(0, depth - 1);
    else if (c === 0x2c && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function clean(s: string): string {
  return texAccentsToUnicode(collapseWhitespace(s));
}

/** One `Name (Aff1, Aff2) (Aff3)` piece: the name is the text outside parentheses. */
function parseAuthor(piece: string): Author | null {
  if (piece.indexOf('(') === -1) {
    const name = clean(piece);
    return name ? { name, affiliations: NONE } : null;
  }
  let name = '';
  const affiliations: string[] = [];
  const addGroup = (group: string): void => {
    for (const a of splitTopLevel(group)) {
      const aff = clean(a);
      if (aff) affiliations.push(aff);
    }
  };
  let depth = 0;
  let start = 0; // start of the current run of name text (depth 0) or group (depth 1)
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (c === 0x28) {
      if (depth++ === 0) {
        name += piece.slice(start, i);
        start = i + 1;
      }
    } else if (c === 0x29 && depth > 0 && --depth === 0) {
      addGroup(piece.slice(start, i));
      start = i + 1;
    }
  }
  // An unclosed "(" keeps what follows as an affiliation rather than losing it.
  if (depth > 0) addGroup(piece.slice(start));
  else name += piece.slice(start);
  const cleanName = clean(name);
  if (!cleanName && affiliations.length === 0) return null;
  return { name: cleanName, affiliations: fittedOrNone(affiliations) };
}

/** All authors of a `dc:creator` value, in order. */
export function parseCreators(creator: string): Author[] {
  const authors: Author[] = [];
  for (const piece of splitTopLevel(creator)) {
    const a = parseAuthor(piece);
    if (a) authors.push(a);
  }
  return authors;
}

/**
 * The authors of a `dc:creator` element, as parseCreators reads its text, added to `out`. A
 * feed has thousands of names and most need no cleaning (no affiliation, TeX or odd spacing):
 * those are decoded straight out of the record, one string each, rather than cut from the
 * decoded creator string.
 */
export function addCreatorsOf(el: XmlElement, out: { push(author: Author): void }): void {
  if (!hasPlainContent(el)) {
    for (const a of parseCreators(textOf(el))) out.push(a);
    return;
  }
  // Plain content: its text is these bytes, and `(`, `)` and `,` are the same in both.
  const { src, contentEnd } = el;
  let depth = 0;
  let start = el.contentStart;
  let simple = true; // the piece so far has no parenthesis or backslash
  for (let i = start; i <= contentEnd; i++) {
    const c = i < contentEnd ? src[i] : 0x2c; // the end closes the last piece
    if (c === 0x28 /* ( */) {
      depth++;
      simple = false;
    } else if (c === 0x29 /* ) */) {
      depth = Math.max(0, depth - 1);
    } else if (c === 0x5c /* \ */) {
      simple = false;
    } else if (c === 0x2c /* , */ && (depth === 0 || i === contentEnd)) {
      const name = simple ? plainTrimmedBytes(src, start, i, 'single-spaces') : undefined;
      const a = name !== undefined ? (name ? { name, affiliations: NONE } : null) : parseAuthor(src.toString('utf8', start, i));
      if (a) out.push(a);
      depth = 0;
      start = i + 1;
      simple = true;
    }
  }
}
