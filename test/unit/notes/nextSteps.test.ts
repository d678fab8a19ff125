import * as assert from 'assert';
import { nextSteps } from '../../../src/core/notes/nextSteps';
import { STATUSES, type PaperStatus } from '../../../src/core/library/record';
import { applyPatch } from '../../../src/core/library/patch';
import { RECORD } from '../library/support/samples';

const labels = (status: PaperStatus) => nextSteps(status).map((s) => s.label);

describe('nextSteps (the CodeLens line of a note)', () => {
  it('moves a paper along the reading path: queued papers start, a paper being read is marked read', () => {
    const table: Array<[PaperStatus, string[]]> = [
      ['inbox', ['Start reading', 'Start replication', 'Open PDF', 'Paper details']],
      ['to-read', ['Start reading', 'Start replication', 'Open PDF', 'Paper details']],
      ['reading', ['Mark read', 'Start replication', 'Open PDF', 'Paper details']],
      ['read', ['Start replication', 'Open PDF', 'Paper details']],
      ['replicating', ['Open replication', 'Open PDF', 'Paper details']],
      ['replicated', ['Open replication', 'Open PDF', 'Paper details']],
      ['abandoned', ['Read again', 'Start replication', 'Open PDF', 'Paper details']],
    ];
    assert.deepStrictEqual(table.map(([s]) => s), [...STATUSES], 'every status is in the table');
    for (const [status, expected] of table) assert.deepStrictEqual(labels(status), expected, status);
  });

  it('sets a status the paper is not already in, so every status step changes something', () => {
    for (const status of STATUSES) {
      for (const step of nextSteps(status)) {
        if (step.kind !== 'setStatus') continue;
        assert.notStrictEqual(step.status, status, `${status}: "${step.label}" sets the same status`);
      }
    }
  });

  it('"Mark read" records the day the paper was finished', () => {
    const step = nextSteps('reading').find((s) => s.kind === 'setStatus');
    assert.ok(step?.kind === 'setStatus');
    const record = { ...RECORD, status: 'reading' as const, started: '2024-05-02', finished: null };
    const after = applyPatch(record, { status: step.status }, '2024-05-09');
    assert.strictEqual(after.status, 'read');
    assert.strictEqual(after.started, '2024-05-02');
    assert.strictEqual(after.finished, '2024-05-09');
  });

  it('always offers the replication, the PDF and the detail view, each once', () => {
    for (const status of STATUSES) {
      const kinds = nextSteps(status).map((s) => s.kind).filter((k) => k !== 'setStatus');
      assert.deepStrictEqual(kinds, ['startReplication', 'openPdf', 'openPaper'], status);
    }
  });
});
