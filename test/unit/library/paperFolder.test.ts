import * as assert from 'assert';
import { fileSafeId, paperFolderName, titleSlug } from '../../../src/core/library/paperFolder';
import { fixturePapers } from './support/corpus';

describe('library paper folders', () => {
  it('makes old-style ids safe for file systems', () => {
    assert.strictEqual(fileSafeId('hep-th/9901001'), 'hep-th_9901001');
    assert.strictEqual(fileSafeId('1706.03762'), '1706.03762');
    assert.strictEqual(fileSafeId('math.GT/0309136'), 'math.GT_0309136');
  });

  it('slugs a title into a few lowercase ascii words, at most 40 characters, not ending on "of"', () => {
    assert.strictEqual(titleSlug('Attention Is All You Need'), 'attention-is-all-you-need');
    assert.strictEqual(
      titleSlug('Hierarchical Neural Representation of Dreamed Objects Revealed by Brain Decoding'),
      'hierarchical-neural-representation',
    );
    assert.strictEqual(titleSlug('Über $\\ln\\ln T$ Schätzungen für Pál'), 'uber-schatzungen-fur-pal');
    assert.strictEqual(paperFolderName('hep-th/9901001', 'The Large N Limit'), 'hep-th_9901001-the-large-n-limit');
    assert.strictEqual(paperFolderName('2401.00001', '$$'), '2401.00001');
  });

  it('gives every real fixture paper a distinct, safe folder name within the limits', () => {
    const names = fixturePapers().map((p) => paperFolderName(p.id, p.title));
    assert.strictEqual(new Set(names).size, names.length);
    for (const name of names) {
      assert.match(name, /^[A-Za-z0-9._-]+$/);
      assert.ok(name.length <= 20 + 1 + 40, name);
    }
  });
});
