/** The small files of a scaffold: requirements, README and .gitignore. */
import type { Paper } from '../../arxiv/types';
import { budgetStatus } from '../budget';
import { artifactsMarkdown, type HfArtifacts } from '../huggingFace';
import type { Framework, ReplicationManifest } from '../manifest';
import { mdCell, mdTable, mdText } from '../markdown';
import { claimVerdictText, reportedText } from '../summary';
import { NOTEBOOK_FILE } from './notebook';
import { PYTHON_HELPER_FILE } from './pythonHelper';

/** Lower bounds, not pins: the first run's `pip freeze` is the record of what was really used. */
export function requirementsTxt(framework: Framework): string {
  const lib =
    framework === 'keras'
      ? ['keras>=3.0', 'tensorflow>=2.16']
      : ['torch>=2.1', 'torchvision>=0.16'];
  return [
    `# ${framework === 'keras' ? 'TensorFlow/Keras' : 'PyTorch'} replication. Pin exact versions once it runs:`,
    '#   pip freeze > requirements.lock.txt',
    ...lib,
    'numpy>=1.24',
    'ipykernel>=6.0',
    '',
  ].join('\n');
}

export const GITIGNORE = [
  '# Data, checkpoints and caches stay out of git; replication.json and the code go in.',
  'data/',
  'datasets/',
  'checkpoints/',
  '*.ckpt',
  '*.pt',
  '*.pth',
  '*.safetensors',
  '*.h5',
  '*.keras',
  'runs/',
  'wandb/',
  'lightning_logs/',
  'mlruns/',
  'outputs/',
  '__pycache__/',
  '.ipynb_checkpoints/',
  '.venv/',
  '.cache/',
  '# the helper\'s lock and temporary files',
  '.replication.json.lock',
  '.replication.json.*.tmp',
  '',
].join('\n');

export interface ReadmeInput {
  paper: Paper;
  manifest: ReplicationManifest;
  artifacts: HfArtifacts | null;
  artifactsError?: string;
}

export function readmeMd({ paper, manifest, artifacts, artifactsError }: ReadmeInput): string {
  const claims = manifest.claims.length
    ? mdTable(
        ['id', 'claim', 'reported', 'status'],
        manifest.claims.map((c) => [`\`${c.id}\``, mdCell(c.description), mdCell(reportedText(c)), mdCell(claimVerdictText(c).split(' · ').slice(1).join(' · '))]),
      )
    : 'No claims yet: add them to `replication.json`.';
  const budget = budgetStatus(manifest.compute);
  const helper = PYTHON_HELPER_FILE.replace(/\.py$/, '');
  return [
    `# Replication of "${mdText(paper.title)}"`,
    '',
    `arXiv [${paper.id}v${paper.version}](${paper.links.abs}) · ${mdText(paper.authors.map((a) => a.name).join(', '))}`,
    '',
    '## How to run',
    '',
    '```sh',
    'python -m venv .venv && . .venv/bin/activate   # Windows: .venv\\Scripts\\activate',
    'pip install -r requirements.txt',
    `jupyter nbconvert --to notebook --execute ${NOTEBOOK_FILE} --output ${NOTEBOOK_FILE}   # or open it in VS Code and Run All`,
    '```',
    '',
    `Results flow into \`replication.json\` from the notebook or from any script in this folder:`,
    '',
    '```python',
    `from ${helper} import record, record_compute, assume`,
    'record("c1", 27.9, seed=0)                 # one run of claim c1; one per seed',
    'record_compute(2.5, note="seed 0 training")  # GPU-hours spent',
    'assume("learning-rate schedule", "cosine, 5 warm-up epochs", why="not in the paper", paper="Section 5.3")',
    '```',
    '',
    'Writes are atomic and take turns through a lock file, so several scripts can record at once. Try the notebook end to end with demo values: `PP_DEMO_VALUES=\'{"c1": [27.9, 28.1, 28.3]}\' jupyter nbconvert --to notebook --execute notebook.ipynb --stdout > /dev/null` (this records them; delete the runs from `replication.json` afterwards).',
    '',
    '## Claims',
    '',
    claims,
    '',
    `Seeds: ${manifest.seeds.join(', ')}. Claims were prefilled from the abstract and are unconfirmed until you check them against the paper.`,
    '',
    '## Compute budget',
    '',
    manifest.compute.estimatedHours !== null
      ? `Estimated ${manifest.compute.estimatedHours} GPU-hours${manifest.compute.estimateBasis ? ` (${mdText(manifest.compute.estimateBasis)})` : ''}; ${budget.text}.`
      : 'No estimate yet: set `compute.estimatedHours` in `replication.json` before the first long run.',
    '',
    '## Official code and artifacts',
    '',
    artifactsMarkdown(artifacts, artifactsError),
    '',
    '## Files',
    '',
    `- \`${NOTEBOOK_FILE}\`: the replication, in the ML Reproducibility Challenge structure`,
    '- `replication.json`: claims, runs, assumptions, compute and environment',
    `- \`${PYTHON_HELPER_FILE}\`: \`record\`, \`record_compute\`, \`assume\` (standard library only)`,
    '- `requirements.txt`: the framework and friends; pin them once it runs',
    '',
  ].join('\n');
}
