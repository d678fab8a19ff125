/**
 * Which calendar day an instant falls on for the user. The zone is an IANA name passed in (the
 * extension passes the system's; tests pass any), so "finished Sunday 23:30 in New York" is a
 * Sunday even though it is Monday in UTC, and DST shifts are handled by Intl, not by us.
 */
import { dayFromParts, parseDay, type DayNumber } from './civilDate';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA with numeric parts; formatToParts makes the order irrelevant anyway.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Throws a RangeError naming the zone when it is not a valid IANA time zone. */
export function checkTimeZone(timeZone: string): void {
  try {
    formatter(timeZone);
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}"`);
  }
}

/** The user's calendar day of an instant. */
export function localDay(instant: Date | number, timeZone: string): DayNumber {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
  return dayFromParts(get('year'), get('month'), get('day'));
}

const WALL_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The day a library date means: a typed day (YYYY-MM-DD) is that day; a date-time without zone
 * is the user's wall time, so its date; an instant (Z or an offset) is converted to the user's
 * zone. Anything else is undefined, and the date is ignored.
 */
export function dayOfRecordDate(text: string | null | undefined, timeZone: string): DayNumber | undefined {
  if (!text) return undefined;
  const value = text.trim();
  const day = parseDay(value);
  if (day !== undefined) return day;
  const wall = WALL_TIME.exec(value);
  if (wall) return parseDay(wall[1]);
  if (!INSTANT.test(value) || parseDay(value.slice(0, 10)) === undefined) return undefined;
  const ms = Date.parse(value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : localDay(ms, timeZone);
}
