/**
 * "Start replication": writes `<paper folder>/replication/` with the notebook, the claims manifest,
 * the Python helper, requirements, README and .gitignore. It never overwrites: when the folder
 * already has a manifest the result is 'exists' (the caller opens it instead), and any file the
 * user already made there is kept. The manifest is created first with O_EXCL, so two windows
 * starting the same replication at once cannot both write one.
 */
import type { Paper } from '../arxiv/types';
import { joinPath, type LibraryFileSystem } from '../library/fileSystem';
import { createManifest, type ManifestOptions } from './createManifest';
import { fetchHfArtifacts, type HfArtifacts, HfError, type HfOptions } from './huggingFace';
import { MANIFEST_FILE, NOTEBOOK_FILE, type ReplicationManifest, scaffoldPaths, serializeManifest } from './manifest';
import { GITIGNORE, readmeMd, requirementsTxt } from './templates/files';
import { buildNotebook } from './templates/notebook';
import { PYTHON_HELPER, PYTHON_HELPER_FILE } from './templates/pythonHelper';

export interface ScaffoldOptions extends ManifestOptions {
  /** Look up official code and artifacts on Hugging Face; null or absent: do not (offline). */
  huggingFace?: HfOptions | null;
}

export type ScaffoldResult =
  | { status: 'created'; dir: string; manifestPath: string; notebookPath: string; written: string[]; kept: string[]; manifest: ReplicationManifest; artifactsNote: string | null }
  | { status: 'exists'; dir: string; manifestPath: string; notebookPath: string };

export async function createScaffold(fs: LibraryFileSystem, paperDir: string, paper: Paper, opts: ScaffoldOptions = {}): Promise<ScaffoldResult> {
  const paths = scaffoldPaths(paperDir);
  if (await fs.stat(paths.manifestPath)) return { status: 'exists', ...paths };

  let artifacts: HfArtifacts | null = null;
  let artifactsNote: string | null = null;
  if (opts.huggingFace) {
    try {
      artifacts = await fetchHfArtifacts(paper.id, opts.huggingFace);
    } catch (e) {
      if (!(e instanceof HfError)) throw e;
      artifactsNote = e.message;
    }
  }

  const manifest = createManifest(paper, opts);
  await fs.createDirectory(paths.dir);
  if (!(await fs.createExclusive(paths.manifestPath, serializeManifest(manifest)))) return { status: 'exists', ...paths };

  const files: Array<[string, string]> = [
    [NOTEBOOK_FILE, buildNotebook(paper, manifest)],
    [PYTHON_HELPER_FILE, PYTHON_HELPER],
    ['requirements.txt', requirementsTxt(manifest.framework)],
    ['README.md', readmeMd({ paper, manifest, artifacts, artifactsError: artifactsNote ?? undefined })],
    ['.gitignore', GITIGNORE],
  ];
  const written = [MANIFEST_FILE];
  const kept: string[] = [];
  for (const [name, text] of files) {
    if (await fs.createExclusive(joinPath(paths.dir, name), text)) written.push(name);
    else kept.push(name);
  }
  return { status: 'created', ...paths, written, kept, manifest, artifactsNote };
}
