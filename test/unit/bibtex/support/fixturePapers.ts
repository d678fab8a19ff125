/**
 * Papers from the real recorded arXiv responses, through the project's own parsers: the combined
 * daily feed (TeX accents in names and titles, `&`, `%`, `_`, math) and the API captures (Unicode
 * names, LaTeX titles, journal refs and DOIs).
 */
import { parseAny } from '../../../../src/core/arxiv/parse';
import type { Paper } from '../../../../src/core/arxiv/types';
import { readFixture } from '../../../support/paths';

export function fixturePapers(name: string): Paper[] {
  return parseAny(readFixture(name)).papers;
}

const TEX_SPECIAL = /[\\&%$#_{}~^<>]/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * `n` papers, hardest first: every API paper, then the feed papers with LaTeX specials in the title
 * or journal reference, with both a journal reference and a DOI, with non-ASCII names, then the rest.
 */
export function libraryOf(n: number): Paper[] {
  const api = [...fixturePapers('api-legacy-search-deep-dream-2017.xml'), ...fixturePapers('api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml')];
  const feed = fixturePapers('rss-all-archives-combined-2024-11-28.xml');
  const rank = (p: Paper) =>
    TEX_SPECIAL.test(p.title) || TEX_SPECIAL.test(p.journalRef ?? '') ? 0 : p.doi && p.journalRef ? 1 : p.authors.some((a) => NON_ASCII.test(a.name)) ? 2 : 3;
  const ordered = [...api, ...[0, 1, 2, 3].flatMap((r) => feed.filter((p) => rank(p) === r))];
  const seen = new Set<string>();
  const out: Paper[] = [];
  for (const p of ordered) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push(p);
    if (out.length === n) break;
  }
  return out;
}
