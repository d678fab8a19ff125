/**
 * Which library papers teach a ranker what the user likes: every saved paper (inbox through
 * replicated) except abandoned ones, or for a tag's ranker only the papers with that tag. They
 * are returned with their text so papers no longer in the feed cache still count.
 */
import type { RankDoc, RankerKey } from './types';

/** The fields of a library record ranking reads (LibraryRecord satisfies it). */
export interface LibraryPaperLike {
  id: string;
  title: string;
  summary: string | null;
  published: string | null;
  status: string;
  tags: readonly string[];
}

const NOT_A_POSITIVE: ReadonlySet<string> = new Set(['abandoned']);

export function tagRankerKey(tag: string): RankerKey {
  return `tag:${tag}`;
}

export function libraryPositives(records: readonly LibraryPaperLike[], tag?: string): RankDoc[] {
  return records
    .filter((r) => !NOT_A_POSITIVE.has(r.status) && (tag === undefined || r.tags.includes(tag)))
    .map((r) => ({ id: r.id, title: r.title, summary: r.summary, published: r.published }));
}
