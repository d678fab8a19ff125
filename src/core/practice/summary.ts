/**
 * Everything the Practice view shows, computed in one call from the library records, the goals,
 * the clock and the time zone (both injected, so the view and the tests agree on "today").
 */
import { formatDay, isoWeekLabel, monthLabel } from './civilDate';
import { activityOf, type PracticeRecord } from './activity';
import { monthlyProgress, readingStreak, recentWeeks, weeklyProgress, type Goals, type Progress, type Streak, type WeekSummary } from './goals';
import { heatMap, type HeatMap } from './heatMap';
import { recentlyFinished, type RecentPaper } from './recent';
import { checkTimeZone, localDay, systemTimeZone } from './timeZone';

export interface PracticeOptions {
  goals: Goals;
  now?: Date;
  /** IANA zone; the system's by default. */
  timeZone?: string;
  /** Weeks in `weeks` (default 12). */
  weeks?: number;
  /** Papers in `recent` (default 5). */
  recent?: number;
}

export interface PracticeSummary {
  /** YYYY-MM-DD in the user's zone, ISO week and month it falls in. */
  today: string;
  week: string;
  month: string;
  timeZone: string;
  thisWeek: Progress;
  thisMonth: Progress;
  streak: Streak;
  weeks: WeekSummary[];
  heatMap: HeatMap;
  recent: RecentPaper[];
}

export function practiceSummary(records: readonly PracticeRecord[], options: PracticeOptions): PracticeSummary {
  const timeZone = options.timeZone ?? systemTimeZone();
  checkTimeZone(timeZone);
  const today = localDay(options.now ?? new Date(), timeZone);
  const activity = activityOf(records, timeZone, today);
  return {
    today: formatDay(today),
    week: isoWeekLabel(today),
    month: monthLabel(today),
    timeZone,
    thisWeek: weeklyProgress(activity.read, options.goals, today),
    thisMonth: monthlyProgress(activity.replicated, options.goals, today),
    streak: readingStreak(activity.read, options.goals, today),
    weeks: recentWeeks(activity.read, options.goals, today, options.weeks ?? 12),
    heatMap: heatMap(activity, today),
    recent: recentlyFinished(activity.read, today, options.recent ?? 5),
  };
}
