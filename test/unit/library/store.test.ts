import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { LibraryFileSystem } from '../../../src/core/library/fileSystem';
import { LibraryError } from '../../../src/core/library/libraryError';
import { renderNote } from '../../../src/core/library/note';
import { nodeFileSystem } from '../../../src/core/library/nodeFileSystem';
import { type LibraryChange, LibraryStore, type LibraryStoreOptions } from '../../../src/core/library/store';
import { HAND_EDITED, paper, RECORD } from './support/samples';
import { useTempDir } from './support/tempDir';

/** Noon local time on 10 June 2024: "today" for every date the store sets. */
const NOW = new Date(2024, 5, 10, 12);

describe('library store', () => {
  const tmp = useTempDir();
  const root = () => path.join(tmp.path, 'papers');
  const open = (options: LibraryStoreOptions = {}, fileSystem: LibraryFileSystem = nodeFileSystem) =>
    new LibraryStore(fileSystem, root(), { now: () => NOW, ...options });
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const writeNote = (folder: string, text: string) => {
    fs.mkdirSync(path.join(root(), folder), { recursive: true });
    const file = path.join(root(), folder, 'notes.md');
    fs.writeFileSync(file, text);
    return file;
  };
  const listFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));

  async function rejection(promise: Promise<unknown>): Promise<LibraryError> {
    try {
      await promise;
    } catch (e) {
      assert.ok(e instanceof LibraryError, String(e));
      return e;
    }
    assert.fail('expected the call to fail');
  }

  it('loads an empty library when the folder does not exist yet', async () => {
    const stats = await open().load();
    assert.deepStrictEqual([stats.papers, stats.problems], [0, 0]);
  });

  it('adds a paper as <id>-<slug>/notes.md that another store loads back', async () => {
    const store = open();
    await store.load();
    const { entry, created } = await store.add(paper(), { tags: ['transformers'], status: 'to-read' });
    assert.ok(created);
    assert.strictEqual(entry.folder, '1706.03762-attention-is-all-you-need');
    assert.strictEqual(entry.notePath, `${root()}/1706.03762-attention-is-all-you-need/notes.md`);
    assert.match(read(entry.notePath), /^---\nid: "1706\.03762"\n[\s\S]*\nadded: 2024-06-10\n[\s\S]*---\n\n# Attention Is All You Need\n\n$/);

    const other = open();
    await other.load();
    assert.deepStrictEqual(other.get('1706.03762')?.record, { ...entry.record });
    assert.strictEqual(other.get('1706.03762')?.record.title, 'Attention Is All You Need');
    assert.deepStrictEqual(other.get('1706.03762')?.record.authors, ['Ashish Vaswani', 'Noam Shazeer']);
  });

  it('records the dates a status implies when a paper is saved straight to it', async () => {
    const store = open();
    await store.load();
    const read = (await store.add(paper(), { status: 'read' })).entry.record;
    assert.deepStrictEqual([read.started, read.finished], ['2024-06-10', '2024-06-10']);
    const reading = (await store.add(paper({ id: '2101.00001', title: 'Another' }), { status: 'reading' })).entry.record;
    assert.deepStrictEqual([reading.started, reading.finished], ['2024-06-10', null]);
    const queued = (await store.add(paper({ id: '2101.00002', title: 'Queued' }), { status: 'to-read' })).entry.record;
    assert.deepStrictEqual([queued.started, queued.finished], [null, null]);
  });

  it('files an old-style id under a file-safe folder', async () => {
    const store = open();
    const { entry } = await store.add(paper({ id: 'hep-th/9901001', title: 'The Large N Limit of Superconformal Field Theories' }));
    assert.strictEqual(entry.folder, 'hep-th_9901001-the-large-n-limit-of-superconformal');
    assert.strictEqual(entry.record.id, 'hep-th/9901001');
  });

  it('does not add a paper twice, not even one another window saved first', async () => {
    const first = open();
    await first.load();
    const second = open();
    await second.load();
    await first.add(paper(), { tags: ['mine'] });
    const again = await second.add(paper());
    assert.strictEqual(again.created, false);
    assert.deepStrictEqual(again.entry.record.tags, ['mine']);
    assert.strictEqual(fs.readdirSync(root()).length, 1);
  });

  it('updates status, dates and tags by rewriting only those lines of the front matter', async () => {
    const file = writeNote('1605.08380-deep-dreams', HAND_EDITED);
    const store = open();
    await store.load();
    const entry = await store.update('1605.08380', { status: 'reading', addTags: ['dreams'] });
    assert.deepStrictEqual([entry.record.status, entry.record.started, entry.record.tags], ['reading', '2024-06-10', ['vision', '2024', 'dreams']]);
    assert.strictEqual(
      read(file),
      HAND_EDITED.replace('status: to read', 'status: reading')
        .replace('tags:   [vision,  "2024"]', 'tags: [vision, "2024", dreams]')
        .replace('added: 2024-01-05\n', 'added: 2024-01-05\nstarted: 2024-06-10\n'),
    );
    assert.deepStrictEqual(listFiles(root()), [file], 'no temporary or lock file is left behind');
  });

  it('does not write when a change changes nothing', async () => {
    const file = writeNote('1605.08380-deep-dreams', HAND_EDITED);
    const before = fs.statSync(file).mtimeMs;
    const store = open();
    await store.load();
    await store.update('1605.08380', { status: 'to-read', addTags: ['vision'] });
    assert.strictEqual(read(file), HAND_EDITED);
    assert.strictEqual(fs.statSync(file).mtimeMs, before);
  });

  it('reports malformed notes with file, line and message, and never overwrites them', async () => {
    const bad = writeNote('2401.00001-broken', renderNote({ ...RECORD, id: '2401.00001' }, '\nnotes\n').replace('status: inbox', 'status: skimmed'));
    const badText = read(bad);
    const good = writeNote('1605.08380-deep-dreams', HAND_EDITED);
    const store = open();
    const stats = await store.load();
    assert.deepStrictEqual([stats.papers, stats.problems], [1, 1]);
    const [problem] = store.problems;
    assert.strictEqual(problem.file, `${root()}/2401.00001-broken/notes.md`);
    assert.strictEqual(problem.line, badText.split('\n').indexOf('status: skimmed') + 1);
    assert.match(problem.message, /"status" must be one of/);
    assert.strictEqual((await rejection(store.update('2401.00001', { status: 'read' }))).code, 'not-found');

    // A note that breaks after it was loaded is reported at the next write, and left as it is.
    const broken = read(good).replace('title: "Deep Dreams: a study"', 'title: [');
    fs.writeFileSync(good, broken);
    const error = await rejection(store.update('1605.08380', { status: 'read' }));
    assert.strictEqual(error.code, 'malformed');
    assert.strictEqual(error.file, `${root()}/1605.08380-deep-dreams/notes.md`);
    assert.strictEqual(read(good), broken);
    assert.strictEqual(read(bad), badText);
    assert.strictEqual(store.get('1605.08380'), undefined);
    assert.ok(store.problems.some((p) => p.file.endsWith('1605.08380-deep-dreams/notes.md') && p.line === 5));
  });

  it('reports a second note claiming an id that is already in the library', async () => {
    writeNote('1706.03762-a', renderNote(RECORD, ''));
    writeNote('1706.03762-b', renderNote(RECORD, ''));
    const store = open();
    await store.load();
    assert.strictEqual(store.get('1706.03762')?.folder, '1706.03762-a');
    assert.deepStrictEqual(
      store.problems.map((p) => [path.basename(path.dirname(p.file)), p.message]),
      [['1706.03762-b', 'Paper 1706.03762 is already in the library as 1706.03762-a; this note is ignored']],
    );
  });

  it('keeps changes made by another window after this one loaded', async () => {
    writeNote('1605.08380-deep-dreams', HAND_EDITED);
    const a = open();
    const b = open();
    await a.load();
    await b.load();
    await b.update('1605.08380', { addTags: ['from-b'], status: 'reading' });
    const entry = await a.update('1605.08380', { addTags: ['from-a'] });
    assert.deepStrictEqual(entry.record.tags, ['vision', '2024', 'from-b', 'from-a']);
    assert.strictEqual(entry.record.status, 'reading');
  });

  it('loses no change when two windows write the same note at the same time', async () => {
    const file = writeNote('1605.08380-deep-dreams', HAND_EDITED);
    const a = open();
    const b = open();
    await Promise.all([a.load(), b.load()]);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 8; i++) {
      writes.push(a.update('1605.08380', { addTags: [`a${i}`] }));
      writes.push(b.update('1605.08380', { addTags: [`b${i}`] }));
    }
    writes.push(a.update('1605.08380', { status: 'read' }));
    await Promise.all(writes);
    const final = open();
    await final.load();
    const record = final.get('1605.08380')?.record;
    assert.deepStrictEqual(
      [...(record?.tags ?? [])].sort(),
      ['2024', 'vision', ...Array.from({ length: 8 }, (_, i) => [`a${i}`, `b${i}`]).flat()].sort(),
    );
    assert.strictEqual(record?.status, 'read');
    assert.ok(read(file).endsWith('\n# My notes\n\nThe loss in eq. 3 looks odd; check the appendix.\n'));
  });

  it('keeps an edit saved in the editor between its read and its rename', async () => {
    const file = writeNote('1605.08380-deep-dreams', HAND_EDITED);
    let edited = false;
    const editorSavesMidWrite: LibraryFileSystem = {
      ...nodeFileSystem,
      async writeFile(p, text) {
        await nodeFileSystem.writeFile(p, text);
        if (!edited && p.endsWith('.tmp')) {
          edited = true; // the user saves the note (without taking our lock) right now
          fs.writeFileSync(file, read(file).replace('priority: high', 'priority: low') + 'A thought added in the editor.\n');
        }
      },
    };
    const store = open({}, editorSavesMidWrite);
    await store.load();
    const entry = await store.update('1605.08380', { status: 'read' });
    assert.ok(edited);
    const text = read(file);
    assert.match(text, /^status: read$/m);
    assert.match(text, /^priority: low$/m);
    assert.ok(text.endsWith('A thought added in the editor.\n'));
    assert.deepStrictEqual([entry.record.status, entry.extras.priority], ['read', 'low']);
    assert.deepStrictEqual(listFiles(root()), [file]);
  });

  it('leaves the old note whole when the write fails between writing and renaming', async () => {
    const file = writeNote('1605.08380-deep-dreams', HAND_EDITED);
    const failsToRename: LibraryFileSystem = {
      ...nodeFileSystem,
      rename: async () => {
        throw new Error('EIO: simulated crash before rename');
      },
    };
    const store = open({}, failsToRename);
    await store.load();
    await assert.rejects(store.update('1605.08380', { status: 'read' }), /simulated crash/);
    assert.strictEqual(read(file), HAND_EDITED);
    assert.deepStrictEqual(listFiles(root()), [file], 'the temporary file is cleaned up');
  });

  it('recovers from a writer that died mid-write: stray temp file ignored, stale lock broken', async () => {
    const file = writeNote('1605.08380-deep-dreams', HAND_EDITED);
    const dies: LibraryFileSystem = {
      ...nodeFileSystem,
      rename: async () => {
        throw new Error('process killed');
      },
      delete: async () => {
        throw new Error('process killed'); // nothing gets cleaned up either
      },
    };
    const dying = open({}, dies);
    await dying.load();
    await assert.rejects(dying.update('1605.08380', { status: 'read' }));
    const leftovers = listFiles(root()).map((f) => path.basename(f)).sort();
    assert.strictEqual(leftovers.length, 3, leftovers.join());
    assert.ok(leftovers.includes('.notes.md.lock') && leftovers.some((f) => /^\.notes\.md\.[0-9a-f]+\.tmp$/.test(f)));
    assert.strictEqual(read(file), HAND_EDITED);

    const lock = path.join(root(), '1605.08380-deep-dreams', '.notes.md.lock');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    const next = open({ staleLockMs: 30_000 });
    const stats = await next.load();
    assert.deepStrictEqual([stats.papers, stats.problems], [1, 0]);
    const entry = await next.update('1605.08380', { status: 'read' });
    assert.strictEqual(entry.record.status, 'read');
    assert.ok(!fs.existsSync(lock));
  });

  it('waits for a live lock and gives up with "busy" when it is held too long', async () => {
    writeNote('1605.08380-deep-dreams', HAND_EDITED);
    const lock = path.join(root(), '1605.08380-deep-dreams', '.notes.md.lock');
    fs.writeFileSync(lock, 'another window');
    const store = open({ lockTimeoutMs: 150 });
    await store.load();
    assert.strictEqual((await rejection(store.update('1605.08380', { status: 'read' }))).code, 'busy');
    const released = store.update('1605.08380', { status: 'read' });
    setTimeout(() => fs.rmSync(lock), 50);
    assert.strictEqual((await released).record.status, 'read');
  });

  it('moves a removed paper aside, or deletes it only when asked', async () => {
    const store = open();
    await store.add(paper());
    await store.add(paper({ id: '1605.08380', title: 'Deep Dreams' }));
    const movedTo = await store.remove('1706.03762');
    assert.strictEqual(movedTo, `${root()}/.removed/1706.03762-attention-is-all-you-need`);
    assert.ok(fs.existsSync(path.join(movedTo ?? '', 'notes.md')));
    assert.strictEqual(await store.remove('1605.08380', { deleteFiles: true }), undefined);
    assert.deepStrictEqual(fs.readdirSync(root()), ['.removed']);
    const reloaded = open();
    assert.strictEqual((await reloaded.load()).papers, 0);
    // Removing the same paper again after re-adding it does not overwrite the first copy.
    await store.add(paper());
    assert.strictEqual(await store.remove('1706.03762'), `${root()}/.removed/1706.03762-attention-is-all-you-need-${NOW.getTime()}`);
  });

  it('tells listeners about loads, adds, updates, removals and problems', async () => {
    const store = open();
    const seen: string[] = [];
    const subscription = store.onDidChange((e: LibraryChange) => seen.push(e.kind === 'loaded' || e.kind === 'problems' ? e.kind : `${e.kind}:${'entry' in e ? e.entry.record.id : e.id}`));
    await store.load();
    await store.add(paper());
    await store.update('1706.03762', { status: 'reading' });
    const file = store.get('1706.03762')?.notePath ?? '';
    fs.writeFileSync(file, read(file).replace('status: reading', 'status: ???'));
    await store.refresh('1706.03762-attention-is-all-you-need');
    await store.add(paper());
    await store.remove('1706.03762');
    subscription.dispose();
    await store.load();
    assert.deepStrictEqual(seen, ['loaded', 'added:1706.03762', 'updated:1706.03762', 'removed:1706.03762', 'problems', 'added:1706.03762', 'removed:1706.03762']);
  });

  it('refuses unknown papers and impossible changes', async () => {
    const store = open();
    await store.add(paper());
    assert.strictEqual((await rejection(store.update('0000.00000', { status: 'read' }))).code, 'not-found');
    assert.strictEqual((await rejection(store.update('1706.03762', { started: 'last week' }))).code, 'invalid-change');
    fs.rmSync(path.join(root(), '1706.03762-attention-is-all-you-need'), { recursive: true });
    assert.strictEqual((await rejection(store.update('1706.03762', { status: 'read' }))).code, 'not-found');
    assert.strictEqual(store.get('1706.03762'), undefined);
  });
});
