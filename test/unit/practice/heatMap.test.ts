import * as assert from 'assert';
import type { PracticeRecord } from '../../../src/core/practice/activity';
import { HEAT_MAP_WEEKS } from '../../../src/core/practice/heatMap';
import { practiceSummary } from '../../../src/core/practice/summary';

const record = (id: string, status: string, started: string | null, finished: string | null): PracticeRecord => ({
  id,
  title: id,
  status,
  started,
  finished,
});

const NOW = new Date('2024-06-12T12:00:00Z'); // a Wednesday
const map = (records: PracticeRecord[], timeZone = 'UTC') =>
  practiceSummary(records, { goals: { papersReadPerWeek: 2, replicationsPerMonth: 1 }, now: NOW, timeZone }).heatMap;

describe('practice heat map', () => {
  it('is 53 weeks × 7 days, Monday first, ending with the current week; later days are future', () => {
    const h = map([]);
    assert.strictEqual(h.weeks.length, HEAT_MAP_WEEKS);
    assert.ok(h.weeks.every((w) => w.length === 7));
    assert.strictEqual(h.weeks[0][0].date, '2023-06-12'); // Monday, 52 weeks before 2024-06-10
    assert.strictEqual(h.weeks[52][0].date, '2024-06-10');
    assert.strictEqual(h.weeks[52][2].date, '2024-06-12');
    assert.deepStrictEqual(
      h.weeks[52].map((c) => c.future),
      [false, false, false, true, true, true, true],
    );
    assert.deepStrictEqual({ total: h.total, activeDays: h.activeDays, max: h.max }, { total: 0, activeDays: 0, max: 0 });
  });

  it('counts papers started and finished per local day', () => {
    const h = map([
      record('a', 'read', '2024-06-03', '2024-06-05'),
      record('b', 'replicated', '2024-06-05', '2024-06-11'),
      record('c', 'reading', '2024-06-05', null),
      record('d', 'read', null, '2024-06-05T23:30:00Z'),
      record('e', 'read', '2022-01-01', '2023-06-11'), // before the grid
    ]);
    const cell = (date: string) => h.weeks.flat().find((c) => c.date === date)!;
    assert.deepStrictEqual(
      [cell('2024-06-05').started, cell('2024-06-05').read, cell('2024-06-05').replicated, cell('2024-06-05').count],
      [2, 2, 0, 4],
    );
    assert.deepStrictEqual([cell('2024-06-11').replicated, cell('2024-06-11').count], [1, 1]);
    assert.strictEqual(cell('2024-06-03').count, 1);
    assert.deepStrictEqual({ total: h.total, activeDays: h.activeDays, max: h.max }, { total: 6, activeDays: 3, max: 4 });
    // In Tokyo, d (23:30 UTC) is finished on the 6th.
    const tokyo = map([record('d', 'read', null, '2024-06-05T23:30:00Z')], 'Asia/Tokyo');
    assert.strictEqual(tokyo.weeks.flat().find((c) => c.count > 0)!.date, '2024-06-06');
  });

  it('grades days 0-4 relative to the busiest day: ceil(4 · count / max)', () => {
    const busy = Array.from({ length: 8 }, (_, i) => record(`b${i}`, 'read', null, '2024-06-04'));
    const h = map([
      ...busy,
      record('one', 'read', null, '2024-06-05'),
      record('three-1', 'read', null, '2024-06-06'),
      record('three-2', 'read', null, '2024-06-06'),
      record('three-3', 'read', null, '2024-06-06'),
    ]);
    const level = (date: string) => h.weeks.flat().find((c) => c.date === date)!.level;
    assert.deepStrictEqual([level('2024-06-04'), level('2024-06-05'), level('2024-06-06'), level('2024-06-07')], [4, 1, 2, 0]);
  });
});
