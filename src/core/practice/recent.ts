/** The papers finished most recently, for the Practice view's "recently finished" list. */
import { formatDay, type DayNumber } from './civilDate';
import type { FinishedPaper } from './activity';

export interface RecentPaper {
  id: string;
  title: string;
  status: 'read' | 'replicated';
  /** YYYY-MM-DD, local. */
  finished: string;
  /** 0 today, 1 yesterday, ... */
  daysAgo: number;
}

export function recentlyFinished(read: readonly FinishedPaper[], today: DayNumber, limit: number): RecentPaper[] {
  return [...read]
    .sort((a, b) => b.day - a.day || (a.finished < b.finished ? 1 : a.finished > b.finished ? -1 : 0) || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((p) => ({ id: p.id, title: p.title, status: p.status, finished: formatDay(p.day), daysAgo: today - p.day }));
}

/** "today", "yesterday", "5 days ago". */
export function daysAgoText(daysAgo: number): string {
  return daysAgo === 0 ? 'today' : daysAgo === 1 ? 'yesterday' : `${daysAgo} days ago`;
}
