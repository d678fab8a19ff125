import * as assert from 'assert';
import * as fc from 'fast-check';
import { ownCopy } from '../../../src/core/xml/ownCopy';

describe('own copies of kept strings', () => {
  it('equal the string they copy, whatever its characters and length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(), (s, a) => {
        const cut = s.slice(a % (s.length + 1));
        assert.strictEqual(ownCopy(cut), cut);
      }),
      { numRuns: 300 },
    );
  });

  it('keep lone surrogates', () => {
    const text = 'a\uD800b — 😀 long enough to be a view of its parent \uDC00';
    assert.strictEqual(ownCopy(text.slice(1)), text.slice(1));
  });
});
