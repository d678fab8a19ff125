/**
 * How long a response stays fresh. The server's Cache-Control max-age wins (rss.arxiv.org sends
 * "seconds until the next arXiv midnight"). Without it we use arXiv's daily rhythm: results only
 * change when an announcement goes live, at midnight US Eastern after the Sun–Thu 20:00 mailing,
 * so there is no point asking again before then. Eastern time has DST, so we ask Intl for the
 * zone's wall clock rather than assuming a fixed offset.
 */

export const ARXIV_TIME_ZONE = 'America/New_York';

export interface CacheControl {
  maxAgeMs?: number;
  noStore: boolean;
  noCache: boolean;
}

export function parseCacheControl(value: string | null | undefined): CacheControl {
  const cc: CacheControl = { noStore: false, noCache: false };
  for (const part of (value ?? '').split(',')) {
    const [rawName, rawVal] = part.split('=', 2).map((s) => s.trim());
    const name = rawName.toLowerCase();
    if (name === 'no-store') cc.noStore = true;
    else if (name === 'no-cache') cc.noCache = true;
    else if (name === 'max-age' && rawVal !== undefined && /^"?\d+"?$/.test(rawVal)) {
      cc.maxAgeMs = Number(rawVal.replace(/"/g, '')) * 1000;
    }
  }
  return cc;
}

// Made on first use: building a formatter for a named zone loads ICU's zone data, several
// milliseconds that extension start-up should not pay.
let partsFormat: Intl.DateTimeFormat | undefined;
function easternFormat(): Intl.DateTimeFormat {
  partsFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: ARXIV_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return partsFormat;
}

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in New York at instant `t`. */
export function easternWallClock(t: number): WallClock {
  const p: Record<string, number> = {};
  for (const { type, value } of easternFormat().formatToParts(new Date(t))) {
    if (type !== 'literal') p[type] = Number(value);
  }
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second };
}

/** New York's UTC offset at instant `t`, in ms (e.g. -4 h in summer). */
function easternOffset(t: number): number {
  const w = easternWallClock(t);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** The instant of 00:00 New York time on the given calendar day (day may overflow the month). */
export function easternMidnight(year: number, month: number, day: number): number {
  const guess = Date.UTC(year, month - 1, day);
  let t = guess - easternOffset(guess);
  // The offset at the guess can differ from the offset at the answer around a DST change.
  const off = easternOffset(t);
  if (guess - off !== t) t = guess - off;
  return t;
}

/**
 * The first New York midnight strictly after `now`. With `weekdaysOnly`, only midnights that begin
 * Monday–Friday count: those are the ones that follow an announcement (Sun–Thu 20:00), so API
 * results cannot change at the midnights starting Saturday and Sunday.
 */
export function nextEasternMidnight(now: number, opts: { weekdaysOnly?: boolean } = {}): number {
  const w = easternWallClock(now);
  for (let k = 1; k <= 8; k++) {
    const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day + k)).getUTCDay(); // 0 = Sunday
    if (opts.weekdaysOnly && (weekday === 0 || weekday === 6)) continue;
    return easternMidnight(w.year, w.month, w.day + k);
  }
  /* istanbul ignore next: some weekday is always within 8 days */
  throw new Error('unreachable');
}

export type ArxivRhythm = 'api' | 'feed' | 'immutable';

/**
 * Expiry instant for a response fetched at `now`: max-age if the server gave one; otherwise the
 * next point arXiv can publish something different. Feeds turn over every midnight (weekend feeds
 * are empty); API results only after announcements; versioned PDFs never change (30 days).
 */
export function expiryFor(now: number, cacheControl: CacheControl, rhythm: ArxivRhythm): number {
  if (cacheControl.noCache) return now;
  if (cacheControl.maxAgeMs !== undefined) return now + cacheControl.maxAgeMs;
  if (rhythm === 'immutable') return now + 30 * 24 * 3600 * 1000;
  return nextEasternMidnight(now, { weekdaysOnly: rhythm === 'api' });
}
