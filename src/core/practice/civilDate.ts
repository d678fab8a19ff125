/**
 * Calendar days as integers (days since 1970-01-01), so weeks and months are plain arithmetic:
 * a day is a day whether it had 23, 24 or 25 hours, which is what makes DST a non-issue here.
 */
const DAY_MS = 86_400_000;

/** A calendar day: days since 1970-01-01 (1970-01-01 is 0, a Thursday). */
export type DayNumber = number;

export function dayFromParts(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function partsOf(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** YYYY-MM-DD. */
export function formatDay(day: DayNumber): string {
  const p = partsOf(day);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** YYYY-MM-DD that names a real day, else undefined. */
export function parseDay(text: string): DayNumber | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayFromParts(y, mo, d);
  const p = partsOf(day);
  return p.year === y && p.month === mo && p.day === d ? day : undefined;
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function isoWeekday(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday that starts the ISO week of `day`. */
export function mondayOf(day: DayNumber): DayNumber {
  return day - (isoWeekday(day) - 1);
}

/** ISO 8601 week label, e.g. 2025-W01: the week belongs to the year of its Thursday. */
export function isoWeekLabel(day: DayNumber): string {
  const thursday = mondayOf(day) + 3;
  const year = partsOf(thursday).year;
  const week = Math.floor((thursday - dayFromParts(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** First day of the month of `day`. */
export function monthStart(day: DayNumber): DayNumber {
  const p = partsOf(day);
  return dayFromParts(p.year, p.month, 1);
}

/** YYYY-MM. */
export function monthLabel(day: DayNumber): string {
  return formatDay(day).slice(0, 7);
}
