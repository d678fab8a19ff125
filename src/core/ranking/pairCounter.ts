/**
 * Counts word pairs while fitting: for each distinct pair an entry number, its total count and
 * its document frequency. Key and counters share one slot, so counting a token touches one
 * cache line; with millions of tokens per fit, cache misses are what this costs.
 */
import { grow } from './pairTable';
import type { Task } from './tasks';

const MIGRATE_PER_STEP = 16_384;

const STRIDE = 6; // first + 1 (0 = empty), second, entry, count, df, last document + 1

export class PairCounter {
  private slots: Int32Array;
  private capacity: number;
  private mask: number;
  /** Entry -> its slot (moves when the table grows). */
  private entrySlot: Int32Array;
  size = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.capacity = cap;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * STRIDE);
    this.entrySlot = new Int32Array(Math.max(16, expected));
  }

  private static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return h ^ (h >>> 13);
  }

  /** Counts one occurrence of (a, b) in document `docPlusOne - 1`; returns the pair's entry. */
  see(a: number, b: number, docPlusOne: number): number {
    const slots = this.slots;
    let i = PairCounter.hash(a, b) & this.mask;
    for (;;) {
      const at = i * STRIDE;
      const first = slots[at] - 1;
      if (first < 0) break;
      if (first === a && slots[at + 1] === b) {
        slots[at + 3]++;
        if (slots[at + 5] !== docPlusOne) {
          slots[at + 5] = docPlusOne;
          slots[at + 4]++;
        }
        return slots[at + 2];
      }
      i = (i + 1) & this.mask;
    }
    const e = this.size++;
    if (e >= this.entrySlot.length) this.entrySlot = grow(this.entrySlot, this.entrySlot.length * 2);
    const at = i * STRIDE;
    slots[at] = a + 1;
    slots[at + 1] = b;
    slots[at + 2] = e;
    slots[at + 3] = 1;
    slots[at + 4] = 1;
    slots[at + 5] = docPlusOne;
    this.entrySlot[e] = i;
    // Callers grow the table between documents (growTask); this only guards a table left too full.
    if (this.size * 4 > this.capacity * 3) runAll(this.growTask());
    return e;
  }

  firstOf(entry: number): number {
    return this.slots[this.entrySlot[entry] * STRIDE] - 1;
  }

  secondOf(entry: number): number {
    return this.slots[this.entrySlot[entry] * STRIDE + 1];
  }

  count(entry: number): number {
    return this.slots[this.entrySlot[entry] * STRIDE + 3];
  }

  df(entry: number): number {
    return this.slots[this.entrySlot[entry] * STRIDE + 4];
  }

  /** More than half full: time for growTask, before the probes get long. */
  needsGrowth(): boolean {
    return this.size * 2 > this.capacity;
  }

  /** Doubles the table, moving the entries a slice at a time (a 100,000-entry table takes ~50 ms at once). */
  *growTask(): Task<void> {
    const capacity = this.capacity * 2;
    const old = this.slots;
    const slots = new Int32Array(capacity * STRIDE);
    const mask = capacity - 1;
    for (let from = 0; from < this.size; from += MIGRATE_PER_STEP) {
      this.migrate(old, slots, mask, from, Math.min(this.size, from + MIGRATE_PER_STEP));
      yield;
    }
    this.slots = slots;
    this.capacity = capacity;
    this.mask = mask;
  }

  private migrate(old: Int32Array, slots: Int32Array, mask: number, first: number, end: number): void {
    for (let e = first; e < end; e++) {
      const from = this.entrySlot[e] * STRIDE;
      let i = PairCounter.hash(old[from] - 1, old[from + 1]) & mask;
      while (slots[i * STRIDE] !== 0) i = (i + 1) & mask;
      const to = i * STRIDE;
      for (let k = 0; k < STRIDE; k++) slots[to + k] = old[from + k];
      this.entrySlot[e] = i;
    }
  }
}

function runAll(task: Task<void>): void {
  while (!task.next().done);
}
