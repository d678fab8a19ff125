/**
 * The independent BibTeX check: Debian's python3-bibtexparser parses our .bib and python3-pylatexenc
 * de-escapes it (support/roundtrip.py). Fails with what to install when they are missing.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { projectRoot } from '../../../support/paths';

const INSTALL = 'apt-get install -y python3-bibtexparser python3-pylatexenc';

/** A python3 that can import both modules: $PAPER_PRACTICE_PYTHON, Debian's, or the one on PATH. */
export function findPython(): string {
  const candidates = [process.env.PAPER_PRACTICE_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c);
  const tried: string[] = [];
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import bibtexparser, pylatexenc'], { encoding: 'utf8' });
    if (r.status === 0) return py;
    tried.push(`${py}: ${r.error ? r.error.message : (r.stderr || '').trim().split('\n').pop()}`);
  }
  throw new Error(`No python3 with bibtexparser and pylatexenc found (${tried.join('; ')}). Install them: ${INSTALL}`);
}

export interface RoundTripEntry {
  key: string;
  type: string;
  raw: Record<string, string>;
  title: string;
  expectedTitle: string;
  authors: string[];
  expectedAuthors: string[];
  journal: string | null;
  expectedJournal: string | null;
}

export interface SourceFields {
  title: string;
  authors: string[];
  journalRef: string | null;
}

export function parseWithPython(bib: string, sources: Record<string, SourceFields>): { entries: RoundTripEntry[]; comments: number } {
  const py = findPython();
  const script = path.join(projectRoot, 'test', 'unit', 'bibtex', 'support', 'roundtrip.py');
  const r = spawnSync(py, [script], { input: JSON.stringify({ bib, sources }), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.error?.message ?? r.stderr}`);
  return JSON.parse(r.stdout) as { entries: RoundTripEntry[]; comments: number };
}
