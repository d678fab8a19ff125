/**
 * Words as ints without making a string per token: the scanner hashes characters as it reads
 * them and this table finds the word by comparing characters in place. Fitting 50,000 abstracts
 * meets ~8 million tokens; as substrings looked up in a Map they dominated the time and the
 * garbage. A string is made once per distinct word.
 */
import { grow } from './pairTable';
import type { Task } from './tasks';

const MIGRATE_PER_STEP = 32_768;

export class WordTable {
  /** Slot: hash, id + 1 (0 = empty): most misses end at the slot without touching the word. */
  private slots: Int32Array;
  private capacity: number;
  private mask: number;
  /** id -> start in pool, length (interleaved), and hash (for rehashing). */
  private spans = new Int32Array(2048);
  private hashes = new Int32Array(1024);
  private pool = new Uint16Array(8192);
  private poolLength = 0;
  /** id -> word. */
  readonly words: string[] = [];
  /** id -> 1 for stop words, which the scanner skips. */
  private stop = new Uint8Array(1024);

  constructor(expected = 1024, stopWords: Iterable<string> = []) {
    let cap = 2048;
    while (cap < expected * 2) cap *= 2;
    this.capacity = cap;
    this.mask = cap - 1;
    this.slots = new Int32Array(2 * cap);
    for (const w of stopWords) this.stop[this.add(w)] = 1;
  }

  get size(): number {
    return this.words.length;
  }

  isStop(id: number): boolean {
    return this.stop[id] === 1;
  }

  /** FNV-1a over UTF-16 code units, the same as the scanner computes incrementally. */
  static hash(s: string): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  }

  /** The id of `word` (lower case), or -1. */
  get(word: string): number {
    return this.find(word, 0, word.length, WordTable.hash(word), false);
  }

  /** The id of `word` (lower case), added if new. */
  add(word: string): number {
    return this.find(word, 0, word.length, WordTable.hash(word), true);
  }

  /**
   * The id of the word `text[start, end)` lower-cased as ASCII (A-Z only; other text is folded
   * before scanning), whose hash is `hash`; added when `insert`, else -1 if absent.
   */
  find(text: string, start: number, end: number, hash: number, insert: boolean): number {
    const slots = this.slots;
    let i = hash & this.mask;
    for (;;) {
      const id = slots[2 * i + 1] - 1;
      if (id < 0) break;
      if (slots[2 * i] === hash && this.sameChars(id, text, start, end)) return id;
      i = (i + 1) & this.mask;
    }
    return insert ? this.insert(text, start, end, hash, i) : -1;
  }

  /** find for ASCII text already lower-cased as bytes (the scanner's fast path). */
  findBytes(bytes: Uint8Array, start: number, end: number, hash: number, insert: boolean): number {
    const slots = this.slots;
    let i = hash & this.mask;
    for (;;) {
      const id = slots[2 * i + 1] - 1;
      if (id < 0) break;
      if (slots[2 * i] === hash && this.sameBytes(id, bytes, start, end)) return id;
      i = (i + 1) & this.mask;
    }
    if (!insert) return -1;
    const at = this.reservePool(end - start);
    this.pool.set(bytes.subarray(start, end), at);
    return this.register(at, end - start, hash, i);
  }

  private sameBytes(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const at = this.spans[2 * id] - start;
    if (this.spans[2 * id + 1] !== end - start) return false;
    const pool = this.pool;
    for (let k = start; k < end; k++) if (pool[at + k] !== bytes[k]) return false;
    return true;
  }

  private sameChars(id: number, text: string, start: number, end: number): boolean {
    const at = this.spans[2 * id];
    if (this.spans[2 * id + 1] !== end - start) return false;
    const pool = this.pool;
    for (let k = start; k < end; k++) {
      let c = text.charCodeAt(k);
      if (c >= 65 && c <= 90) c += 32;
      if (pool[at + k - start] !== c) return false;
    }
    return true;
  }

  private insert(text: string, start: number, end: number, hash: number, slot: number): number {
    const length = end - start;
    const at = this.reservePool(length);
    for (let k = 0; k < length; k++) {
      let c = text.charCodeAt(start + k);
      if (c >= 65 && c <= 90) c += 32;
      this.pool[at + k] = c;
    }
    return this.register(at, length, hash, slot);
  }

  /** Room for one more word of `length` characters; returns where its characters go in the pool. */
  private reservePool(length: number): number {
    this.ensure(this.words.length + 1, length);
    return this.poolLength;
  }

  /** Makes the word whose characters were just written at `at` in the pool the next id, in `slot`. */
  private register(at: number, length: number, hash: number, slot: number): number {
    const id = this.words.length;
    // A fresh string from the pool: a slice of the text would keep the whole abstract alive.
    let word = '';
    for (let k = 0; k < length; k += 1024) word += String.fromCharCode(...this.pool.subarray(at + k, at + Math.min(length, k + 1024)));
    this.poolLength += length;
    this.spans[2 * id] = at;
    this.spans[2 * id + 1] = length;
    this.hashes[id] = hash;
    this.words.push(word);
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id + 1;
    // A fit grows the table between documents (growTask); others rely on this guard.
    if (this.words.length * 4 > this.capacity * 3) {
      const task = this.growTask();
      while (!task.next().done);
    }
    return id;
  }

  private ensure(ids: number, chars: number): void {
    if (ids > this.hashes.length) {
      const n = this.hashes.length * 2;
      this.hashes = grow(this.hashes, n);
      this.spans = grow(this.spans, 2 * n);
      const stop = new Uint8Array(n);
      stop.set(this.stop);
      this.stop = stop;
    }
    if (this.poolLength + chars > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + chars));
      pool.set(this.pool.subarray(0, this.poolLength));
      this.pool = pool;
    }
  }

  /** More than half full: time for growTask. */
  needsGrowth(): boolean {
    return this.words.length * 2 > this.capacity;
  }

  /** Doubles the table a slice at a time, so a large vocabulary never blocks the event loop for long. */
  *growTask(): Task<void> {
    const capacity = this.capacity * 2;
    const mask = capacity - 1;
    const slots = new Int32Array(2 * capacity);
    for (let from = 0; from < this.words.length; from += MIGRATE_PER_STEP) {
      this.migrate(slots, mask, from, Math.min(this.words.length, from + MIGRATE_PER_STEP));
      yield;
    }
    this.slots = slots;
    this.capacity = capacity;
    this.mask = mask;
  }

  private migrate(slots: Int32Array, mask: number, first: number, end: number): void {
    for (let id = first; id < end; id++) {
      let i = this.hashes[id] & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = this.hashes[id];
      slots[2 * i + 1] = id + 1;
    }
  }
}
