/**
 * Term -> papers, each paper filed under a "slot" for where the term first occurs: 0 the title,
 * 1 the authors and tags, 2..7 the abstract and notes by position. Lower slots rank higher.
 *
 * Removal marks a paper dead and compacts the lists once a quarter of the papers are dead, so a
 * feed refresh that replaces thousands of papers costs one pass, not one pass per paper.
 */

export const SLOTS = 8;
const BODY_SLOTS = SLOTS - 2;

/** Slot arrays of ascending paper numbers, as stored; read-only for callers. */
export type Postings = ReadonlyArray<readonly number[] | undefined>;

export interface IndexedText {
  title: readonly string[];
  /** Authors and tags. */
  byline: readonly string[];
  /** Abstract, then notes. */
  body: readonly string[];
}

interface TermEntry {
  /** The last paper filed under the term: a repeat of the term in that paper is skipped. */
  last: number;
  slots: number[][];
}

export class InvertedIndex {
  private postings = new Map<string, TermEntry>();
  private dead = new Uint8Array(1024);
  private deadCount = 0;
  private liveCount = 0;

  get size(): number {
    return this.liveCount;
  }

  isLive(num: number): boolean {
    return num < this.dead.length && this.dead[num] === 0;
  }

  /** Files paper `num` (numbers are never reused) under each of its terms, once, at its best slot. */
  add(num: number, text: IndexedText): void {
    if (num >= this.dead.length) {
      const grown = new Uint8Array(Math.max(num + 1, this.dead.length * 2));
      grown.set(this.dead);
      this.dead = grown;
    }
    // Terms come title first, so the first time a term is seen is its best slot.
    for (const term of text.title) this.file(term, 0, num);
    for (const term of text.byline) this.file(term, 1, num);
    const n = text.body.length;
    for (let i = 0; i < n; i++) this.file(text.body[i], 2 + Math.floor((i / n) * BODY_SLOTS), num);
    this.liveCount++;
  }

  private file(term: string, slot: number, num: number): void {
    const entry = this.postings.get(term);
    if (!entry) {
      const slots: number[][] = [];
      slots[slot] = [num];
      this.postings.set(term, { last: num, slots });
    } else if (entry.last !== num) {
      entry.last = num;
      (entry.slots[slot] ??= []).push(num);
    }
  }

  remove(num: number): void {
    if (!this.isLive(num)) return;
    this.dead[num] = 1;
    this.deadCount++;
    this.liveCount--;
    if (this.deadCount > Math.max(64, this.liveCount / 4)) this.compact();
  }

  clear(): void {
    this.postings.clear();
    this.dead = new Uint8Array(1024);
    this.deadCount = 0;
    this.liveCount = 0;
  }

  /** Lists may still hold dead papers (check isLive) until the next compaction. */
  slots(term: string): Postings {
    return this.postings.get(term)?.slots ?? [];
  }

  /** Papers containing the term; counts dead ones until compaction (it only orders suggestions). */
  docCount(term: string): number {
    let n = 0;
    for (const ids of this.slots(term)) n += ids?.length ?? 0;
    return n;
  }

  terms(): Iterable<string> {
    return this.postings.keys();
  }

  private compact(): void {
    for (const [term, { slots }] of this.postings) {
      let any = false;
      for (let s = 0; s < slots.length; s++) {
        const ids = slots[s];
        if (!ids) continue;
        const live = ids.filter((id) => this.dead[id] === 0);
        slots[s] = live;
        any ||= live.length > 0;
      }
      if (!any) this.postings.delete(term);
    }
    this.deadCount = 0;
  }
}
