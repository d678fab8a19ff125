/**
 * What the CLI prints. The JSON shape is a public contract (scripts parse it), so the paper
 * projection lists every field explicitly and drops PaperDetails-only fields; the human form is
 * aligned columns meant for a terminal.
 */
import type { Paper, ParsedResponse, ResponseKind } from '../core/arxiv/types';

export interface JsonPaper {
  id: string;
  version: number;
  title: string;
  summary: string;
  authors: { name: string; affiliations: string[] }[];
  published: string | null;
  updated: string | null;
  primaryCategory: string | null;
  categories: string[];
  comment: string | null;
  journalRef: string | null;
  doi: string | null;
  links: { abs: string; pdf: string; doi: string | null };
  announceType: Paper['announceType'];
}

export interface JsonOutput {
  kind: ResponseKind;
  totalResults: number | null;
  papers: JsonPaper[];
}

export function toJsonPaper(p: Paper): JsonPaper {
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    summary: p.summary,
    authors: p.authors.map((a) => ({ name: a.name, affiliations: [...a.affiliations] })),
    published: p.published,
    updated: p.updated,
    primaryCategory: p.primaryCategory,
    categories: [...p.categories],
    comment: p.comment,
    journalRef: p.journalRef,
    doi: p.doi,
    links: { abs: p.links.abs, pdf: p.links.pdf, doi: p.links.doi },
    announceType: p.announceType,
  };
}

export function toJsonOutput(kind: ResponseKind, totalResults: number | null, papers: Paper[]): string {
  const out: JsonOutput = { kind, totalResults, papers: papers.map(toJsonPaper) };
  return JSON.stringify(out, null, 2) + '\n';
}

const MAX_AUTHORS = 4;

function authorLine(p: Paper): string {
  const names = p.authors.map((a) => a.name);
  if (names.length === 0) return '(no authors listed)';
  if (names.length <= MAX_AUTHORS) return names.join(', ');
  return `${names.slice(0, MAX_AUTHORS - 1).join(', ')}, … (+${names.length - MAX_AUTHORS + 1} more)`;
}

function day(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}

/** `2604.26951v1  Title` with authors and date/categories lines indented under the title. */
export function formatPapers(papers: Paper[], opts: { announced?: string | null } = {}): string {
  const ids = papers.map((p) => `${p.id}v${p.version}`);
  const width = Math.max(0, ...ids.map((s) => s.length));
  const pad = ' '.repeat(width + 2);
  return papers
    .map((p, i) => {
      const when = day(p.published) ?? day(opts.announced ?? null) ?? day(p.updated) ?? 'date unknown';
      const cats = p.categories.length ? p.categories.join(', ') : p.primaryCategory ?? '';
      const kind = p.announceType ? `  [${p.announceType}]` : '';
      const lines = [
        `${ids[i].padEnd(width)}  ${p.title || '(untitled)'}`,
        `${pad}${authorLine(p)}`,
        `${pad}${[when, cats].filter(Boolean).join(' · ')}${kind}`,
      ];
      return lines.join('\n');
    })
    .join('\n\n');
}

export function formatResponse(res: Pick<ParsedResponse, 'kind' | 'totalResults' | 'title' | 'announced'>, papers: Paper[]): string {
  const lines: string[] = [];
  if (res.kind === 'api') {
    if (papers.length === 0) return 'No results.\n';
    lines.push(formatPapers(papers));
    const total = res.totalResults ?? papers.length;
    lines.push('', `${papers.length} of ${total.toLocaleString('en-US')} result${total === 1 ? '' : 's'}.`);
  } else {
    const heading = [res.title, day(res.announced)].filter(Boolean).join(' — ');
    if (heading) lines.push(heading, '');
    if (papers.length === 0) return [...lines, 'No announcements today (weekends and arXiv holidays have none).', ''].join('\n');
    lines.push(formatPapers(papers, { announced: res.announced }));
    lines.push('', `${papers.length} announcement${papers.length === 1 ? '' : 's'}.`);
  }
  return lines.join('\n') + '\n';
}
