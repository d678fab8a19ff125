/** Text clean-up shared by the arXiv parsers. */
import { shared } from './compactValues';
import { isJsSpace, isUncollapsedSpace, plainTrimmedText, textOf, XmlElement } from '../xml/element';

/** Titles and names: every whitespace run becomes one space (as arxiv.py does), ends trimmed. */
export function collapseWhitespace(s: string): string {
  // Most values need at most their ends trimmed: that spares the copy replace always makes.
  return hasSingleSpacesInside(s) ? s.trim() : s.replace(/\s+/g, ' ').trim();
}

/** Whether every whitespace character between the first and last other one is a lone U+0020. */
function hasSingleSpacesInside(s: string): boolean {
  let from = 0;
  let to = s.length;
  while (from < to && isJsSpace(s.charCodeAt(from))) from++;
  while (to > from && isJsSpace(s.charCodeAt(to - 1))) to--;
  for (let i = from; i < to; i++) if (isUncollapsedSpace(s, i)) return false;
  return true;
}

/**
 * An abstract as plain paragraphs separated by one blank line. arXiv marks a new paragraph
 * with a line that starts with spaces (arxiv-browse `abstract_lf_to_br`: "Lines that start
 * with two spaces should be broken"); a blank line also separates paragraphs. Other line
 * breaks are hard wraps (the legacy API wrapped at 80 columns) and become single spaces.
 */
export function normalizeAbstract(s: string): string {
  if (s.indexOf('\n') === -1 && s.indexOf('\r') === -1) return s.trim();
  const lines = s.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    const indented = line.charCodeAt(0) === 0x20 || line.charCodeAt(0) === 0x09;
    if (current.length > 0 && (t === '' || indented)) {
      paragraphs.push(current.join(' '));
      current = [];
    }
    if (t !== '') current.push(t);
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

/** An ISO 8601 UTC instant (`new Date(x).toISOString()`), or null if absent or unparseable. */
export function toIsoInstant(s: string | null | undefined): string | null {
  if (!s) return null;
  const d = new Date(s.trim());
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

// arXiv categories (`cs.LG`, `math-ph`, `cond-mat.stat-mech`), as opposed to ACM (`I.2.6`)
// or MSC (`14C20, 14M99`) terms that share the <category> element.
const CATEGORY_RE = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

export function isArxivCategory(term: string): boolean {
  return CATEGORY_RE.test(term);
}

/** Where category terms are gathered: an array, or a ScratchList (compactValues.ts). */
export interface TermList {
  includes(term: string): boolean;
  push(term: string): void;
}

/**
 * A `<category>` term, trimmed, added once: to `arxiv` when it is an arXiv category, else to
 * `other` (ACM and MSC codes). Empty terms are skipped; kept terms are shared strings.
 */
export function addCategoryTerm(raw: string, arxiv: TermList, other: TermList): void {
  const trimmed = raw.trim();
  if (!trimmed) return;
  const term = shared(trimmed);
  const list = isArxivCategory(term) ? arxiv : other;
  if (!list.includes(term)) list.push(term);
}

/** Empty string -> null, for optional fields. */
export function orNull(s: string | null | undefined): string | null {
  return s === null || s === undefined || s === '' ? null : s;
}

// Element values, cleaned as above. A value whose raw text is already clean is copied out of
// the record once (plainTrimmedText); the others are decoded, then cleaned.

export function trimmedTextOf(el: XmlElement): string {
  return plainTrimmedText(el, 'any') ?? textOf(el).trim();
}

export function collapsedTextOf(el: XmlElement): string {
  return plainTrimmedText(el, 'single-spaces') ?? collapseWhitespace(textOf(el));
}

export function abstractOf(el: XmlElement): string {
  return plainTrimmedText(el, 'no-line-feeds') ?? normalizeAbstract(textOf(el));
}
