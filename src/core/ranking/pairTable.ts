/**
 * An open-addressing hash table keyed by a pair of small non-negative ints (the ids of two
 * adjacent words), with a few int32 fields stored in the slot right after the key. Bigrams are
 * most of a 1-2-gram vocabulary (hundreds of thousands to millions while fitting); as strings in
 * a Map they would cost ~100 bytes each, here 12-20. Key and fields share one slot, so a lookup or
 * a count touches one cache line: at millions of lookups per fit, cache misses are the cost.
 *
 * Fitting counts with fields (count, df); a fitted vocabulary maps a pair to
 * its feature with one field. Callers address fields by the offset `find`/`claim` return, and
 * use it at once: growing the table moves the slots.
 */
import type { Task } from './tasks';

const MIGRATE_PER_STEP = 16_384;
/** Ints per touchTask step: 4 MB, ~1,000 pages. */
const TOUCH_PER_STEP = 1 << 20;
/**
 * Grown past this load. With linear probing and a mixing hash, a hit (most lookups: a fit sees
 * each distinct pair ~15 times) probes ~2 slots at 0.7; growing at 0.5 instead doubled the
 * memory of a 50,000-abstract fit's table for no measurable gain.
 */
const MAX_LOAD = 0.7;
/** Grown at once past this load, whatever the caller does. */
const FULL = 0.9;

export class PairTable {
  /** Slot: first + 1 (0 = empty), second, then the fields. */
  slots: Int32Array;
  private readonly stride: number;
  private capacity: number;
  /** capacity / 2^32: a hash times this is its home slot (any capacity, not only powers of two, so a table sized for `expected` is not up to twice that). */
  private scale: number;
  size = 0;

  constructor(
    readonly fields: number,
    expected = 1024,
  ) {
    this.stride = 2 + fields;
    this.capacity = Math.max(1024, Math.ceil(expected / MAX_LOAD));
    this.scale = this.capacity / 2 ** 32;
    this.slots = new Int32Array(this.capacity * this.stride);
  }

  private home(a: number, b: number): number {
    return homeSlot(a, b, this.scale);
  }

  /** The offset of the fields of (a, b) in `slots`, or -1. */
  find(a: number, b: number): number {
    const { slots, stride, capacity } = this;
    let i = this.home(a, b);
    for (;;) {
      const at = i * stride;
      const first = slots[at] - 1;
      if (first < 0) return -1;
      if (first === a && slots[at + 1] === b) return at + 2;
      if (++i === capacity) i = 0;
    }
  }

  /** The offset of the fields of (a, b), added with zero fields if new. */
  claim(a: number, b: number): number {
    const { slots, stride, capacity } = this;
    let i = this.home(a, b);
    for (;;) {
      const at = i * stride;
      const first = slots[at] - 1;
      if (first < 0) break;
      if (first === a && slots[at + 1] === b) return at + 2;
      if (++i === capacity) i = 0;
    }
    // A table left too full (callers that care grow it between documents with growTask).
    if (this.size + 1 > this.capacity * FULL) {
      runAll(this.growTask());
      return this.claim(a, b);
    }
    const at = i * stride;
    slots[at] = a + 1;
    slots[at + 1] = b;
    this.size++;
    return at + 2;
  }

  /** Number of slots; slot `s` holds a pair when `firstAt(s) >= 0`. */
  get slotCount(): number {
    return this.capacity;
  }

  firstAt(slot: number): number {
    return this.slots[slot * this.stride] - 1;
  }

  secondAt(slot: number): number {
    return this.slots[slot * this.stride + 1];
  }

  /** The offset of slot `slot`'s fields in `slots`. */
  fieldsAt(slot: number): number {
    return slot * this.stride + 2;
  }

  /** Grows now if `more` new pairs would make the table too full, so that claiming them cannot move the slots. */
  reserve(more: number): void {
    while (this.size + more > this.capacity * FULL) runAll(this.growTask());
  }

  /**
   * Writes to every page of the slots a slice at a time. A large table's memory comes from the
   * OS on first write, and the first documents' claims, scattered over all of it, would otherwise
   * take those page faults in one step (~50 ms for a table of 3 million pairs).
   */
  *touchTask(): Task<void> {
    const slots = this.slots;
    for (let from = 0; from < slots.length; from += TOUCH_PER_STEP) {
      touchPages(slots, from, Math.min(slots.length, from + TOUCH_PER_STEP));
      yield;
    }
  }

  /** Time for growTask, before the probes get long. */
  needsGrowth(): boolean {
    return this.size > this.capacity * MAX_LOAD;
  }

  /** Doubles the table, moving the slots a slice at a time (a 500,000-pair table takes ~50 ms at once). */
  *growTask(): Task<void> {
    const capacity = this.capacity * 2;
    const old = this.slots;
    const slots = new Int32Array(capacity * this.stride);
    for (let from = 0; from < this.capacity; from += MIGRATE_PER_STEP) {
      this.migrate(old, slots, capacity, from, Math.min(this.capacity, from + MIGRATE_PER_STEP));
      yield;
    }
    this.slots = slots;
    this.capacity = capacity;
    this.scale = capacity / 2 ** 32;
  }

  private migrate(old: Int32Array, slots: Int32Array, capacity: number, first: number, end: number): void {
    const stride = this.stride;
    const scale = capacity / 2 ** 32;
    for (let s = first; s < end; s++) {
      const from = s * stride;
      if (old[from] === 0) continue;
      let i = homeSlot(old[from] - 1, old[from + 1], scale);
      while (slots[i * stride] !== 0) if (++i === capacity) i = 0;
      const to = i * stride;
      for (let k = 0; k < stride; k++) slots[to + k] = old[from + k];
    }
  }
}

/** Writes each page's first int as it is (a 4 KB page holds 1,024). */
function touchPages(slots: Int32Array, from: number, to: number): void {
  for (let at = from; at < to; at += 1024) slots[at] = slots[at];
}

/** The slot where (a, b) is looked for first, in a table of capacity `scale` * 2^32. */
function homeSlot(a: number, b: number, scale: number): number {
  return Math.floor((pairHash(a, b) >>> 0) * scale);
}

/** A mixing hash of a pair of ints (also what PairSketch counts). */
export function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

function runAll(task: Task<void>): void {
  while (!task.next().done);
}

/** A copy of `a` with room for `length` elements. */
export function grow(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a.subarray(0, Math.min(a.length, length)));
  return b;
}
