import * as assert from 'assert';
import * as fc from 'fast-check';
import { RecordText } from '../../../src/core/xml/recordText';
import { xmlSource } from '../../../src/core/xml/source';

/** Offsets within `text` chosen from two arbitrary numbers. */
function range(text: string, a: number, b: number): [number, number] {
  const from = a % (text.length + 1);
  return [from, from + (b % (text.length - from + 1))];
}

describe('values copied out of a record', () => {
  it('are the record text between the offsets, whether the record came from text or bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), fc.nat(), fc.nat(), (wide, ascii, a, b) => {
        for (const text of [wide, ascii]) {
          const [from, to] = range(text, a, b);
          assert.strictEqual(new RecordText(text).copy(from, to), text.slice(from, to));
          // A record of a byte body is decoded on its own: ASCII ones are copied from the bytes.
          const bytes = Buffer.from(`<x>${text}`, 'utf8');
          const rec = xmlSource(bytes).record(3, bytes.length);
          assert.strictEqual(rec.text, text);
          assert.strictEqual(rec.copy(from, to), text.slice(from, to));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keep lone surrogates and every other character of a text body', () => {
    const text = 'a\uD800b — 😀 long enough to be a view of its parent \uDC00';
    assert.strictEqual(new RecordText(text).copy(1, text.length), text.slice(1));
  });
});
