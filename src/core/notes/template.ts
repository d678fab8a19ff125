/**
 * The reading-note template: the body of a paper's `notes.md` (the front matter is the library
 * record, written by the library store). The template is the user's to change: a markdown file
 * in the workspace with `{{placeholder}}`s. Unknown placeholders are left as written and reported,
 * so a typo shows up in the note instead of silently vanishing; known ones without a value become
 * empty.
 */
import type { Paper } from '../arxiv/types';
import { paperYear } from '../bibtex/year';

/** Where a workspace keeps its own template, relative to the workspace folder. */
export const NOTE_TEMPLATE_PATH = '.paper-practice/note-template.md';

export const PLACEHOLDERS = [
  'title',
  'authors',
  'id',
  'version',
  'abstract',
  'date',
  'year',
  'url',
  'pdf',
  'categories',
  'primaryCategory',
  'doi',
  'journalRef',
  'comment',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Every value is plain text; absent values are empty strings. */
export type NoteValues = Record<Placeholder, string>;

/**
 * The sections a practitioner fills while reading. Quotes go last because "Quote in notes"
 * appends to the end of the note.
 */
export const DEFAULT_NOTE_TEMPLATE = `
# {{title}}

{{authors}}

[arXiv:{{id}}]({{url}}) · [PDF]({{pdf}}) · {{date}} · {{categories}}

<details>
<summary>Abstract</summary>

{{abstract}}

</details>

## Summary in my own words


## Key ideas

-

## Method


## Claims and numbers worth replicating

| Claim | Number | Where (section, table, figure) | Replicated? |
| --- | --- | --- | --- |
|  |  |  |  |

## Questions

-

## Related papers

-

## Quotes

`;

/** `{{ name }}`: letters, digits, `_`, `.`, `-`; spaces inside the braces are allowed. */
const PLACEHOLDER_RE = /\{\{\s*([A-Za-z][\w.-]*)\s*\}\}/g;

export interface UnknownPlaceholder {
  name: string;
  /** 1-based line in the template, for a message the user can act on. */
  line: number;
}

export interface RenderedNote {
  body: string;
  unknown: UnknownPlaceholder[];
}

const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

/** One pass over the template, so a value that itself contains `{{x}}` is never expanded. */
export function renderNoteTemplate(template: string, values: Partial<NoteValues>): RenderedNote {
  const unknown: UnknownPlaceholder[] = [];
  const body = template.replace(PLACEHOLDER_RE, (whole: string, name: string, offset: number) => {
    if (KNOWN.has(name)) return values[name as Placeholder] ?? '';
    unknown.push({ name, line: lineOf(template, offset) });
    return whole;
  });
  return { body, unknown };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The workspace template when there is one with any content, else the default. */
export function chooseNoteTemplate(workspaceTemplate: string | undefined | null): string {
  return workspaceTemplate !== undefined && workspaceTemplate !== null && workspaceTemplate.trim() !== ''
    ? workspaceTemplate
    : DEFAULT_NOTE_TEMPLATE;
}

/**
 * A whole note: `frontMatter(body)` is the library store's writer (e.g. `(b) => renderNote(record, b)`),
 * so this module never decides how the record is serialised.
 */
export function renderNoteFile(
  template: string,
  values: Partial<NoteValues>,
  frontMatter: (body: string) => string,
): RenderedNote & { text: string } {
  const rendered = renderNoteTemplate(template, values);
  return { ...rendered, text: frontMatter(rendered.body) };
}

/** What the library record holds, which is all a note needs (a `Paper` converts to it). */
export interface NoteSource {
  id: string;
  version?: number | null;
  title: string;
  authors: readonly (string | { name: string })[];
  summary?: string | null;
  published?: string | null;
  categories?: readonly string[];
  primaryCategory?: string | null;
  abs?: string | null;
  pdf?: string | null;
  doi?: string | null;
  journalRef?: string | null;
  comment?: string | null;
}

/** arXiv hard-wraps titles and abstracts; a note wants paragraphs. */
function unwrap(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

export function noteValues(src: NoteSource): NoteValues {
  const published = src.published ?? '';
  const date = /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : '';
  const names = src.authors.map((a) => (typeof a === 'string' ? a : a.name).trim()).filter(Boolean);
  return {
    title: unwrap(src.title),
    authors: names.join(', '),
    id: src.id,
    version: src.version ? String(src.version) : '',
    abstract: src.summary ? unwrap(src.summary) : '',
    date,
    // Daily-feed papers carry no submission date; their id still says the year.
    year: date.slice(0, 4) || paperYear({ id: src.id, published: null }),
    url: src.abs || `https://arxiv.org/abs/${src.id}`,
    pdf: src.pdf || `https://arxiv.org/pdf/${src.id}`,
    categories: (src.categories ?? []).join(', '),
    primaryCategory: src.primaryCategory ?? '',
    doi: src.doi ?? '',
    journalRef: src.journalRef ?? '',
    comment: src.comment ?? '',
  };
}

export function noteValuesFromPaper(paper: Paper): NoteValues {
  return noteValues({
    ...paper,
    abs: paper.links.abs,
    pdf: paper.links.pdf,
    doi: paper.doi ?? paper.links.doi,
  });
}
