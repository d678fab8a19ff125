/**
 * The dated events practice is computed from, read off the library records themselves: a paper
 * read (status read or replicated, with a finished date), a replication finished (status
 * replicated, with a finished date) and a paper started (any started date). Dates after today
 * (typos, or a date set ahead) are left out, so they never count before they happen.
 */
import type { DayNumber } from './civilDate';
import { dayOfRecordDate } from './timeZone';

/** The fields of a library record practice reads (LibraryRecord satisfies it). */
export interface PracticeRecord {
  id: string;
  title: string;
  status: string;
  started: string | null;
  finished: string | null;
}

export interface FinishedPaper {
  id: string;
  title: string;
  status: 'read' | 'replicated';
  day: DayNumber;
  /** The finished date as written, to order papers finished the same day. */
  finished: string;
}

export interface Activity {
  /** Papers read: status read or replicated, finished on or before today. */
  read: FinishedPaper[];
  /** The replicated ones among them. */
  replicated: FinishedPaper[];
  /** Days papers were started (reading or replicating). */
  started: DayNumber[];
}

export function activityOf(records: readonly PracticeRecord[], timeZone: string, today: DayNumber): Activity {
  const activity: Activity = { read: [], replicated: [], started: [] };
  for (const r of records) {
    const started = dayOfRecordDate(r.started, timeZone);
    if (started !== undefined && started <= today) activity.started.push(started);
    if (r.status !== 'read' && r.status !== 'replicated') continue;
    const day = dayOfRecordDate(r.finished, timeZone);
    if (day === undefined || day > today) continue;
    const paper: FinishedPaper = { id: r.id, title: r.title, status: r.status, day, finished: r.finished!.trim() };
    activity.read.push(paper);
    if (r.status === 'replicated') activity.replicated.push(paper);
  }
  return activity;
}
