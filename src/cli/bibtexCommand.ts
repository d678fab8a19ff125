/**
 * `paper-practice bibtex ID... [--api-url URL] [--key-template T] [--unicode tex|utf8]`: looks the
 * papers up and prints their BibTeX entries, in the order given, with unique citation keys.
 * `src/cli/main.ts` dispatches to `runBibtexCommand` with the arguments after "bibtex"; the
 * client comes from a factory so tests (and main's cache/gate settings) decide how arXiv is reached.
 *
 * Exit codes as in main.ts: 0 ok; 1 some ids not found or arXiv unreachable; 2 arXiv answered with
 * an error document; 64 usage error.
 */
import { parseArgs } from 'util';
import { ArxivError } from '../core/arxiv/errors';
import { formatArxivId, parseArxivId } from '../core/arxiv/ids';
import type { Paper } from '../core/arxiv/types';
import { DEFAULT_KEY_TEMPLATE, validateKeyTemplate } from '../core/bibtex/citeKey';
import { exportBibtex } from '../core/bibtex/export';

export interface BibtexCommandIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  signal?: AbortSignal;
}

/** The part of ArxivClient this command uses. */
export interface BibtexClient {
  getByIds(ids: string[], opts?: { signal?: AbortSignal }): Promise<{ papers: Record<string, Paper>; missing: string[] }>;
}

export type BibtexClientFactory = (options: { apiUrl?: string }) => BibtexClient;

export const BIBTEX_USAGE = `Usage: paper-practice bibtex ID... [options]

Print BibTeX entries for arXiv papers (2401.12345, 2401.12345v2, hep-th/9901001, URLs), in arXiv's
own style: @misc with eprint/archivePrefix/primaryClass, or @article when a journal reference and
DOI exist.

Options:
  --api-url URL          API endpoint (default https://export.arxiv.org/api/query)
  --key-template T       citation keys (default ${DEFAULT_KEY_TEMPLATE}); fields {auth} {Auth}
                         {authors} {year} {yy} {shorttitle} {Shorttitle} {title} {Title} {id}
  --unicode tex|utf8     accents as TeX (default, for BibTeX) or UTF-8 (biblatex/biber)
  -h, --help             show this help
`;

const OPTIONS = {
  'api-url': { type: 'string' },
  'key-template': { type: 'string' },
  unicode: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const EXIT = { ok: 0, failure: 1, arxivError: 2, usage: 64 } as const;

export async function runBibtexCommand(argv: string[], io: BibtexCommandIo, makeClient: BibtexClientFactory): Promise<number> {
  const usage = (message: string): number => {
    io.stderr.write(`paper-practice bibtex: ${message}\nRun "paper-practice bibtex --help" for usage.\n`);
    return EXIT.usage;
  };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(BIBTEX_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) return usage('needs one or more arXiv ids, e.g. paper-practice bibtex 1706.03762');
  const unicode = values.unicode ?? 'tex';
  if (unicode !== 'tex' && unicode !== 'utf8') return usage(`--unicode must be tex or utf8, not "${unicode}".`);
  const keyTemplate = values['key-template'] ?? DEFAULT_KEY_TEMPLATE;
  const problem = validateKeyTemplate(keyTemplate);
  if (problem) return usage(problem);

  // The client's answer is keyed by the normalised id as asked (with its version, if one was given).
  const wanted: string[] = [];
  for (const input of positionals) {
    const r = parseArxivId(input);
    if (!r.ok) return usage(`"${input}" is not an arXiv identifier: ${r.reason}.`);
    wanted.push(formatArxivId(r.id));
  }

  let result;
  try {
    result = await makeClient({ apiUrl: values['api-url'] }).getByIds(wanted, { signal: io.signal });
  } catch (e) {
    if (e instanceof ArxivError) {
      const arxivSaid = e.code === 'arxiv-api-error';
      io.stderr.write(arxivSaid ? `arXiv error: ${e.message}\n` : `paper-practice: ${e.message} [${e.code}]\n`);
      return arxivSaid ? EXIT.arxivError : e.code === 'invalid-id' ? EXIT.usage : EXIT.failure;
    }
    throw e;
  }
  const papers = wanted.map((k) => result.papers[k]).filter((p): p is Paper => p !== undefined);
  if (papers.length) io.stdout.write(exportBibtex(papers, { keyTemplate, unicode }));
  const missing = wanted.filter((k) => result.papers[k] === undefined);
  for (const id of missing) io.stderr.write(`not found: ${id}\n`);
  return missing.length ? EXIT.failure : EXIT.ok;
}
