/**
 * The body a record reader walks: text, or the UTF-8 bytes as they came off the network.
 *
 * Reading the bytes is what keeps a parse's memory below the body's size: decoding a whole
 * response into one string costs the body once more (twice when one character needs two bytes
 * in V8), whereas the reader only needs one record decoded at a time. It searches for ASCII
 * markup only, and in UTF-8 an ASCII byte is always that character (multi-byte sequences use
 * bytes >= 0x80), so offsets found in the bytes delimit the same text as in the decoded string.
 */
import { RecordText } from './recordText';

export type XmlInput = string | Uint8Array;

export interface XmlSource {
  /** In characters (text) or bytes. */
  readonly length: number;
  /** Length of a leading byte order mark (0 if none). */
  readonly bom: number;
  /** Index of an ASCII `token` at or after `from`, or -1. */
  indexOf(token: string, from: number): number;
  /** Whether the ASCII `token` is at `at`. */
  startsWith(token: string, at: number): boolean;
  /** The character code (text) or byte at `i`; the same for ASCII, NaN past the end. */
  code(i: number): number;
  /** The text of [from, to), which must not cut a character. */
  text(from: number, to: number): string;
  /** The record in [from, to), whose values can be copied out (see recordText.ts). */
  record(from: number, to: number): RecordText;
  /** Offset in the source of character `charOffset` of `text`, which was read at `from`. */
  offsetOf(from: number, text: string, charOffset: number): number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

class TextSource implements XmlSource {
  readonly length: number;
  readonly bom: number;
  constructor(private readonly s: string) {
    this.length = s.length;
    this.bom = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  }
  indexOf(token: string, from: number): number {
    return this.s.indexOf(token, from);
  }
  startsWith(token: string, at: number): boolean {
    return this.s.startsWith(token, at);
  }
  code(i: number): number {
    return this.s.charCodeAt(i);
  }
  text(from: number, to: number): string {
    return this.s.slice(from, to);
  }
  record(from: number, to: number): RecordText {
    return new RecordText(this.s.slice(from, to));
  }
  offsetOf(from: number, _text: string, charOffset: number): number {
    return from + charOffset;
  }
}

class ByteSource implements XmlSource {
  readonly length: number;
  readonly bom: number;
  private readonly buf: Buffer;
  constructor(bytes: Uint8Array) {
    this.buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = this.buf.length;
    this.bom = UTF8_BOM.every((b, i) => this.buf[i] === b) ? 3 : 0;
  }
  indexOf(token: string, from: number): number {
    // 'latin1' turns the ASCII token into its bytes without a UTF-8 encoding pass.
    return from >= this.length ? -1 : this.buf.indexOf(token, from, 'latin1');
  }
  startsWith(token: string, at: number): boolean {
    if (at + token.length > this.length) return false;
    for (let k = 0; k < token.length; k++) if (this.buf[at + k] !== token.charCodeAt(k)) return false;
    return true;
  }
  code(i: number): number {
    const b = this.buf[i];
    return b === undefined ? NaN : b;
  }
  text(from: number, to: number): string {
    return this.buf.toString('utf8', from, to);
  }
  record(from: number, to: number): RecordText {
    const text = this.text(from, to);
    // As many characters as bytes: all ASCII, so values can be copied from the bytes.
    return text.length === to - from ? new RecordText(text, this.buf, from) : new RecordText(text);
  }
  offsetOf(from: number, text: string, charOffset: number): number {
    return from + Buffer.byteLength(text.slice(0, charOffset), 'utf8');
  }
}

export function xmlSource(input: XmlInput): XmlSource {
  return typeof input === 'string' ? new TextSource(input) : new ByteSource(input);
}
