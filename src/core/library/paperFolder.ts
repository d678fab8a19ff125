/**
 * Where a paper lives in the library: `<fileSafeId>-<slug>/notes.md`. The id comes first so a
 * folder listing sorts by arXiv id and a paper is easy to find by id; the slug makes it readable.
 */

export const NOTE_FILE = 'notes.md';

/** `hep-th/9901001` -> `hep-th_9901001`; anything outside [A-Za-z0-9._-] becomes `_`. */
export function fileSafeId(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}

const MAX_SLUG = 40;
const MAX_WORDS = 6;
const DANGLING = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);

/** A few lowercase ASCII words of the title, at most 40 characters, cut at a word boundary. */
export function titleSlug(title: string): string {
  const words = title
    .replace(/\$[^$]*\$/g, ' ') // inline TeX says little in a folder name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const kept: string[] = [];
  for (const word of words.slice(0, MAX_WORDS)) {
    if ([...kept, word].join('-').length > MAX_SLUG) break;
    kept.push(word);
  }
  // "…-representation-of" reads as cut off; end on a word that carries meaning.
  while (kept.length > 1 && DANGLING.has(kept[kept.length - 1])) kept.pop();
  return kept.length ? kept.join('-') : (words[0] ?? '').slice(0, MAX_SLUG);
}

export function paperFolderName(id: string, title: string): string {
  const slug = titleSlug(title);
  return slug ? `${fileSafeId(id)}-${slug}` : fileSafeId(id);
}
