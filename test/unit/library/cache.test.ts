import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { LibraryCache } from '../../../src/core/library/cache';
import { renderNote } from '../../../src/core/library/note';
import { nodeFileSystem } from '../../../src/core/library/nodeFileSystem';
import { LibraryStore } from '../../../src/core/library/store';
import { RECORD } from './support/samples';
import { age, useTempDir } from './support/tempDir';

describe('library cache', () => {
  const tmp = useTempDir();
  const root = () => path.join(tmp.path, 'papers');
  const cachePath = () => path.join(tmp.path, 'storage', 'library-cache.json');
  let logged: string[];
  const open = () => new LibraryStore(nodeFileSystem, root(), { cache: new LibraryCache(nodeFileSystem, cachePath(), (m) => logged.push(m)) });

  beforeEach(() => {
    logged = [];
  });

  function writePapers(count: number): string[] {
    return Array.from({ length: count }, (_, i) => {
      const id = `2401.${String(i).padStart(5, '0')}`;
      const dir = path.join(root(), `${id}-paper-${i}`);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'notes.md');
      fs.writeFileSync(file, renderNote({ ...RECORD, id, title: `Paper ${i}` }, `\nnotes ${i}\n`));
      age(file);
      return file;
    });
  }

  it('parses only the notes that changed since the last load', async () => {
    const files = writePapers(5);
    assert.deepStrictEqual(await statsOf(open()), { papers: 5, parsed: 5, fromCache: 0 });
    assert.deepStrictEqual(await statsOf(open()), { papers: 5, parsed: 0, fromCache: 5 });

    fs.writeFileSync(files[2], fs.readFileSync(files[2], 'utf8').replace('status: inbox', 'status: read'));
    age(files[2], 30);
    fs.rmSync(path.dirname(files[4]), { recursive: true });
    const store = open();
    assert.deepStrictEqual(await statsOf(store), { papers: 4, parsed: 1, fromCache: 3 });
    assert.strictEqual(store.get('2401.00002')?.record.status, 'read');
    assert.strictEqual(store.get('2401.00003')?.body, '\nnotes 3\n');
    assert.deepStrictEqual(await statsOf(open()), { papers: 4, parsed: 0, fromCache: 4 });
  });

  it('remembers malformed notes as problems without parsing them again', async () => {
    const [file] = writePapers(1);
    const text = fs.readFileSync(file, 'utf8').replace('status: inbox', 'status: later');
    fs.writeFileSync(file, text);
    age(file);
    await open().load();
    const store = open();
    assert.deepStrictEqual(await statsOf(store), { papers: 0, parsed: 0, fromCache: 1 });
    assert.deepStrictEqual(
      store.problems.map((p) => [p.file, p.line]),
      [[`${root()}/2401.00000-paper-0/notes.md`, text.split('\n').indexOf('status: later') + 1]],
    );
  });

  it('does not trust a note modified within the timestamp granularity of the load', async () => {
    writePapers(2);
    const fresh = path.join(root(), '2401.00099-fresh', 'notes.md');
    fs.mkdirSync(path.dirname(fresh));
    fs.writeFileSync(fresh, renderNote({ ...RECORD, id: '2401.00099' }, ''));
    await open().load();
    // The same second could still see another write with the same size, so it is parsed again.
    assert.deepStrictEqual(await statsOf(open()), { papers: 3, parsed: 1, fromCache: 2 });
  });

  const corrupt: Array<[string, (root: string) => Uint8Array]> = [
    ['truncated', (root) => v8.serialize({ format: 1, root, notes: new Map() }).subarray(0, 20)],
    ['not a cache at all', () => Buffer.from('\u0000\u0001garbage')],
    ['a JSON cache of an older build', (root) => Buffer.from(JSON.stringify({ format: 1, root, notes: {} }))],
    ['an entry of the wrong shape', (root) => v8.serialize({ format: 1, root, notes: new Map([['x', { mtimeMs: 'soon' }]]) })],
    ['an entry whose note has no record', (root) => v8.serialize({ format: 1, root, notes: new Map([['x', { mtimeMs: 1, size: 2, note: { body: '' } }]]) })],
  ];
  for (const [name, content] of corrupt) {
    it(`discards a corrupt cache (${name}) with a log line and loads every note`, async () => {
      writePapers(3);
      fs.mkdirSync(path.dirname(cachePath()), { recursive: true });
      fs.writeFileSync(cachePath(), content(root()));
      assert.deepStrictEqual(await statsOf(open()), { papers: 3, parsed: 3, fromCache: 0 });
      assert.strictEqual(logged.filter((l) => l.startsWith('Discarded corrupt library cache')).length, 1, logged.join('\n'));
      // ...and replaces it with a good one.
      assert.deepStrictEqual(await statsOf(open()), { papers: 3, parsed: 0, fromCache: 3 });
    });
  }

  it('ignores a cache written for another library folder or format', async () => {
    writePapers(2);
    await open().load();
    const data = v8.deserialize(fs.readFileSync(cachePath()));
    fs.writeFileSync(cachePath(), v8.serialize({ ...data, root: '/elsewhere' }));
    assert.deepStrictEqual(await statsOf(open()), { papers: 2, parsed: 2, fromCache: 0 });
    fs.writeFileSync(cachePath(), v8.serialize({ ...data, format: 0 }));
    assert.deepStrictEqual(await statsOf(open()), { papers: 2, parsed: 2, fromCache: 0 });
    assert.ok(logged.some((l) => /another format or folder/.test(l)));
  });

  it('reparses a paper the store itself rewrote', async () => {
    writePapers(2);
    const store = open();
    await store.load();
    await store.update('2401.00001', { status: 'reading' });
    await store.flushCache();
    const next = open();
    assert.deepStrictEqual(await statsOf(next), { papers: 2, parsed: 1, fromCache: 1 });
    assert.strictEqual(next.get('2401.00001')?.record.status, 'reading');
  });
});

async function statsOf(store: LibraryStore) {
  const { papers, parsed, fromCache } = await store.load();
  return { papers, parsed, fromCache };
}
