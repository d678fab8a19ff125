/**
 * Every document's word ids, kept between the two passes of a fit so the second needs no
 * re-tokenizing, as variable-length bytes (7 bits a byte, the high bit says "more"): words get
 * ids in order of first appearance, so the frequent ones are small and most tokens take one or
 * two bytes instead of four. 50,000 abstracts: ~7 MB instead of ~17 MB.
 */
import { release, releasableUint8 } from './releasable';

export class IdStream {
  private bytes: Uint8Array;
  length = 0;

  constructor(expectedBytes = 1024) {
    this.bytes = releasableUint8(Math.max(16, expectedBytes));
  }

  /** Makes room for `ids` more ids of any size. */
  reserve(ids: number): void {
    const need = this.length + 5 * ids;
    if (need <= this.bytes.length) return;
    const bytes = releasableUint8(Math.max(need, Math.ceil(this.bytes.length * 1.5)));
    bytes.set(this.bytes.subarray(0, this.length));
    release(this.bytes);
    this.bytes = bytes;
  }

  /** Appends a non-negative id; `reserve` first. */
  push(id: number): void {
    const bytes = this.bytes;
    let at = this.length;
    while (id >= 0x80) {
      bytes[at++] = (id & 0x7f) | 0x80;
      id >>>= 7;
    }
    bytes[at++] = id;
    this.length = at;
  }

  /** Gives the memory back now (see releasable.ts); the stream must not be used afterwards. */
  release(): void {
    release(this.bytes);
  }

  /** Decodes the ids in bytes [from, to) into `out` (large enough: at most `to - from` ids); returns how many. */
  read(from: number, to: number, out: Int32Array): number {
    const bytes = this.bytes;
    let n = 0;
    let at = from;
    while (at < to) {
      let b = bytes[at++];
      let id = b & 0x7f;
      let shift = 7;
      while (b & 0x80) {
        b = bytes[at++];
        id |= (b & 0x7f) << shift;
        shift += 7;
      }
      out[n++] = id;
    }
    return n;
  }
}
