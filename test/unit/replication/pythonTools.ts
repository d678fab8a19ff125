/**
 * The Python tools the replication tests need, found once: a Python that imports nbformat and
 * jsonschema (Debian's python3-nbformat; a pyenv `python3` first on PATH usually lacks it) and
 * `jupyter nbconvert` with an ipykernel. Missing tools fail the test with what to install; they
 * are never skipped.
 */
import { spawnSync, type SpawnSyncReturns } from 'child_process';

const INSTALL = 'apt-get install -y python3-nbformat jupyter-nbconvert python3-ipykernel';

let cached: { python: string; jupyter: string } | undefined;

function works(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0;
}

export function pythonTools(): { python: string; jupyter: string } {
  if (cached) return cached;
  const pythons = [process.env.PP_TEST_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);
  const python = pythons.find((p) => works(p, ['-c', 'import nbformat, jsonschema']));
  if (!python) throw new Error(`No Python with nbformat and jsonschema (tried ${pythons.join(', ')}). Install them: ${INSTALL}`);
  const jupyters = [process.env.PP_TEST_JUPYTER, '/usr/bin/jupyter', 'jupyter'].filter((p): p is string => !!p);
  const jupyter = jupyters.find((j) => works(j, ['nbconvert', '--version']));
  if (!jupyter) throw new Error(`No "jupyter nbconvert" (tried ${jupyters.join(', ')}). Install it: ${INSTALL}`);
  if (!works(python, ['-c', 'import ipykernel'])) throw new Error(`${python} has no ipykernel to execute notebooks with. Install it: ${INSTALL}`);
  cached = { python, jupyter };
  return cached;
}

/** A plain Python 3 for the helper (standard library only): any python3 will do. */
export function anyPython(): string {
  const p = [process.env.PP_TEST_PYTHON, 'python3', '/usr/bin/python3'].find((x) => !!x && works(x, ['--version']));
  if (!p) throw new Error('No python3 found; the replication helper tests need one (apt-get install -y python3)');
  return p;
}

export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1', ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
  });
  if (r.error) throw r.error;
  return r;
}

/** run(), failing with the command's output when it does not exit 0. */
export function runOk(cmd: string, args: string[], opts: Parameters<typeof run>[2] = {}): string {
  const r = run(cmd, args, opts);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
