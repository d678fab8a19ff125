/** Practice: weekly goals, streaks, a year heat map and recently finished papers (issue 7). */
export { activityOf, type Activity, type FinishedPaper, type PracticeRecord } from './activity';
export { dayFromParts, formatDay, isoWeekLabel, isoWeekday, mondayOf, parseDay, type DayNumber } from './civilDate';
export { monthlyProgress, readingStreak, recentWeeks, weeklyProgress, type Goals, type Progress, type Streak, type WeekSummary } from './goals';
export { HEAT_MAP_WEEKS, heatMap, type HeatCell, type HeatMap } from './heatMap';
export { recentlyFinished, type RecentPaper } from './recent';
export { practiceSummary, type PracticeOptions, type PracticeSummary } from './summary';
export { checkTimeZone, dayOfRecordDate, localDay, systemTimeZone } from './timeZone';
