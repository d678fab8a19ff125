/**
 * One record's text, and copies of its values that keep nothing of it alive.
 *
 * V8 represents a substring of 13 or more characters as a view ("sliced string") that keeps its
 * whole parent in memory. Values sliced from a record would be views of the record's text, and
 * papers hold their values for as long as they are listed: every record (together, the whole
 * body) would stay in memory behind them. So values are copied out. When the record was decoded
 * from bytes and is all ASCII, byte offsets are character offsets and the copy is decoded again
 * from the bytes (a plain latin1 copy); otherwise a JSON round trip copies it (the cheapest copy
 * in V8 that yields a plain string of exactly the value, lone surrogates included: a concatenation
 * and slice leaves a view of the copy behind).
 */

/** Shorter substrings are copied by V8 itself (SlicedString::kMinLength). */
const MIN_VIEW_LENGTH = 13;

/** `s` as a string that shares no memory with any other (for values kept longer than their text). */
export function ownCopy(s: string): string {
  return s.length < MIN_VIEW_LENGTH ? s : (JSON.parse(JSON.stringify(s)) as string);
}

export class RecordText {
  /**
   * `bytes` and `base`: the body the record was decoded from and its offset there, given only
   * when the record is all ASCII (so that `text` and the bytes share offsets).
   */
  constructor(readonly text: string, private readonly bytes?: Buffer, private readonly base = 0) {}

  /** `text.slice(from, to)`, as a string that shares no memory with `text`. */
  copy(from: number, to: number): string {
    if (to - from < MIN_VIEW_LENGTH) return this.text.slice(from, to);
    if (this.bytes) return this.bytes.toString('latin1', this.base + from, this.base + to);
    return ownCopy(this.text.slice(from, to));
  }
}
