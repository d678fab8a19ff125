import * as assert from 'assert';
import { plainTitle, texTextToUnicode } from '../../../src/core/text/texText';

describe('TeX text for display', () => {
  it('prints accents, dashes, quotes and escaped specials as TeX would', () => {
    assert.strictEqual(texTextToUnicode('Schr\\"odinger cat -- a ``test\'\' --- 50\\% of A\\&B'), 'Schrödinger cat \u2013 a \u201Ctest\u201D \u2014 50% of A&B');
  });

  it('flattens math in one-line titles', () => {
    assert.strictEqual(plainTitle('A Note on How to Remove the $\\ln\\ln T$ Term'), 'A Note on How to Remove the ln ln T Term');
    assert.strictEqual(plainTitle('Rates of $1/\\sqrt{n}$ for \\(\\mathcal{O}(d)\\) models'), 'Rates of 1/sqrt(n) for O(d) models');
    assert.strictEqual(plainTitle('Optical Schr\\"odinger cat states'), 'Optical Schrödinger cat states');
  });

  it('leaves plain titles alone', () => {
    assert.strictEqual(plainTitle('Attention Is All You Need'), 'Attention Is All You Need');
  });
});
