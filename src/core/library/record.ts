/**
 * The library record: what the YAML front matter of a paper's `notes.md` holds. Null means "not
 * set" and is never written, so a fresh note carries only what it knows.
 */
import type { Paper } from '../arxiv/types';

export const STATUSES = ['inbox', 'to-read', 'reading', 'read', 'replicating', 'replicated', 'abandoned'] as const;
export type PaperStatus = (typeof STATUSES)[number];

/** Labels for people; `to-read` is spelt "to read" and both spellings are accepted in a note. */
export const STATUS_LABELS: Readonly<Record<PaperStatus, string>> = {
  inbox: 'inbox',
  'to-read': 'to read',
  reading: 'reading',
  read: 'read',
  replicating: 'replicating',
  replicated: 'replicated',
  abandoned: 'abandoned',
};

export interface LibraryRecord {
  /** arXiv id without version, as in `Paper.id`. */
  id: string;
  version: number;
  title: string;
  /** Names only, one per line in the note. */
  authors: string[];
  /** As the source gave it: an ISO instant, or a date the user typed. */
  published: string | null;
  primaryCategory: string | null;
  categories: string[];
  status: PaperStatus;
  tags: string[];
  /** Local calendar days (YYYY-MM-DD) or ISO instants. */
  added: string;
  started: string | null;
  finished: string | null;
  abs: string | null;
  pdf: string | null;
  doi: string | null;
  journalRef: string | null;
  comment: string | null;
  summary: string | null;
}

export type RecordKey = keyof LibraryRecord;

/** The order keys are written in; a stable order keeps diffs small. The long summary goes last. */
export const RECORD_KEYS: readonly RecordKey[] = [
  'id',
  'version',
  'title',
  'authors',
  'published',
  'primaryCategory',
  'categories',
  'status',
  'tags',
  'added',
  'started',
  'finished',
  'abs',
  'pdf',
  'doi',
  'journalRef',
  'comment',
  'summary',
];

const RECORD_KEY_SET: ReadonlySet<string> = new Set(RECORD_KEYS);
export function isRecordKey(key: string): key is RecordKey {
  return RECORD_KEY_SET.has(key);
}

export function parseStatus(value: string): PaperStatus | undefined {
  const normalized = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (STATUSES as readonly string[]).includes(normalized) ? (normalized as PaperStatus) : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** YYYY-MM-DD or an ISO 8601 date-time that names a real day (2024-02-30 is rejected). */
export function isValidDate(value: string): boolean {
  if (!DAY.test(value) && !INSTANT.test(value)) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** The local calendar day, which is what a person means by "started today". */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Collapses the hard wraps arXiv puts in titles and abstracts, keeping paragraph breaks. */
function unwrap(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .join('\n\n');
}

export interface NewRecordOptions {
  status?: PaperStatus;
  tags?: string[];
  /** The day the paper is added (YYYY-MM-DD). */
  added: string;
}

export function recordFromPaper(paper: Paper, options: NewRecordOptions): LibraryRecord {
  return {
    id: paper.id,
    version: paper.version,
    title: unwrap(paper.title),
    authors: paper.authors.map((a) => a.name.trim()).filter((n) => n.length > 0),
    published: paper.published,
    primaryCategory: paper.primaryCategory,
    categories: [...paper.categories],
    status: options.status ?? 'inbox',
    tags: normalizeTags(options.tags ?? []),
    added: options.added,
    started: null,
    finished: null,
    abs: paper.links.abs || null,
    pdf: paper.links.pdf || null,
    doi: paper.doi ?? paper.links.doi,
    journalRef: paper.journalRef,
    comment: paper.comment,
    summary: paper.summary.trim() ? unwrap(paper.summary) : null,
  };
}

/** Trimmed, without empties or duplicates, in first-seen order (the user's order is meaningful). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const t = tag.trim();
    if (t) seen.add(t);
  }
  return [...seen];
}

export function recordsEqual(a: LibraryRecord, b: LibraryRecord): boolean {
  return RECORD_KEYS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
