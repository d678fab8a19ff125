/** The year a paper is cited with: its first version's, from `published`, else read from the id. */
import type { Paper } from '../arxiv/types';

export function paperYear(paper: Pick<Paper, 'id' | 'published'>): string {
  if (paper.published && /^\d{4}/.test(paper.published)) return paper.published.slice(0, 4);
  // Daily feeds carry no per-paper date, but the id says when it was submitted.
  const m = /^(\d{2})\d{2}\.\d+$/.exec(paper.id) ?? /\/(\d{2})\d{5}$/.exec(paper.id);
  if (!m) return '';
  const yy = Number(m[1]);
  return String(yy >= 91 ? 1900 + yy : 2000 + yy);
}
