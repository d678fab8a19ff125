/**
 * Finds a Python with scikit-learn (Debian's python3-sklearn lives in /usr/bin/python3, which a
 * pyenv `python3` on PATH may hide) and runs scripts in it. A missing scikit-learn is an error
 * with the fix in its message, never a skipped test: the cross-checks are the point.
 */
import { spawnSync } from 'child_process';

let found: string | undefined;

export function sklearnPython(): string {
  if (found) return found;
  const candidates = [process.env.PAPER_PRACTICE_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c);
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', 'import sklearn, numpy, scipy'], { encoding: 'utf8' });
    if (r.status === 0) return (found = python);
  }
  throw new Error(
    `scikit-learn was not found (tried ${candidates.join(', ')}). Install it with ` +
      '`apt-get install -y python3-sklearn`, or point PAPER_PRACTICE_PYTHON at a python3 that has it.',
  );
}

/** Runs `script` (source text) with `input` as JSON on stdin; returns its stdout parsed as JSON. */
export function runPython<T>(script: string, input: unknown): T {
  const r = spawnSync(sklearnPython(), ['-c', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`python failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
