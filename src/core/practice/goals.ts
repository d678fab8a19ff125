/**
 * Weekly and monthly goals: this week's papers read against the goal, this month's replications,
 * recent weeks, and the streak of consecutive ISO weeks (Monday to Sunday, in the user's zone)
 * that met the reading goal. The week in progress extends the streak once it meets the goal but
 * never breaks it: on a Tuesday with nothing read yet, last week's streak still stands.
 */
import { formatDay, isoWeekLabel, mondayOf, monthStart, type DayNumber } from './civilDate';
import type { FinishedPaper } from './activity';

export interface Goals {
  /** Papers finished reading per week; 0 turns the goal (and the streak) off. */
  papersReadPerWeek: number;
  /** Replications finished per month; 0 turns the goal off. */
  replicationsPerMonth: number;
}

export interface Progress {
  count: number;
  goal: number;
  met: boolean;
  /** "1/2 papers this week", "0/1 replication this month", "3 papers this week" without a goal. */
  label: string;
}

export interface WeekSummary {
  /** The Monday, YYYY-MM-DD. */
  start: string;
  /** ISO week, e.g. 2025-W18. */
  week: string;
  count: number;
  met: boolean;
  current: boolean;
}

export interface Streak {
  /** Consecutive weeks meeting the goal, up to this week (this week only once it meets the goal). */
  current: number;
  /** The longest run of such weeks in the library's history. */
  longest: number;
}

function progress(count: number, goal: number, noun: string, period: string): Progress {
  // "1/2 papers", "1/1 paper", "2/1 papers"; without a goal just "3 papers".
  const of = goal > 0 ? `${count}/${goal}` : `${count}`;
  const plural = (goal > 0 ? Math.max(count, goal) : count) === 1 ? noun : `${noun}s`;
  return { count, goal, met: goal > 0 && count >= goal, label: `${of} ${plural} ${period}` };
}

function countByWeek(read: readonly FinishedPaper[]): Map<DayNumber, number> {
  const weeks = new Map<DayNumber, number>();
  for (const p of read) {
    const monday = mondayOf(p.day);
    weeks.set(monday, (weeks.get(monday) ?? 0) + 1);
  }
  return weeks;
}

export function weeklyProgress(read: readonly FinishedPaper[], goals: Goals, today: DayNumber): Progress {
  const monday = mondayOf(today);
  return progress(read.filter((p) => p.day >= monday && p.day <= today).length, goals.papersReadPerWeek, 'paper', 'this week');
}

export function monthlyProgress(replicated: readonly FinishedPaper[], goals: Goals, today: DayNumber): Progress {
  const first = monthStart(today);
  const count = replicated.filter((p) => p.day >= first && p.day <= today).length;
  return progress(count, goals.replicationsPerMonth, 'replication', 'this month');
}

/** The last `weeks` weeks, oldest first, ending with the current one. */
export function recentWeeks(read: readonly FinishedPaper[], goals: Goals, today: DayNumber, weeks: number): WeekSummary[] {
  const counts = countByWeek(read);
  const current = mondayOf(today);
  const out: WeekSummary[] = [];
  for (let k = weeks - 1; k >= 0; k--) {
    const monday = current - 7 * k;
    const count = counts.get(monday) ?? 0;
    out.push({
      start: formatDay(monday),
      week: isoWeekLabel(monday),
      count,
      met: goals.papersReadPerWeek > 0 && count >= goals.papersReadPerWeek,
      current: k === 0,
    });
  }
  return out;
}

export function readingStreak(read: readonly FinishedPaper[], goals: Goals, today: DayNumber): Streak {
  const goal = goals.papersReadPerWeek;
  if (goal <= 0 || read.length === 0) return { current: 0, longest: 0 };
  const counts = countByWeek(read);
  const met = (monday: DayNumber): boolean => (counts.get(monday) ?? 0) >= goal;
  const thisWeek = mondayOf(today);

  let current = met(thisWeek) ? 1 : 0;
  for (let monday = thisWeek - 7; met(monday); monday -= 7) current++;

  // Longest: walk every week from the first one with a read paper to this one.
  const first = Math.min(...counts.keys());
  let longest = 0;
  let run = 0;
  for (let monday = first; monday <= thisWeek; monday += 7) {
    run = met(monday) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return { current, longest: Math.max(longest, current) };
}
