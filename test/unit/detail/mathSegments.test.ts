import * as assert from 'assert';
import { splitMath } from '../../../src/core/text/mathSegments';

describe('splitMath', () => {
  it('separates inline and display math from text', () => {
    assert.deepStrictEqual(splitMath('rate $1/\\sqrt{n}$ and $$\\ln\\ln T$$ done'), [
      { kind: 'text', text: 'rate ' },
      { kind: 'math', tex: '1/\\sqrt{n}', display: false },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: '\\ln\\ln T', display: true },
      { kind: 'text', text: ' done' },
    ]);
  });

  it('understands \\( \\) and \\[ \\] delimiters', () => {
    assert.deepStrictEqual(splitMath('a \\(x^2\\) b \\[y\\]'), [
      { kind: 'text', text: 'a ' },
      { kind: 'math', tex: 'x^2', display: false },
      { kind: 'text', text: ' b ' },
      { kind: 'math', tex: 'y', display: true },
    ]);
  });

  it('keeps escaped and unmatched dollars as text', () => {
    assert.deepStrictEqual(splitMath('costs \\$5 or $ 10'), [{ kind: 'text', text: 'costs $5 or $ 10' }]);
  });

  it('does not treat an empty pair of dollars as math', () => {
    assert.deepStrictEqual(splitMath('$$ x'), [{ kind: 'text', text: '$$ x' }]);
  });
});
