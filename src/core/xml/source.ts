/**
 * The body a record reader walks: the UTF-8 bytes as they came off the network.
 *
 * Reading the bytes is what keeps a parse's memory near the body's size: decoding a whole
 * response into one string costs the body once more (twice when one character needs two bytes
 * in V8), and even decoding it one record at a time makes as much garbage as the body. The
 * reader searches for ASCII markup only, and in UTF-8 an ASCII byte is always that character
 * (multi-byte sequences use bytes >= 0x80), so it can check records and find their fields where
 * they lie; only the values a parser keeps are ever decoded. Text is read as its UTF-8 encoding.
 */
import { bomLength, bytesStartWith, indexOfToken } from './wellFormed';

export type XmlInput = string | Uint8Array;

export class XmlSource {
  readonly length: number;
  /** Length of a leading byte order mark (0 if none). */
  readonly bom: number;
  constructor(readonly bytes: Buffer) {
    this.length = bytes.length;
    this.bom = bomLength(bytes);
  }
  /** Index of an ASCII `token` at or after `from`, or -1. */
  indexOf(token: string, from: number): number {
    return indexOfToken(this.bytes, token, from);
  }
  /** Whether the ASCII `token` is at `at`. */
  startsWith(token: string, at: number): boolean {
    return bytesStartWith(this.bytes, token, at);
  }
  /** The byte at `i`, NaN past the end. */
  code(i: number): number {
    const b = this.bytes[i];
    return b === undefined ? NaN : b;
  }
  /** The text of the bytes [from, to). */
  text(from: number, to: number): string {
    return this.bytes.toString('utf8', from, to);
  }
}

export function xmlSource(input: XmlInput): XmlSource {
  if (typeof input === 'string') return new XmlSource(Buffer.from(input, 'utf8'));
  return new XmlSource(Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
}
