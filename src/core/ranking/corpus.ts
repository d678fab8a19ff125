/**
 * The papers the ranker knows (feed cache, search results, library): their text, date and tf-idf
 * row, in parallel arrays indexed 0..n-1. `generation` changes with every edit so a model knows
 * when it was trained on an older corpus.
 */
import { RowStore } from './rowStore';
import type { RankDoc } from './types';
import type { DocText } from './vocabulary';

const DAY_MS = 86_400_000;

/** Days since 1970 (fractional), NaN when missing or unparseable. */
export function publishedDays(doc: RankDoc): number {
  if (!doc.published) return NaN;
  return Date.parse(doc.published) / DAY_MS;
}

export class Corpus {
  readonly ids: string[] = [];
  /** Title and abstract, sharing the caller's strings (no copy). */
  readonly texts: DocText[] = [];
  readonly published: number[] = [];
  /** Tf-idf rows; a paper has none until vectorized with the current vocabulary. */
  rows = new RowStore();
  private readonly index = new Map<string, number>();
  generation = 0;

  get size(): number {
    return this.ids.length;
  }

  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** Makes room for up to `more` new papers' rows at once (before upserting a large batch in pieces). */
  reserve(more: number): void {
    this.rows.reserveRows(this.ids.length + more);
  }

  /** Adds or replaces documents [from, to) of `docs`; returns the indices whose text is new (to vectorize). */
  upsert(docs: readonly RankDoc[], from = 0, to = docs.length): number[] {
    const changed: number[] = [];
    for (let k = from; k < to; k++) {
      const doc = docs[k];
      const text: DocText = { title: doc.title, summary: doc.summary };
      const days = publishedDays(doc);
      let i = this.index.get(doc.id);
      if (i === undefined) {
        i = this.ids.length;
        this.index.set(doc.id, i);
        this.ids.push(doc.id);
        this.texts.push(text);
        this.published.push(days);
        this.rows.push(undefined);
        changed.push(i);
      } else {
        this.published[i] = days;
        if (this.texts[i].title !== text.title || this.texts[i].summary !== text.summary) {
          this.texts[i] = text;
          this.rows.set(i, undefined);
          changed.push(i);
        }
      }
    }
    if (changed.length > 0) this.generation++;
    return changed;
  }

  /** Removes documents by moving the last one into each hole. */
  remove(ids: readonly string[]): number {
    let removed = 0;
    for (const id of ids) {
      const i = this.index.get(id);
      if (i === undefined) continue;
      const last = this.ids.length - 1;
      if (i !== last) {
        this.ids[i] = this.ids[last];
        this.texts[i] = this.texts[last];
        this.published[i] = this.published[last];
        this.index.set(this.ids[i], i);
      }
      this.rows.removeByMovingLast(i);
      this.ids.pop();
      this.texts.pop();
      this.published.pop();
      this.index.delete(id);
      removed++;
    }
    if (removed > 0) this.generation++;
    return removed;
  }
}
