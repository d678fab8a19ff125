/**
 * A year of activity as a 53 × 7 grid, like a contribution graph: columns are ISO weeks (the last
 * is the current week), rows are Monday to Sunday, each cell a local day with its count of papers
 * started and finished and a level 0-4 for the colour. Days after today are marked `future`.
 */
import { formatDay, mondayOf, type DayNumber } from './civilDate';
import type { Activity } from './activity';

export const HEAT_MAP_WEEKS = 53;

export interface HeatCell {
  /** YYYY-MM-DD. */
  date: string;
  /** Papers started + papers finished that day. */
  count: number;
  started: number;
  /** Finished with status read. */
  read: number;
  /** Finished with status replicated. */
  replicated: number;
  /** 0 for none, else 1-4 relative to the busiest day of the grid: ceil(4 · count / max). */
  level: 0 | 1 | 2 | 3 | 4;
  future: boolean;
}

export interface HeatMap {
  /** weeks[column][row]: column 0 is 52 weeks before the current week, row 0 is Monday. */
  weeks: HeatCell[][];
  /** Activity in the grid's past days. */
  total: number;
  /** Days with any activity. */
  activeDays: number;
  max: number;
}

export function heatMap(activity: Activity, today: DayNumber): HeatMap {
  const first = mondayOf(today) - 7 * (HEAT_MAP_WEEKS - 1);
  const size = 7 * HEAT_MAP_WEEKS;
  const started = new Int32Array(size);
  const read = new Int32Array(size);
  const replicated = new Int32Array(size);
  const at = (day: DayNumber): number => (day >= first && day <= today ? day - first : -1);
  for (const day of activity.started) if (at(day) >= 0) started[at(day)]++;
  for (const p of activity.read) {
    const k = at(p.day);
    if (k < 0) continue;
    if (p.status === 'replicated') replicated[k]++;
    else read[k]++;
  }
  let max = 0;
  let total = 0;
  let activeDays = 0;
  for (let k = 0; k < size; k++) {
    const count = started[k] + read[k] + replicated[k];
    max = Math.max(max, count);
    total += count;
    if (count > 0) activeDays++;
  }
  const weeks: HeatCell[][] = [];
  for (let w = 0; w < HEAT_MAP_WEEKS; w++) {
    const column: HeatCell[] = [];
    for (let d = 0; d < 7; d++) {
      const k = 7 * w + d;
      const count = started[k] + read[k] + replicated[k];
      column.push({
        date: formatDay(first + k),
        count,
        started: started[k],
        read: read[k],
        replicated: replicated[k],
        level: count === 0 ? 0 : (Math.min(4, Math.ceil((4 * count) / max)) as 1 | 2 | 3 | 4),
        future: first + k > today,
      });
    }
    weeks.push(column);
  }
  return { weeks, total, activeDays, max };
}
