/**
 * The text of a reference hover, as Markdown built from untrusted arXiv text. Every string that
 * comes from arXiv or from a note is escaped, so a title cannot smuggle in links, images, HTML or
 * command URIs; the only links are the ones written here. Kept free of `vscode` so it can be unit
 * tested; the provider wraps it in a MarkdownString trusted for exactly the commands named below.
 */
import type { PaperDetails } from '../../core/arxiv/types';
import { excerpt, shortAuthors } from '../../core/feeds/paperLabels';
import { STATUS_LABELS, type PaperStatus } from '../../core/library/record';
import { plainTitle } from '../../core/text/texText';

export const OPEN_PAPER_COMMAND = 'paperPractice.openPaper';
export const ADD_REFERENCE_COMMAND = 'paperPractice.addReferenceToLibrary';
export const IMPORT_REFERENCES_COMMAND = 'paperPractice.importReferencesFromFile';
/** The only commands a hover's links may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS: readonly string[] = [OPEN_PAPER_COMMAND, ADD_REFERENCE_COMMAND];

/** Backslash-escapes every ASCII punctuation character (valid CommonMark) and flattens whitespace. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+\-.!|~$&:"'=^%@]/g, '\\$&');
}

/** `command:<id>?<json args>` as VS Code parses command links. */
export function commandUri(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export interface HoverPaper {
  paper: PaperDetails;
  /** The library status, or null when the paper is not in the library. */
  status: PaperStatus | null;
  /** Served from a stale cache because arXiv could not be reached. */
  stale?: boolean;
}

/** The year of an ISO instant or a typed date, or null. */
export function yearOf(published: string | null): string | null {
  const m = published ? /^(\d{4})/.exec(published.trim()) : null;
  return m ? m[1] : null;
}

export function paperHoverMarkdown({ paper, status, stale }: HoverPaper, opts: { summaryChars?: number } = {}): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(plainTitle(paper.title) || paper.id)}**`);
  const meta = [
    shortAuthors(paper.authors, 4),
    yearOf(paper.published),
    `arXiv:${paper.id}${paper.version > 1 ? `v${paper.version}` : ''}`,
    paper.primaryCategory,
  ].filter((s): s is string => !!s);
  lines.push(meta.map(escapeMarkdown).join(' · '));
  lines.push(status ? `*In your library: ${escapeMarkdown(STATUS_LABELS[status])}*` : '*Not in your library*');
  const summary = paper.summary ? excerpt(plainTitle(paper.summary), opts.summaryChars ?? 320) : '';
  if (summary) lines.push(escapeMarkdown(summary));
  if (stale) lines.push('*arXiv could not be reached; this is the copy saved earlier.*');
  lines.push(actionLinks(paper.id, status !== null));
  return lines.join('\n\n');
}

/** A hover for a reference we could not describe (not on arXiv, offline), still with its links. */
export function unknownHoverMarkdown(id: string, reason: string): string {
  return [`**arXiv:${escapeMarkdown(id)}**`, `*${escapeMarkdown(reason)}*`, actionLinks(id, false, false)].join('\n\n');
}

function actionLinks(id: string, inLibrary: boolean, canAdd = true): string {
  const links = [`[Open in Paper Practice](${commandUri(OPEN_PAPER_COMMAND, [id])} "Open arXiv:${id} in Paper Practice")`];
  if (!inLibrary && canAdd) links.push(`[Add to library](${commandUri(ADD_REFERENCE_COMMAND, [id])} "Add arXiv:${id} to the library")`);
  return links.join(' · ');
}
