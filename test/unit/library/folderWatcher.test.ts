import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LibraryFolderWatcher } from '../../../src/core/library/folderWatcher';

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`no event: ${what}`);
}

describe('library folder watcher', () => {
  let root: string;
  let seen: string[];
  let watcher: LibraryFolderWatcher | undefined;

  beforeEach(() => {
    root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pp-watch-')), 'papers');
    seen = [];
  });
  afterEach(() => watcher?.dispose());

  it('notices the library folder being created with a paper in it, then edits to that paper’s note', async () => {
    watcher = new LibraryFolderWatcher(root, (folder) => seen.push(folder));
    // Created together, as the first save does (mkdir -p then the note).
    fs.mkdirSync(path.join(root, '1706.03762-attention'), { recursive: true });
    fs.writeFileSync(path.join(root, '1706.03762-attention', 'notes.md'), '---\nid: x\n---\n');
    await eventually(() => seen.includes('1706.03762-attention'), 'the new paper folder');
    seen.length = 0;
    await new Promise((r) => setTimeout(r, 50));
    fs.writeFileSync(path.join(root, '1706.03762-attention', 'notes.md'), '---\nid: y\n---\n');
    await eventually(() => seen.includes('1706.03762-attention'), 'the edited note');
  });

  it('reports a note replaced by rename (how atomic writers save) and a removed folder', async () => {
    fs.mkdirSync(path.join(root, 'a'), { recursive: true });
    fs.writeFileSync(path.join(root, 'a', 'notes.md'), 'one');
    watcher = new LibraryFolderWatcher(root, (folder) => seen.push(folder));
    fs.writeFileSync(path.join(root, 'a', '.notes.md.tmp'), 'two');
    fs.renameSync(path.join(root, 'a', '.notes.md.tmp'), path.join(root, 'a', 'notes.md'));
    await eventually(() => seen.includes('a'), 'the renamed note');
    seen.length = 0;
    fs.rmSync(path.join(root, 'a'), { recursive: true });
    await eventually(() => seen.includes('a'), 'the removed folder');
  });

  it('ignores other files in a paper folder', async () => {
    fs.mkdirSync(path.join(root, 'a'), { recursive: true });
    watcher = new LibraryFolderWatcher(root, (folder) => seen.push(folder));
    fs.writeFileSync(path.join(root, 'a', 'paper.pdf'), '%PDF-');
    fs.writeFileSync(path.join(root, 'a', 'notes.md'), 'x');
    await eventually(() => seen.length > 0, 'the note');
    assert.deepStrictEqual([...new Set(seen)], ['a']);
  });
});
