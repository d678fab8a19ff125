/**
 * Changes to a record expressed as intent ("mark read", "add tag x") rather than as a new record,
 * so a change can be re-applied to a note someone else edited in the meantime without undoing
 * their edit.
 */
import { isValidDate, type LibraryRecord, normalizeTags, type PaperStatus } from './record';

export interface RecordPatch {
  status?: PaperStatus;
  /** Replaces all tags (applied before removeTags / addTags). */
  tags?: readonly string[];
  addTags?: readonly string[];
  removeTags?: readonly string[];
  /** Explicit dates win over the status rules; null clears. */
  started?: string | null;
  finished?: string | null;
}

type Dates = Pick<LibraryRecord, 'started' | 'finished'>;

/**
 * What entering a status does to the dates, so they always describe the current status: a queued
 * paper has not begun, `finished` is the day it was last marked read or replicated, and abandoning
 * keeps the history. The notes live in git, so an accidental click is recoverable.
 */
export function datesOnEntering(status: PaperStatus, dates: Dates, today: string): Dates {
  const begun = dates.started ?? today;
  switch (status) {
    case 'inbox':
    case 'to-read':
      return { started: null, finished: null };
    case 'reading':
      return { started: begun, finished: null };
    case 'replicating':
      return { started: begun, finished: dates.finished };
    case 'read':
    case 'replicated':
      return { started: begun, finished: today };
    case 'abandoned':
      return { started: dates.started, finished: dates.finished };
  }
}

export function validatePatch(patch: RecordPatch): string | undefined {
  for (const key of ['started', 'finished'] as const) {
    const value = patch[key];
    if (typeof value === 'string' && !isValidDate(value)) return `${key} must be a date like 2024-05-17, not "${value}"`;
  }
  return undefined;
}

/** The record after the patch; `today` is the local day (YYYY-MM-DD) the change is made. */
export function applyPatch(record: LibraryRecord, patch: RecordPatch, today: string): LibraryRecord {
  const next: LibraryRecord = { ...record };
  if (patch.status !== undefined && patch.status !== record.status) {
    next.status = patch.status;
    Object.assign(next, datesOnEntering(patch.status, record, today));
  }
  if (patch.started !== undefined) next.started = patch.started;
  if (patch.finished !== undefined) next.finished = patch.finished;
  if (patch.tags || patch.addTags || patch.removeTags) {
    const removed = new Set(patch.removeTags ?? []);
    const kept = (patch.tags ?? record.tags).filter((t) => !removed.has(t.trim()));
    next.tags = normalizeTags([...kept, ...(patch.addTags ?? [])]);
  }
  return next;
}
