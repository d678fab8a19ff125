/**
 * A hash map from a pair of small non-negative ints (the ids of two adjacent words) to a dense
 * entry number 0, 1, 2, ... Bigrams are most of a 1-2-gram vocabulary (millions for a large
 * corpus); as strings in a Map they would cost ~100 bytes each, here ~20. A slot holds the whole
 * key and the entry, so a lookup touches one cache line: at millions of lookups per fit, cache
 * misses are the cost that matters.
 */
const STRIDE = 3; // slot: first + 1 (0 = empty), second, entry

export class PairTable {
  private slots: Int32Array;
  private capacity: number;
  private mask: number;
  /** Entry -> first, second (interleaved). */
  private keys: Int32Array;
  size = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.capacity = cap;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * STRIDE);
    this.keys = new Int32Array(2 * Math.max(16, expected));
  }

  private static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return h ^ (h >>> 13);
  }

  /** The entry of (a, b), or -1. */
  get(a: number, b: number): number {
    const slots = this.slots;
    let i = PairTable.hash(a, b) & this.mask;
    for (;;) {
      const at = i * STRIDE;
      const first = slots[at] - 1;
      if (first < 0) return -1;
      if (first === a && slots[at + 1] === b) return slots[at + 2];
      i = (i + 1) & this.mask;
    }
  }

  /** The entry of (a, b), added if new. */
  intern(a: number, b: number): number {
    const slots = this.slots;
    let i = PairTable.hash(a, b) & this.mask;
    for (;;) {
      const at = i * STRIDE;
      const first = slots[at] - 1;
      if (first < 0) break;
      if (first === a && slots[at + 1] === b) return slots[at + 2];
      i = (i + 1) & this.mask;
    }
    const e = this.size++;
    if (2 * e + 2 > this.keys.length) this.keys = grow(this.keys, this.keys.length * 2);
    this.keys[2 * e] = a;
    this.keys[2 * e + 1] = b;
    const at = i * STRIDE;
    slots[at] = a + 1;
    slots[at + 1] = b;
    slots[at + 2] = e;
    if (this.size * 2 > this.capacity) this.rehash(this.capacity * 2);
    return e;
  }

  firstOf(entry: number): number {
    return this.keys[2 * entry];
  }

  secondOf(entry: number): number {
    return this.keys[2 * entry + 1];
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity * STRIDE);
    const mask = capacity - 1;
    for (let e = 0; e < this.size; e++) {
      const a = this.keys[2 * e];
      const b = this.keys[2 * e + 1];
      let i = PairTable.hash(a, b) & mask;
      while (slots[i * STRIDE] !== 0) i = (i + 1) & mask;
      slots[i * STRIDE] = a + 1;
      slots[i * STRIDE + 1] = b;
      slots[i * STRIDE + 2] = e;
    }
    this.slots = slots;
    this.capacity = capacity;
    this.mask = mask;
  }
}

/** A copy of `a` with room for `length` elements. */
export function grow(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a.subarray(0, Math.min(a.length, length)));
  return b;
}
