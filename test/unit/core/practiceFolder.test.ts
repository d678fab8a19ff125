import * as assert from 'assert';
import { practiceFolderFiles, validateFolderName } from '../../../src/core/practiceFolder';

describe('practice folder layout', () => {
  it('creates the library folder the settings name, without stray slashes', () => {
    const paths = practiceFolderFiles('/reading/papers/').map((f) => f.relativePath);
    assert.deepStrictEqual(paths, ['README.md', '.gitignore', 'reading/papers/.gitkeep']);
    assert.match(practiceFolderFiles('papers')[0].content, /`papers\/`/);
  });

  it('falls back to papers/ for an empty setting', () => {
    assert.ok(practiceFolderFiles('').some((f) => f.relativePath === 'papers/.gitkeep'));
  });

  it('keeps PDFs and data out of git', () => {
    const ignore = practiceFolderFiles('papers').find((f) => f.relativePath === '.gitignore');
    assert.match(ignore?.content ?? '', /^\*\.pdf$/m);
  });

  it('rejects folder names a file system would refuse', () => {
    assert.strictEqual(validateFolderName('ml-practice'), undefined);
    assert.match(validateFolderName('  ') ?? '', /Enter/);
    assert.match(validateFolderName('a/b') ?? '', /cannot contain/);
    assert.match(validateFolderName('..') ?? '', /real folder/);
  });
});
