/**
 * `paper-practice`: search arXiv, read the daily feeds, look papers up, or parse a saved response,
 * from a terminal. Bundled to dist/cli.js; `main(argv, io)` is exported so tests run it in-process
 * with their own streams, environment and (virtual-clock) gate, and the same file runs when spawned.
 *
 * Exit codes: 0 ok; 1 failure (network, not found, bad content); 2 arXiv answered with an error
 * document (its message is printed); 64 usage error (bad option, query or id).
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { ResponseCache } from '../core/arxiv/cache';
import { ArxivClient, SortBy } from '../core/arxiv/client';
import { ArxivError } from '../core/arxiv/errors';
import { parseAny } from '../core/arxiv/parse';
import type { Paper } from '../core/arxiv/types';
import type { RequestGate } from '../core/http/gate';
import { productVersion } from '../core/http/userAgent';
import { runBibtexCommand } from './bibtexCommand';
import { formatResponse, toJsonOutput } from './format';
import { scaffoldCommand } from './scaffoldCommand';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** Environment (XDG_CACHE_HOME, HOME); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Rate-limit gate; defaults to the process-wide one. Tests pass one on a virtual clock. */
  gate?: RequestGate;
  /** Cancels whatever is in flight (Ctrl-C when run as a program). */
  signal?: AbortSignal;
  /** Read when `parse -` is given. */
  stdin?: NodeJS.ReadableStream;
}

export const EXIT = { ok: 0, failure: 1, arxivError: 2, usage: 64 } as const;

const USAGE = `Usage: paper-practice <command> [options]

Commands:
  search QUERY...      Search the arXiv API. Plain words are ANDed; fields ti: au: abs: co: jr:
                       cat: rn: all: id:, operators AND OR ANDNOT, ( ), "phrases" and
                       submittedDate:[YYYYMMDDTTTT TO YYYYMMDDTTTT] are supported.
      --max N          results wanted (default 10, at most 30000)
      --sort KEY       submitted | updated | relevance (default relevance)
  feed CATS...         Today's announcements, e.g. "feed cs.LG cs.CV" or "feed cs.LG+cs.CV".
      --atom           use the Atom feed instead of RSS
  get ID...            Look papers up by id (2401.12345, 2401.12345v2, hep-th/9901001, URLs).
  parse FILE           Parse a saved API/RSS/Atom response offline ("-" reads stdin).
  bibtex ID...         BibTeX entries in arXiv's style (see "paper-practice bibtex --help").
  scaffold ID          Start a replication: notebook, claims manifest, helper (see "scaffold --help").

Options:
  --json               print one JSON object {kind, totalResults, papers}
  --api-url URL        API endpoint (default https://export.arxiv.org/api/query)
  --rss-url URL        feed server (default https://rss.arxiv.org)
  --no-cache           neither read nor write the response cache
  -h, --help           show this help
  -V, --version        show the version

Responses are cached under $XDG_CACHE_HOME/paper-practice (or ~/.cache/paper-practice) until
arXiv's next daily update; requests are spaced at least 3 seconds apart, as arXiv asks.
Thank you to arXiv for use of its open access interoperability.
`;

class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean' },
  atom: { type: 'boolean' },
  max: { type: 'string' },
  sort: { type: 'string' },
  'api-url': { type: 'string' },
  'rss-url': { type: 'string' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** Only these options make sense for each command; anything else is a usage error. */
const COMMAND_OPTIONS: Record<string, string[]> = {
  search: ['max', 'sort', 'api-url', 'no-cache'],
  feed: ['atom', 'rss-url', 'no-cache'],
  get: ['api-url', 'no-cache'],
  parse: [],
};

export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'paper-practice');
}

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    return report(e, io);
  }
}

/** The cached, polite client every command uses; `apiUrl`/`rssUrl` override the endpoints. */
function cachedClient(io: CliIo, o: { apiUrl?: string; rssUrl?: string; noCache?: boolean }): ArxivClient {
  const env = io.env ?? process.env;
  return new ArxivClient({
    apiUrl: o.apiUrl,
    rssUrl: o.rssUrl,
    gate: io.gate,
    cache: o.noCache ? null : new ResponseCache({ dir: path.join(defaultCacheDir(env), 'http'), clock: io.gate?.clock }),
  });
}

async function run(argv: string[], io: CliIo): Promise<number> {
  // These commands parse their own options (they differ from the arXiv commands').
  if (argv[0] === 'bibtex') return runBibtexCommand(argv.slice(1), io, ({ apiUrl }) => cachedClient(io, { apiUrl }));
  if (argv[0] === 'scaffold') {
    return scaffoldCommand(argv.slice(1), {
      ...io,
      lookupPaper: async (id, { apiUrl, signal }) => {
        const res = await cachedClient(io, { apiUrl }).getByIds([id], { signal });
        return Object.values(res.papers)[0] ?? null;
      },
    });
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout.write(`paper-practice ${productVersion()}\n`);
    return EXIT.ok;
  }
  const [command, ...args] = positionals;
  if (values.help || command === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (!command) throw new UsageError('No command given.');
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) throw new UsageError(`Unknown command "${command}".`);
  for (const name of Object.keys(values)) {
    if (name !== 'json' && !allowed.includes(name)) throw new UsageError(`--${name} does not apply to "${command}".`);
  }

  const client = (): ArxivClient => cachedClient(io, { apiUrl: values['api-url'], rssUrl: values['rss-url'], noCache: values['no-cache'] });
  const print = (kind: 'api' | 'rss' | 'atom', total: number | null, papers: Paper[], meta: { title?: string | null; announced?: string | null } = {}): void => {
    io.stdout.write(
      values.json
        ? toJsonOutput(kind, total, papers)
        : formatResponse({ kind, totalResults: total, title: meta.title ?? null, announced: meta.announced ?? null }, papers),
    );
  };

  switch (command) {
    case 'search': {
      const query = args.join(' ').trim();
      if (!query) throw new UsageError('search needs a query, e.g. paper-practice search "ti:diffusion AND cat:cs.LG"');
      const max = values.max === undefined ? 10 : Number(values.max);
      if (!Number.isInteger(max) || max < 1 || max > 30000) throw new UsageError(`--max must be an integer from 1 to 30000, not "${values.max}".`);
      const sort = values.sort ?? 'relevance';
      if (!['submitted', 'updated', 'relevance'].includes(sort)) {
        throw new UsageError(`--sort must be submitted, updated or relevance, not "${sort}".`);
      }
      const res = await client().search(query, { max, sortBy: sort as SortBy, signal: io.signal });
      if (!res.complete && res.papers.length > 0) io.stderr.write('warning: arXiv stopped returning results early; the list may be incomplete.\n');
      print('api', res.totalResults, res.papers);
      return EXIT.ok;
    }
    case 'feed': {
      if (args.length === 0) throw new UsageError('feed needs one or more categories, e.g. paper-practice feed cs.LG');
      const format = values.atom ? 'atom' : 'rss';
      const res = await client().feed(args, { format, signal: io.signal });
      print(res.kind, res.totalResults, res.papers, res);
      return EXIT.ok;
    }
    case 'get': {
      if (args.length === 0) throw new UsageError('get needs one or more ids, e.g. paper-practice get 1706.03762');
      const res = await client().getByIds(args, { signal: io.signal });
      const papers = Object.keys(res.papers).map((k) => res.papers[k]);
      print('api', papers.length, papers);
      for (const id of res.missing) io.stderr.write(`not found: ${id}\n`);
      return res.missing.length ? EXIT.failure : EXIT.ok;
    }
    case 'parse': {
      if (args.length !== 1) throw new UsageError('parse needs exactly one FILE (or "-" for stdin).');
      // Bytes, as the parsers read them: the body is never decoded as a whole.
      const xml = args[0] === '-' ? await readAll(io.stdin ?? process.stdin) : await fsp.readFile(args[0]);
      const res = parseAny(xml);
      print(res.kind, res.totalResults, res.papers, res);
      return EXIT.ok;
    }
  }
  /* istanbul ignore next: COMMAND_OPTIONS lists exactly the commands above */
  throw new UsageError(`Unknown command "${command}".`);
}

function report(e: unknown, io: CliIo): number {
  if (e instanceof UsageError) {
    io.stderr.write(`paper-practice: ${e.message}\nRun "paper-practice --help" for usage.\n`);
    return EXIT.usage;
  }
  if (e instanceof ArxivError) {
    switch (e.code) {
      case 'arxiv-api-error':
      case 'feed-error':
        io.stderr.write(`arXiv error: ${e.message}\n`);
        return EXIT.arxivError;
      case 'invalid-query':
      case 'invalid-id':
        io.stderr.write(`paper-practice: ${e.message}\n`);
        return EXIT.usage;
      default:
        io.stderr.write(`paper-practice: ${e.message} [${e.code}]\n`);
        return EXIT.failure;
    }
  }
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'ENOENT' && err.path) {
    io.stderr.write(`paper-practice: no such file: ${err.path}\n`);
    return EXIT.failure;
  }
  io.stderr.write(`paper-practice: ${err instanceof Error ? err.stack ?? err.message : String(e)}\n`);
  return EXIT.failure;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

if (require.main === module) {
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: ac.signal }).then((code) => {
    process.exitCode = code;
  });
}
