import * as assert from 'assert';
import { applyPatch, validatePatch } from '../../../src/core/library/patch';
import type { LibraryRecord, PaperStatus } from '../../../src/core/library/record';
import { RECORD } from './support/samples';

const TODAY = '2024-06-10';

function withStatus(status: PaperStatus, started: string | null, finished: string | null): LibraryRecord {
  return { ...RECORD, status, started, finished };
}

describe('library status and date rules', () => {
  const cases: Array<[string, LibraryRecord, PaperStatus, string | null, string | null]> = [
    ['reading sets started', withStatus('to-read', null, null), 'reading', TODAY, null],
    ['reading keeps an earlier start and reopens a finished paper', withStatus('read', '2024-01-02', '2024-01-09'), 'reading', '2024-01-02', null],
    ['read sets finished (and started if skipped)', withStatus('inbox', null, null), 'read', TODAY, TODAY],
    ['read after reading keeps the start', withStatus('reading', '2024-06-01', null), 'read', '2024-06-01', TODAY],
    ['replicating keeps when reading finished', withStatus('read', '2024-06-01', '2024-06-05'), 'replicating', '2024-06-01', '2024-06-05'],
    ['replicated sets finished to the day it was replicated', withStatus('replicating', '2024-06-01', '2024-06-05'), 'replicated', '2024-06-01', TODAY],
    ['abandoning keeps the history', withStatus('reading', '2024-06-01', null), 'abandoned', '2024-06-01', null],
    ['back to the queue clears both', withStatus('read', '2024-06-01', '2024-06-05'), 'to-read', null, null],
    ['inbox clears both', withStatus('reading', '2024-06-01', null), 'inbox', null, null],
  ];
  for (const [name, before, status, started, finished] of cases) {
    it(name, () => {
      const after = applyPatch(before, { status }, TODAY);
      assert.deepStrictEqual([after.status, after.started, after.finished], [status, started, finished]);
    });
  }

  it('changes no date when the status stays the same', () => {
    const before = withStatus('read', '2024-01-02', '2024-01-09');
    assert.deepStrictEqual(applyPatch(before, { status: 'read' }, TODAY), before);
  });

  it('lets explicit dates win over the rules', () => {
    const after = applyPatch(withStatus('reading', '2024-06-01', null), { status: 'read', finished: '2024-06-08' }, TODAY);
    assert.deepStrictEqual([after.started, after.finished], ['2024-06-01', '2024-06-08']);
  });

  it('adds and removes tags without duplicates, keeping their order', () => {
    const before = { ...RECORD, tags: ['a', 'b', 'c'] };
    assert.deepStrictEqual(applyPatch(before, { addTags: ['d', 'a', ' e '], removeTags: ['b'] }, TODAY).tags, ['a', 'c', 'd', 'e']);
    assert.deepStrictEqual(applyPatch(before, { tags: ['z'], addTags: ['y'] }, TODAY).tags, ['z', 'y']);
  });

  it('rejects a date that is no date', () => {
    assert.match(validatePatch({ started: 'yesterday' }) ?? '', /started must be a date/);
    assert.match(validatePatch({ finished: '2024-13-01' }) ?? '', /finished must be a date/);
    assert.strictEqual(validatePatch({ finished: null, started: '2024-06-01T09:00:00Z' }), undefined);
  });
});
