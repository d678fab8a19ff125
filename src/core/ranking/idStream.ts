/**
 * Every document's word ids, kept between the two passes of a fit so the second needs no
 * re-tokenizing, as variable-length bytes (7 bits a byte, the high bit says "more"): words get
 * ids in order of first appearance, so the frequent ones are small and most tokens take one or
 * two bytes instead of four. 50,000 abstracts: ~7 MB instead of ~17 MB.
 *
 * The bytes live in chunks of about a megabyte, and a document never straddles two: the stream
 * grows without copying, and the second pass hands each chunk back as soon as it has read past
 * it, so the stream is gone by the time the rows it becomes are all written (the fit's peak).
 */
import { release, releasableUint8 } from './releasable';

const CHUNK_BYTES = 1 << 20;

export class IdStream {
  private readonly chunks: Uint8Array[] = [];
  /** Stream offset of each chunk's first byte. */
  private readonly bases: number[] = [];
  private bytes: Uint8Array;
  /** Stream offset of `bytes[0]`. */
  private base = 0;
  /** Chunks before this one have been released. */
  private released = 0;
  length = 0;

  constructor(chunkBytes = CHUNK_BYTES) {
    this.bytes = this.chunk(0, chunkBytes);
  }

  private chunk(base: number, bytes: number): Uint8Array {
    const chunk = releasableUint8(bytes);
    this.chunks.push(chunk);
    this.bases.push(base);
    return chunk;
  }

  /** Makes room for `ids` more ids of any size in the current chunk (call once per document, before its ids). */
  reserve(ids: number): void {
    const need = 5 * ids;
    if (this.length - this.base + need <= this.bytes.length) return;
    this.base = this.length;
    this.bytes = this.chunk(this.base, Math.max(CHUNK_BYTES, need));
  }

  /** Appends a non-negative id; `reserve` first. */
  push(id: number): void {
    const bytes = this.bytes;
    let at = this.length - this.base;
    while (id >= 0x80) {
      bytes[at++] = (id & 0x7f) | 0x80;
      id >>>= 7;
    }
    bytes[at++] = id;
    this.length = at + this.base;
  }

  /** Gives back now (see releasable.ts) every chunk that ends at or before stream offset `offset`; those bytes must not be read again. */
  releaseBefore(offset: number): void {
    while (this.released < this.chunks.length - 1 && this.bases[this.released + 1] <= offset) release(this.chunks[this.released++]);
  }

  /** Gives all the memory back now; the stream must not be used afterwards. */
  release(): void {
    this.releaseBefore(Infinity);
    release(this.chunks[this.chunks.length - 1]);
  }

  /** Decodes the ids in stream bytes [from, to) (one document's) into `out` (large enough: at most `to - from` ids); returns how many. */
  read(from: number, to: number, out: Int32Array): number {
    let c = this.released;
    while (c + 1 < this.chunks.length && this.bases[c + 1] <= from) c++;
    const bytes = this.chunks[c];
    const base = this.bases[c];
    let n = 0;
    let at = from - base;
    const end = to - base;
    while (at < end) {
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
