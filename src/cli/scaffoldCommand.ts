/**
 * `paper-practice scaffold ID [--dir DIR] [--framework pytorch|keras]`: the "Start replication"
 * generator from a terminal. Where the paper is in the library (`papers/<id>-<slug>/notes.md`)
 * its record is used and the scaffold goes in its folder; otherwise the paper is looked up on
 * arXiv. Never overwrites: an existing scaffold is reported ('exists') and left alone.
 *
 * Exit codes as the rest of the CLI: 0 ok (created or exists), 1 failure, 64 usage error.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { ArxivClient } from '../core/arxiv/client';
import { parseArxivId } from '../core/arxiv/ids';
import type { Paper } from '../core/arxiv/types';
import { parseNote } from '../core/library/note';
import { nodeFileSystem } from '../core/library/nodeFileSystem';
import { fileSafeId, NOTE_FILE, paperFolderName } from '../core/library/paperFolder';
import { paperFromRecord } from '../core/library/recordPaper';
import { DEFAULT_HF_URL } from '../core/replication/huggingFace';
import { FRAMEWORKS, type Framework } from '../core/replication/manifest';
import { createScaffold, type ScaffoldResult } from '../core/replication/scaffold';
import { summarizeManifest } from '../core/replication/summary';

export interface ScaffoldCommandIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** Working directory the library and --dir are resolved against (default process.cwd()). */
  cwd?: string;
  signal?: AbortSignal;
  /** Finds a paper that is not in the library; default: the arXiv API (main passes its cached client). */
  lookupPaper?: (id: string, opts: { apiUrl?: string; signal?: AbortSignal }) => Promise<Paper | null>;
}

const EXIT = { ok: 0, failure: 1, usage: 64 } as const;

export const SCAFFOLD_USAGE = `Usage: paper-practice scaffold ID [options]

Creates <paper folder>/replication/ (notebook.ipynb, replication.json, pp_replication.py,
requirements.txt, README.md, .gitignore). An existing scaffold is never overwritten.

Options:
  --dir DIR            the paper's folder (default: its folder in the library, else a new one)
  --library DIR        the library folder (default papers)
  --framework NAME     pytorch (default) or keras
  --seeds LIST         seeds every claim is run with (default 0,1,2)
  --estimate HOURS     compute budget in GPU-hours (default: read from the abstract, if stated)
  --hf-url URL         Hugging Face base URL for official code and artifacts (default ${DEFAULT_HF_URL})
  --no-hf              do not look up official code and artifacts
  --api-url URL        arXiv API endpoint, for papers not in the library
  --json               print the result as JSON
  -h, --help           show this help
`;

class UsageError extends Error {}

/** Runs the `scaffold` command; `args` are the words after "scaffold". */
export async function scaffoldCommand(args: string[], io: ScaffoldCommandIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`paper-practice scaffold: ${e.message}\nRun "paper-practice scaffold --help" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr.write(`paper-practice scaffold: ${(e as Error).message ?? String(e)}\n`);
    return EXIT.failure;
  }
}

async function run(args: string[], io: ScaffoldCommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        dir: { type: 'string' },
        library: { type: 'string' },
        framework: { type: 'string' },
        seeds: { type: 'string' },
        estimate: { type: 'string' },
        'hf-url': { type: 'string' },
        'no-hf': { type: 'boolean' },
        'api-url': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    io.stdout.write(SCAFFOLD_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('scaffold needs exactly one arXiv id, e.g. paper-practice scaffold 1706.03762');
  const idr = parseArxivId(positionals[0]);
  if (!idr.ok) throw new UsageError(`not an arXiv id: ${idr.reason}`);
  const id = idr.id.id;
  const framework = (o.framework ?? 'pytorch') as Framework;
  if (!FRAMEWORKS.includes(framework)) throw new UsageError(`--framework must be pytorch or keras, not "${o.framework}"`);
  const seeds = o.seeds === undefined ? undefined : parseSeeds(o.seeds);
  const estimatedHours = o.estimate === undefined ? undefined : Number(o.estimate);
  if (estimatedHours !== undefined && !(Number.isFinite(estimatedHours) && estimatedHours >= 0)) {
    throw new UsageError(`--estimate must be a number of GPU-hours, not "${o.estimate}"`);
  }

  const cwd = io.cwd ?? process.cwd();
  const library = path.resolve(cwd, o.library ?? 'papers');
  const lookup = io.lookupPaper ?? defaultLookup;
  const found = o.dir !== undefined ? await paperInFolder(path.resolve(cwd, o.dir)) : await findInLibrary(library, id);
  let paper = found?.paper ?? null;
  if (!paper) {
    paper = await lookup(id, { apiUrl: o['api-url'], signal: io.signal });
    if (!paper) throw new Error(`arXiv has no paper ${id}`);
  }
  const paperDir =
    o.dir !== undefined ? path.resolve(cwd, o.dir) : (found?.dir ?? path.join((await isDir(library)) ? library : cwd, paperFolderName(paper.id, paper.title)));

  const result = await createScaffold(nodeFileSystem, paperDir, paper, {
    framework,
    seeds,
    estimatedHours,
    huggingFace: o['no-hf'] ? null : { baseUrl: o['hf-url'] ?? DEFAULT_HF_URL, signal: io.signal },
  });
  io.stdout.write(o.json ? JSON.stringify(jsonResult(result, cwd), null, 2) + '\n' : describe(result, cwd));
  if (result.status === 'created' && result.artifactsNote) io.stderr.write(`warning: ${result.artifactsNote}\n`);
  return EXIT.ok;
}

function parseSeeds(text: string): number[] {
  const seeds = text.split(',').map((s) => s.trim());
  if (seeds.length === 0 || seeds.some((s) => !/^-?\d+$/.test(s))) throw new UsageError(`--seeds must be whole numbers separated by commas, not "${text}"`);
  return seeds.map(Number);
}

async function isDir(p: string): Promise<boolean> {
  return (await nodeFileSystem.stat(p))?.type === 'directory';
}

/** The paper whose notes.md is in `dir`, if any. */
async function paperInFolder(dir: string): Promise<{ dir: string; paper: Paper | null } | null> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, NOTE_FILE), 'utf8');
  } catch {
    return null;
  }
  const note = parseNote(text);
  return { dir, paper: note.ok ? paperFromRecord(note.note.record) : null };
}

/** `<library>/<fileSafeId>` or `<library>/<fileSafeId>-<slug>` holding a notes.md for this id. */
async function findInLibrary(library: string, id: string): Promise<{ dir: string; paper: Paper | null } | null> {
  if (!(await isDir(library))) return null;
  const prefix = fileSafeId(id);
  const names = (await nodeFileSystem.readDirectory(library)).filter(([n, t]) => t === 'directory' && (n === prefix || n.startsWith(`${prefix}-`)));
  for (const [name] of names.sort()) {
    const hit = await paperInFolder(path.join(library, name));
    if (hit?.paper?.id === id) return hit;
  }
  return null;
}

async function defaultLookup(id: string, opts: { apiUrl?: string; signal?: AbortSignal }): Promise<Paper | null> {
  const res = await new ArxivClient({ apiUrl: opts.apiUrl }).getByIds([id], { signal: opts.signal });
  return res.papers[id] ?? Object.values(res.papers)[0] ?? null;
}

function rel(cwd: string, p: string): string {
  const r = path.relative(cwd, p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
}

function describe(r: ScaffoldResult, cwd: string): string {
  if (r.status === 'exists') {
    return `A replication already exists in ${rel(cwd, r.dir)}/ (left unchanged). Open ${rel(cwd, r.notebookPath)} to continue.\n`;
  }
  const claims = r.manifest.claims;
  const lines = [
    `Created ${rel(cwd, r.dir)}/: ${r.written.join(', ')}${r.kept.length ? ` (kept your ${r.kept.join(', ')})` : ''}.`,
    claims.length
      ? `${claims.length} claim${claims.length === 1 ? '' : 's'} prefilled from the abstract; check them against the paper:`
      : 'No claims found in the abstract; add them to replication.json.',
    ...claims.map((c) => `  ${c.id}  ${c.description}`),
    `Status: ${summarizeManifest(r.manifest).text}. Next: open ${rel(cwd, r.notebookPath)}.`,
  ];
  return lines.join('\n') + '\n';
}

function jsonResult(r: ScaffoldResult, cwd: string) {
  const base = { status: r.status, dir: rel(cwd, r.dir), manifest: rel(cwd, r.manifestPath), notebook: rel(cwd, r.notebookPath) };
  return r.status === 'exists' ? base : { ...base, written: r.written, kept: r.kept, claims: r.manifest.claims, artifactsNote: r.artifactsNote };
}
