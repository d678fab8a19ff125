import * as assert from 'assert';
import { dayFromParts, formatDay, isoWeekLabel, isoWeekday, mondayOf, parseDay } from '../../../src/core/practice/civilDate';
import { checkTimeZone, dayOfRecordDate, localDay } from '../../../src/core/practice/timeZone';

const day = (s: string): number => parseDay(s)!;
const inZone = (instant: string, zone: string): string => formatDay(localDay(Date.parse(instant), zone));

describe('practice calendar', () => {
  it('numbers days from 1970-01-01 and parses only real days', () => {
    assert.strictEqual(dayFromParts(1970, 1, 1), 0);
    assert.strictEqual(formatDay(day('2024-02-29')), '2024-02-29');
    assert.strictEqual(parseDay('2023-02-29'), undefined);
    assert.strictEqual(parseDay('2024-13-01'), undefined);
    assert.strictEqual(parseDay('24-01-01'), undefined);
  });

  it('uses ISO weeks: Monday first, the week belongs to the year of its Thursday', () => {
    assert.strictEqual(isoWeekday(0), 4); // 1970-01-01 was a Thursday
    assert.strictEqual(isoWeekday(day('2024-06-03')), 1);
    assert.strictEqual(isoWeekday(day('2024-06-09')), 7);
    assert.strictEqual(formatDay(mondayOf(day('2024-06-09'))), '2024-06-03');
    assert.strictEqual(formatDay(mondayOf(day('2024-06-10'))), '2024-06-10');
    assert.strictEqual(isoWeekLabel(day('2024-12-30')), '2025-W01');
    assert.strictEqual(isoWeekLabel(day('2021-01-03')), '2020-W53');
    assert.strictEqual(isoWeekLabel(day('2026-01-01')), '2026-W01');
    assert.strictEqual(isoWeekLabel(day('2027-01-01')), '2026-W53');
  });

  it('puts an instant on the user’s calendar day', () => {
    // Sunday 23:30 in New York is Monday 03:30 UTC.
    assert.strictEqual(inZone('2024-06-10T03:30:00Z', 'America/New_York'), '2024-06-09');
    assert.strictEqual(inZone('2024-06-10T03:30:00Z', 'UTC'), '2024-06-10');
    assert.strictEqual(inZone('2024-06-09T16:30:00Z', 'Asia/Tokyo'), '2024-06-10');
    assert.strictEqual(inZone('2024-06-09T23:30:00Z', 'Asia/Kolkata'), '2024-06-10');
  });

  it('follows daylight saving time changes', () => {
    const ny = 'America/New_York';
    // Spring forward on 2024-03-10: midnight is 05:00Z before it and 04:00Z after it.
    assert.strictEqual(inZone('2024-03-10T04:59:00Z', ny), '2024-03-09');
    assert.strictEqual(inZone('2024-03-10T05:00:00Z', ny), '2024-03-10');
    assert.strictEqual(inZone('2024-03-11T03:59:00Z', ny), '2024-03-10');
    assert.strictEqual(inZone('2024-03-11T04:00:00Z', ny), '2024-03-11');
    // Fall back on 2024-11-03: that day lasts 25 hours.
    assert.strictEqual(inZone('2024-11-03T04:00:00Z', ny), '2024-11-03');
    assert.strictEqual(inZone('2024-11-04T04:59:00Z', ny), '2024-11-03');
    assert.strictEqual(inZone('2024-11-04T05:00:00Z', ny), '2024-11-04');
    // A week with a DST change is still Monday to Sunday.
    assert.strictEqual(formatDay(mondayOf(day('2024-03-10'))), '2024-03-04');
  });

  it('reads library dates: typed days as they are, wall times by their date, instants in the user’s zone', () => {
    const berlin = 'Europe/Berlin';
    const read = (s: string | null): string | undefined => {
      const d = dayOfRecordDate(s, berlin);
      return d === undefined ? undefined : formatDay(d);
    };
    assert.strictEqual(read('2024-06-09'), '2024-06-09');
    assert.strictEqual(read('2024-06-09T23:30'), '2024-06-09');
    assert.strictEqual(read('2024-06-09 23:30:15'), '2024-06-09');
    assert.strictEqual(read('2024-06-09T23:30:00-04:00'), '2024-06-10');
    assert.strictEqual(read('2024-06-09T21:30:00Z'), '2024-06-09'); // 23:30 CEST
    assert.strictEqual(read('2024-06-09T22:30:00+0000'), '2024-06-10');
    for (const bad of [null, '', 'yesterday', '2024-02-30', '2024-02-30T10:00Z', '09/06/2024']) assert.strictEqual(read(bad), undefined, String(bad));
  });

  it('rejects an unknown time zone by name', () => {
    assert.throws(() => checkTimeZone('Mars/Olympus_Mons'), /unknown time zone "Mars\/Olympus_Mons"/);
    checkTimeZone('Pacific/Chatham');
  });
});
