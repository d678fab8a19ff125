/**
 * One paper as a BibTeX entry in arXiv's own style (the "Export BibTeX citation" of arxiv.org):
 * `@misc` with eprint, archivePrefix, primaryClass and url; `@article` with journal and doi when the
 * paper has both a journal reference and a DOI. A DOI alone is kept as `doi`, a journal reference
 * alone as `note`.
 */
import type { Paper } from '../arxiv/types';
import { authorField } from './names';
import { textField, titleField } from './protect';
import type { UnicodeMode } from './texEncode';
import { paperYear } from './year';

export type BibPaper = Pick<Paper, 'id' | 'version' | 'title' | 'authors' | 'published' | 'primaryCategory' | 'categories' | 'journalRef' | 'doi'>;

export interface BibEntry {
  type: 'misc' | 'article';
  key: string;
  /** Field name and value as written between the braces, in output order. */
  fields: [string, string][];
}

export function bibEntry(paper: BibPaper, key: string, mode: UnicodeMode = 'tex'): BibEntry {
  const article = !!paper.journalRef?.trim() && !!paper.doi?.trim();
  const fields: [string, string][] = [['title', titleField(paper.title, mode)]];
  const authors = authorField(
    paper.authors.map((a) => a.name),
    mode,
  );
  if (authors) fields.push(['author', authors]);
  if (article) fields.push(['journal', textField(paper.journalRef as string, mode)]);
  const year = paperYear(paper);
  if (year) fields.push(['year', year]);
  // DOIs are verbatim link targets; escaping `_` would break them. Braces cannot occur in one.
  if (paper.doi?.trim()) fields.push(['doi', paper.doi.trim().replace(/[{}]/g, '')]);
  fields.push(['eprint', paper.id], ['archivePrefix', 'arXiv']);
  const primary = paper.primaryCategory ?? paper.categories[0];
  if (primary) fields.push(['primaryClass', primary]);
  fields.push(['url', `https://arxiv.org/abs/${paper.id}`]);
  // Without a DOI the reference cannot be checked, so it stays a preprint, but keeps the venue.
  if (!article && paper.journalRef?.trim()) fields.push(['note', textField(paper.journalRef, mode)]);
  return { type: article ? 'article' : 'misc', key, fields };
}

export function formatBibEntry(entry: BibEntry): string {
  const body = entry.fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${entry.type}{${entry.key},\n${body}\n}\n`;
}
