import type { PaperDetails } from '../core/arxiv/types';
import { paperFromRecord } from '../core/library/recordPaper';
import type { LibraryEntry } from '../core/library/store';
import type { LibraryService } from './library/libraryService';

/**
 * Commands are invoked from trees (nodes), the detail tab (a paper), CodeLens and links (an id),
 * or the palette (nothing). This turns any of those into the paper or library entry meant.
 */
export function paperIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as { kind?: string; paper?: PaperDetails; entry?: LibraryEntry; id?: unknown };
  if (a.kind === 'paper' && a.paper) return a.paper.id;
  if (a.kind === 'paper' && a.entry) return a.entry.record.id;
  if (typeof a.id === 'string') return a.id;
  return undefined;
}

/** The full paper record when the argument carries one (feeds, detail tab, search results). */
export function paperOf(arg: unknown): PaperDetails | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as { kind?: string; paper?: PaperDetails; links?: unknown; summary?: unknown };
  if (a.kind === 'paper' && a.paper) return a.paper;
  if (typeof a.summary === 'string' && a.links) return arg as PaperDetails;
  return undefined;
}

/** Library entries meant by a command: the clicked node plus any other selected nodes. */
export async function libraryEntriesOf(library: LibraryService, arg: unknown, selection?: unknown): Promise<LibraryEntry[]> {
  const store = await library.get();
  if (!store) return [];
  const args = Array.isArray(selection) && selection.length ? selection : [arg];
  return args
    .map(paperIdOf)
    .filter((id): id is string => !!id)
    .map((id) => store.get(id))
    .filter((e): e is LibraryEntry => !!e);
}

export function paperForEntry(entry: LibraryEntry): PaperDetails {
  return paperFromRecord(entry.record);
}
