/** A whole library, or any list of papers, as one .bib file. */
import { assignCiteKeys, DEFAULT_KEY_TEMPLATE, validateKeyTemplate } from './citeKey';
import { type BibPaper, bibEntry, formatBibEntry } from './entry';
import type { UnicodeMode } from './texEncode';

export interface BibtexOptions {
  /** Citation key template (see citeKey.ts); default `{auth}{year}{shorttitle}`. */
  keyTemplate?: string;
  /** `tex` (default): non-ASCII as TeX accents, for classic BibTeX; `utf8`: kept, for biblatex/biber. */
  unicode?: UnicodeMode;
}

export interface ExportedEntry {
  id: string;
  key: string;
  text: string;
}

/** Entries in the order given; a paper listed twice (any version) is exported once, as its latest version. */
export function bibtexEntries(papers: readonly BibPaper[], options: BibtexOptions = {}): ExportedEntry[] {
  const template = options.keyTemplate ?? DEFAULT_KEY_TEMPLATE;
  const problem = validateKeyTemplate(template);
  if (problem) throw new Error(problem);
  const latest = new Map<string, BibPaper>();
  for (const p of papers) {
    const seen = latest.get(p.id);
    if (!seen || seen.version < p.version) latest.set(p.id, p);
  }
  const unique = [...latest.values()];
  const keys = assignCiteKeys(unique, template);
  return unique.map((p, i) => ({ id: p.id, key: keys[i], text: formatBibEntry(bibEntry(p, keys[i], options.unicode ?? 'tex')) }));
}

export function exportBibtex(papers: readonly BibPaper[], options: BibtexOptions = {}): string {
  return bibtexEntries(papers, options)
    .map((e) => e.text)
    .join('\n');
}
