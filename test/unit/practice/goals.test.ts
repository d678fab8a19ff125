import * as assert from 'assert';
import type { PracticeRecord } from '../../../src/core/practice/activity';
import { practiceSummary, type PracticeOptions } from '../../../src/core/practice/summary';

let n = 0;
function paper(status: string, finished: string | null, started: string | null = null): PracticeRecord {
  n++;
  return { id: `p${n}`, title: `Paper ${n}`, status, started, finished };
}

const GOALS = { papersReadPerWeek: 2, replicationsPerMonth: 1 };
/** Wednesday 2024-06-12, noon UTC. Its ISO week starts Monday 2024-06-10. */
const WEDNESDAY = new Date('2024-06-12T12:00:00Z');
const summary = (records: PracticeRecord[], options: Partial<PracticeOptions> = {}) =>
  practiceSummary(records, { goals: GOALS, now: WEDNESDAY, timeZone: 'UTC', ...options });

/** `count` read papers on the Tuesday of the week starting `monday`. */
function readIn(monday: string, count: number): PracticeRecord[] {
  const tuesday = new Date(Date.parse(`${monday}T10:00:00Z`) + 86_400_000).toISOString();
  return Array.from({ length: count }, () => paper('read', tuesday));
}

describe('practice goals and streaks', () => {
  it('counts this week’s papers read: status read or replicated with a finished date', () => {
    const s = summary([
      paper('read', '2024-06-10'),
      paper('replicated', '2024-06-11T09:00:00Z'),
      paper('read', '2024-06-09'), // Sunday: last week
      paper('reading', '2024-06-11'), // not read yet, whatever the date says
      paper('read', null),
      paper('abandoned', '2024-06-11'),
    ]);
    assert.deepStrictEqual(s.thisWeek, { count: 2, goal: 2, met: true, label: '2/2 papers this week' });
    assert.strictEqual(s.week, '2024-W24');
    assert.strictEqual(s.today, '2024-06-12');
  });

  it('says "1/2 papers this week", and "paper" for a goal of one', () => {
    const records = [paper('read', '2024-06-11')];
    assert.strictEqual(summary(records).thisWeek.label, '1/2 papers this week');
    assert.strictEqual(summary(records, { goals: { papersReadPerWeek: 1, replicationsPerMonth: 1 } }).thisWeek.label, '1/1 paper this week');
    assert.strictEqual(summary(records, { goals: { papersReadPerWeek: 0, replicationsPerMonth: 0 } }).thisWeek.label, '1 paper this week');
  });

  it('counts replications finished this month, in the user’s zone', () => {
    const records = [
      paper('replicated', '2024-06-01'),
      paper('replicated', '2024-05-31'),
      paper('read', '2024-06-05'), // read, not replicated
      paper('replicated', '2024-06-01T02:00:00Z'), // still May 31 in Los Angeles
    ];
    assert.deepStrictEqual(summary(records).thisMonth, { count: 2, goal: 1, met: true, label: '2/1 replications this month' });
    assert.strictEqual(summary(records, { timeZone: 'America/Los_Angeles' }).thisMonth.label, '1/1 replication this month');
    assert.strictEqual(summary(records).month, '2024-06');
  });

  it('keeps the streak while the current week is still short of the goal', () => {
    const records = [...readIn('2024-05-20', 2), ...readIn('2024-05-27', 3), ...readIn('2024-06-03', 2)];
    assert.deepStrictEqual(summary(records).streak, { current: 3, longest: 3 });
    // Once this week meets the goal it joins the streak.
    const more = [...records, paper('read', '2024-06-10'), paper('read', '2024-06-12T08:00:00Z')];
    assert.deepStrictEqual(summary(more).streak, { current: 4, longest: 4 });
  });

  it('breaks the streak at a week short of the goal or empty, and remembers the longest run', () => {
    const records = [
      ...readIn('2024-04-08', 2),
      ...readIn('2024-04-15', 2),
      ...readIn('2024-04-22', 2), // a run of 3
      ...readIn('2024-04-29', 1), // short
      ...readIn('2024-05-13', 2), // 2024-05-06 empty before it
      ...readIn('2024-05-20', 2),
      // 2024-05-27 empty
      ...readIn('2024-06-03', 2),
    ];
    assert.deepStrictEqual(summary(records).streak, { current: 1, longest: 3 });
  });

  it('has no streak without papers read or without a goal', () => {
    assert.deepStrictEqual(summary([]).streak, { current: 0, longest: 0 });
    const records = readIn('2024-06-03', 5);
    assert.deepStrictEqual(summary(records, { goals: { papersReadPerWeek: 0, replicationsPerMonth: 0 } }).streak, { current: 0, longest: 0 });
  });

  it('lists recent weeks with their counts, empty weeks included', () => {
    const records = [...readIn('2024-05-20', 2), ...readIn('2024-06-03', 1), paper('read', '2024-06-11')];
    const weeks = summary(records, { weeks: 4 }).weeks;
    assert.deepStrictEqual(
      weeks.map((w) => [w.start, w.week, w.count, w.met, w.current]),
      [
        ['2024-05-20', '2024-W21', 2, true, false],
        ['2024-05-27', '2024-W22', 0, false, false],
        ['2024-06-03', '2024-W23', 1, false, false],
        ['2024-06-10', '2024-W24', 1, false, true],
      ],
    );
  });

  it('puts a paper finished Sunday 23:30 local in that week, though it is Monday in UTC', () => {
    const sunday = paper('read', '2024-06-10T03:30:00Z'); // Sunday 2024-06-09 23:30 in New York
    const monday = new Date('2024-06-10T15:00:00Z');
    const ny = summary([sunday, ...readIn('2024-06-03', 1)], { now: monday, timeZone: 'America/New_York', goals: { papersReadPerWeek: 2, replicationsPerMonth: 1 } });
    assert.strictEqual(ny.thisWeek.label, '0/2 papers this week');
    assert.deepStrictEqual(ny.streak, { current: 1, longest: 1 });
    const utc = summary([sunday], { now: monday, timeZone: 'UTC' });
    assert.strictEqual(utc.thisWeek.label, '1/2 papers this week');
  });

  it('counts a week across a DST change as one Monday-to-Sunday week', () => {
    // Europe/Berlin switches to summer time on Sunday 2024-03-31.
    const records = [
      paper('read', '2024-03-24T23:30:00Z'), // Monday 00:30 CET
      paper('read', '2024-03-31T21:30:00Z'), // Sunday 23:30 CEST
      paper('read', '2024-03-31T22:30:00Z'), // Monday 00:30 CEST: next week
    ];
    const s = summary(records, { now: new Date('2024-04-03T12:00:00Z'), timeZone: 'Europe/Berlin', weeks: 2 });
    assert.deepStrictEqual(
      s.weeks.map((w) => [w.start, w.count]),
      [
        ['2024-03-25', 2],
        ['2024-04-01', 1],
      ],
    );
  });

  it('ignores dates after today', () => {
    const s = summary([paper('read', '2024-06-14'), paper('replicated', '2024-06-30')]);
    assert.strictEqual(s.thisWeek.count, 0);
    assert.strictEqual(s.thisMonth.count, 0);
    assert.strictEqual(s.recent.length, 0);
  });

  it('lists recently finished papers, newest first', () => {
    const records = [
      paper('read', '2024-06-01'),
      paper('replicated', '2024-06-12T09:00:00Z'),
      paper('read', '2024-06-12T07:00:00Z'),
      paper('read', '2024-06-11'),
      paper('reading', '2024-06-12'),
    ];
    const recent = summary(records, { recent: 3 }).recent;
    assert.deepStrictEqual(
      recent.map((r) => [r.id, r.status, r.finished, r.daysAgo]),
      [
        [records[1].id, 'replicated', '2024-06-12', 0],
        [records[2].id, 'read', '2024-06-12', 0],
        [records[3].id, 'read', '2024-06-11', 1],
      ],
    );
  });

  it('rejects an unknown time zone', () => {
    assert.throws(() => summary([], { timeZone: 'Nowhere/Land' }), RangeError);
  });
});
