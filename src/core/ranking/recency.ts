/**
 * The fallback order: newest first. Used until the library has enough papers to learn from, and
 * it says so, so the Feeds view can tell the user why nothing is "recommended" yet.
 */
import { mergeSortTask } from './sorting';
import type { Task } from './tasks';
import { LIBRARY_RANKER, type RankerKey } from './types';

/** `indices` ordered by date, newest first; undated last; then by id, descending (newer arXiv ids are larger). */
export function* recencyOrder(published: readonly number[], ids: readonly string[], indices: Int32Array): Task<Int32Array> {
  const newer = (a: number, b: number): boolean => {
    const da = published[a];
    const db = published[b];
    if (da !== db) {
      if (Number.isNaN(db)) return !Number.isNaN(da);
      if (Number.isNaN(da)) return false;
      return da > db;
    }
    return ids[a] > ids[b];
  };
  return yield* mergeSortTask(indices, newer);
}

function whose(key: RankerKey): string {
  return key === LIBRARY_RANKER ? 'your library has' : key.startsWith('tag:') ? `the tag “${key.slice(4)}” has` : `“${key}” has`;
}

export const recencyReasons = {
  fewPositives: (key: RankerKey, positives: number, needed: number): string =>
    `Sorted by date: recommendations start when ${whose(key)} ${needed} papers (it has ${positives}).`,
  nothingToLearn: (): string => 'Sorted by date: the cached papers share too few words to learn from yet.',
  noNegatives: (): string => 'Sorted by date: every cached paper is a positive, so there is nothing to rank them against.',
  untrained: (key: RankerKey): string => `Sorted by date: no ranker has been trained for “${key}” yet.`,
};
