/**
 * How the Feeds view and search results use a ranking: a subscription's papers in the ranking's
 * order, and one "Recommended" list across subscriptions without duplicates or papers already in
 * the library. Pure functions over a ranking, so the tree only renders what they return.
 */
import type { Ranking } from './types';

export interface Scored<T> {
  item: T;
  /** The SVM's decision value; null when the ranking is by date or the paper was not ranked. */
  score: number | null;
}

/** Position and score of every ranked id, looked up once per ranking. */
export class RankIndex {
  private readonly position = new Map<string, number>();

  constructor(readonly ranking: Ranking) {
    ranking.ids.forEach((id, i) => this.position.set(id, i));
  }

  get byModel(): boolean {
    return this.ranking.mode === 'model';
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  score(id: string): number | null {
    const i = this.position.get(id);
    return i === undefined || !this.byModel ? null : this.ranking.scores[i];
  }

  /** Items in ranking order; unranked ones (not in the corpus yet) after them, in their given order. */
  order<T>(items: readonly T[], idOf: (item: T) => string): Scored<T>[] {
    const ranked: { item: T; at: number }[] = [];
    const unranked: T[] = [];
    for (const item of items) {
      const at = this.position.get(idOf(item));
      if (at === undefined) unranked.push(item);
      else ranked.push({ item, at });
    }
    ranked.sort((a, b) => a.at - b.at);
    return [...ranked.map(({ item }) => ({ item, score: this.score(idOf(item)) })), ...unranked.map((item) => ({ item, score: null }))];
  }
}

export interface AcrossOptions<T> {
  idOf(item: T): string;
  /** Papers the user already has (the library): never recommended. */
  exclude(id: string): boolean;
  limit: number;
}

/** The best `limit` papers across several lists, each paper once (its first occurrence). */
export function recommendedAcross<T>(lists: readonly (readonly T[])[], index: RankIndex, o: AcrossOptions<T>): Scored<T>[] {
  const seen = new Set<string>();
  const candidates: T[] = [];
  for (const list of lists) {
    for (const item of list) {
      const id = o.idOf(item);
      if (seen.has(id) || o.exclude(id)) continue;
      seen.add(id);
      candidates.push(item);
    }
  }
  return index.order(candidates, o.idOf).slice(0, o.limit);
}

/** A decision value for people: signed, two decimals ("+0.84", "−0.12"). */
export function formatScore(score: number): string {
  const fixed = Math.abs(score).toFixed(2);
  if (fixed === '0.00') return '0.00';
  return `${score > 0 ? '+' : '−'}${fixed}`;
}
