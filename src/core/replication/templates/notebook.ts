/**
 * `notebook.ipynb`: nbformat 4.5, laid out after the ML Reproducibility Challenge report (scope,
 * methodology, results, discussion) and the ML Code Completeness Checklist (dependencies,
 * training, evaluation, pre-trained models, results). As generated it runs top to bottom on a bare
 * Python with only the standard library and ipykernel: framework imports are guarded and the
 * evaluation stubs return placeholder values (from $PP_DEMO_VALUES) or None until written.
 */
import type { Paper } from '../../arxiv/types';
import type { Framework, ReplicationManifest } from '../manifest';
import { mdCell, mdQuote, mdTable, mdText, pyString } from '../markdown';
import { reportedText } from '../summary';
import { PYTHON_HELPER_FILE } from './pythonHelper';

export { NOTEBOOK_FILE } from '../manifest';

interface Cell {
  id: string;
  cell_type: 'markdown' | 'code';
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: null;
  outputs?: unknown[];
}

/** nbformat stores source as lines that keep their newline, except the last. */
function lines(text: string): string[] {
  const parts = text.replace(/\r\n?/g, '\n').split('\n');
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

const md = (id: string, text: string): Cell => ({ id, cell_type: 'markdown', metadata: {}, source: lines(text) });
const code = (id: string, text: string): Cell => ({ id, cell_type: 'code', metadata: {}, source: lines(text), execution_count: null, outputs: [] });

export function buildNotebook(paper: Paper, manifest: ReplicationManifest): string {
  const cells: Cell[] = [
    md('title', titleCell(paper)),
    md('scope', scopeCell(manifest)),
    code('setup', setupCode()),
    md('environment-md', ENVIRONMENT_MD),
    code('environment', ENVIRONMENT_CODE),
    md('data-md', DATA_MD),
    code('data', DATA_CODE),
    md('model-md', MODEL_MD),
    code('model', modelCode(manifest.framework)),
    md('training-md', TRAINING_MD),
    code('training', TRAINING_CODE),
    md('evaluation-md', EVALUATION_MD),
    code('evaluation', evaluationCode(manifest)),
    md('results-md', RESULTS_MD),
    code('results', RESULTS_CODE),
    md('discussion', DISCUSSION_MD),
    md('checklist', CHECKLIST_MD),
  ];
  const nb = {
    cells,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python', pygments_lexer: 'ipython3', file_extension: '.py', mimetype: 'text/x-python' },
      paper_practice: { paper: paper.id, version: paper.version, framework: manifest.framework },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}

function titleCell(paper: Paper): string {
  const authors = paper.authors.map((a) => mdText(a.name)).join(', ') || '–';
  return [
    `# Replication: ${mdText(paper.title)}`,
    '',
    `**arXiv:** [${paper.id}v${paper.version}](${paper.links.abs}) · [PDF](${paper.links.pdf})${paper.links.doi ? ` · [DOI](${paper.links.doi})` : ''}  `,
    `**Authors:** ${authors}`,
    '',
    '## Abstract',
    '',
    mdQuote(paper.summary || '(no abstract)'),
    '',
    'This notebook follows the ML Reproducibility Challenge report: scope (the claims), methodology (environment, data, model, training, evaluation), results (reported vs measured) and discussion. Results flow into `replication.json` through `pp_replication.record`, from here or from any script.',
  ].join('\n');
}

function scopeCell(m: ReplicationManifest): string {
  const head = [
    '## 1. Scope of reproducibility: the claims to check',
    '',
  ];
  if (m.claims.length === 0) {
    return [...head, 'No claims were found in the abstract. Add them to `replication.json` (id, metric, dataset, reported value, tolerance), one per number you will check.'].join('\n');
  }
  // Five columns, so the table fits a notebook beside its manifest: the claim's words already
  // name its metric and dataset, which replication.json keeps as fields.
  const rows = m.claims.map((c) => [
    `\`${c.id}\``,
    mdCell(c.description),
    mdCell(`${reportedText(c)} ± ${c.tolerance}`),
    c.higherIsBetter === null ? 'either' : c.higherIsBetter ? 'higher' : 'lower',
    mdCell(c.source.where),
  ]);
  return [
    ...head,
    mdTable(['id', 'claim', 'reported ± tolerance', 'better', 'where'], rows),
    '',
    `Prefilled from the abstract: check each against the paper, fix it in \`replication.json\` and set \`"confirmed": true\`. Each claim is run with every seed (${m.seeds.join(', ')}); its verdict uses the mean and spread of the runs.`,
  ].join('\n');
}

function setupCode(): string {
  return [
    '# The helper sits next to this notebook and writes replication.json atomically.',
    'import os',
    'import sys',
    '',
    'sys.path.insert(0, os.getcwd())',
    `from ${PYTHON_HELPER_FILE.replace(/\.py$/, '')} import (assume, compute_timer, load_manifest, placeholder_value, record,`,
    '                            record_compute, record_environment, results_table, set_seed)',
    '',
    'MANIFEST = load_manifest()',
    'SEEDS = MANIFEST["seeds"]',
    'CLAIMS = {c["id"]: c for c in MANIFEST["claims"]}',
    'print(f"{MANIFEST[\'paper\'][\'id\']}: {len(CLAIMS)} claims, seeds {SEEDS}")',
  ].join('\n');
}

const ENVIRONMENT_MD = [
  '## 2. Environment',
  '',
  'Checklist item 1, *specification of dependencies*: the cell below records the Python, library and hardware versions and the seeds into `replication.json`, and seeds every framework that is installed. Pin what you install in `requirements.txt`.',
].join('\n');

const ENVIRONMENT_CODE = [
  'ENV = record_environment(SEEDS)',
  'set_seed(SEEDS[0])',
  'print(f"Python {ENV[\'python\']} on {ENV[\'platform\']}")',
  'print("packages:", ENV["packages"] or "none of the usual ML libraries")',
  'print("GPUs:", ENV["hardware"]["gpus"] or "none visible")',
].join('\n');

const DATA_MD = [
  '## 3. Methodology: data',
  '',
  'Datasets, their versions and splits, and every preprocessing step. Data goes in `data/` (ignored by git).',
  '',
  'Whenever the paper leaves a detail out (split, augmentation, schedule...), decide it *and log it* with `assume(...)` where you decide it: the call records this cell, and the assumptions ledger feeds the report.',
].join('\n');

const DATA_CODE = [
  'DATA_DIR = os.path.join(os.getcwd(), "data")',
  'os.makedirs(DATA_DIR, exist_ok=True)',
  '',
  '# Example of a logged guess (uncomment and adapt):',
  '# assume("validation split", "last 10% of the training set", why="not stated", paper="Section 4")',
  '',
  '',
  'def load_data(seed):',
  '    """Return the data for one run. Replace with the paper\'s data pipeline."""',
  '    return None',
].join('\n');

const MODEL_MD = [
  '## 4. Methodology: model',
  '',
  'The architecture as the paper describes it, and pre-trained weights if the authors released them (checklist item 4). Framework imports are guarded so this notebook still runs where the framework is not installed yet.',
].join('\n');

function modelCode(framework: Framework): string {
  const guard =
    framework === 'keras'
      ? [
          'try:',
          '    import keras',
          'except ImportError:  # runs without it; pip install -r requirements.txt for the real thing',
          '    keras = None',
          '    print("Keras is not installed: pip install -r requirements.txt")',
          '',
          'FRAMEWORK_READY = keras is not None',
        ]
      : [
          'try:',
          '    import torch',
          '    from torch import nn',
          'except ImportError:  # runs without it; pip install -r requirements.txt for the real thing',
          '    torch = nn = None',
          '    print("PyTorch is not installed: pip install -r requirements.txt")',
          '',
          'FRAMEWORK_READY = torch is not None',
          'DEVICE = "cuda" if FRAMEWORK_READY and torch.cuda.is_available() else "cpu"',
        ];
  return [
    ...guard,
    '',
    '',
    'def build_model(seed):',
    '    """Return a fresh model for one run. Replace with the paper\'s architecture."""',
    '    if not FRAMEWORK_READY:',
    '        return None',
    '    return None',
  ].join('\n');
}

const TRAINING_MD = [
  '## 5. Methodology: training',
  '',
  'Hyperparameters as the paper gives them; log the missing ones with `assume(...)`. `compute_timer` adds the wall-clock hours of each run to the compute budget (checklist item 2, *training code*).',
].join('\n');

const TRAINING_CODE = [
  'HPARAMS = {',
  '    # "epochs": ..., "batch_size": ..., "optimizer": ..., "learning_rate": ...,',
  '}',
  '',
  '',
  'def train(model, data, seed):',
  '    """Train for one seed and return the trained model. Replace with the paper\'s recipe."""',
  '    return model',
].join('\n');

const EVALUATION_MD = [
  '## 6. Methodology: evaluation',
  '',
  'One stub per claim (checklist item 3, *evaluation code*). Each run calls `record(claim_id, value, seed=seed)`, which adds the run to `replication.json`; a stub that returns `None` leaves the claim pending. Until you write them, the stubs return the demo values of `$PP_DEMO_VALUES` (for example `{"c1": [27.9, 28.1, 28.3]}`, one per seed), or nothing.',
].join('\n');

function evaluationCode(m: ReplicationManifest): string {
  const stubs = m.claims.flatMap((c) => [
    '',
    '',
    `def evaluate_${pyName(c.id)}(model, data, seed):`,
    `    """${pyDoc(`${c.id}: ${c.description}. Reported ${reportedText(c)}; return the measured value in the same unit.`)}"""`,
    `    return placeholder_value(${pyString(c.id)}, seed)  # replace with the real evaluation`,
  ]);
  const table = m.claims.map((c) => `    ${pyString(c.id)}: evaluate_${pyName(c.id)},`);
  return [
    ...(stubs.length ? stubs.slice(2) : ['# No claims yet: add them to replication.json and re-generate these stubs by hand.']),
    '',
    '',
    'EVALUATE = {',
    ...table,
    '}',
    '',
    'for seed in SEEDS:',
    '    set_seed(seed)',
    '    with compute_timer(f"seed {seed}"):',
    '        data = load_data(seed)',
    '        model = train(build_model(seed), data, seed)',
    '    for claim_id, evaluate in EVALUATE.items():',
    '        value = evaluate(model, data, seed)',
    '        if value is None:',
    '            print(f"{claim_id}: not measured yet (seed {seed})")',
    '        else:',
    '            record(claim_id, value, seed=seed)',
  ].join('\n');
}

/** Text inside a Python triple-quoted docstring: no backslash escapes, no closing quotes. */
function pyDoc(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\s+/g, ' ');
}

/** A claim id as part of a Python name (`evaluate_c1`). */
function pyName(id: string): string {
  return id.replace(/\W/g, '_');
}

const RESULTS_MD = [
  '## 7. Results: reported vs measured',
  '',
  'Every claim with its runs (mean ± std over seeds) and verdict: *reproduced* when the whole band mean ± std is within the tolerance on the right side, *not reproduced* when it is wholly outside, *inconclusive* when it straddles the edge, *pending* before any run. Checklist item 5 asks for this table in the README too.',
].join('\n');

const RESULTS_CODE = 'ROWS = results_table()';

const DISCUSSION_MD = [
  '## 8. Discussion',
  '',
  '### Discrepancies and their likely causes',
  '',
  '*For each claim not reproduced: what differs, and which assumption or detail might explain it.*',
  '',
  '### What was easy',
  '',
  '*',
  '',
  '### What was difficult',
  '',
  '*',
  '',
  '### Communication with the original authors',
  '',
  '*',
  '',
  '### Lessons',
  '',
  '*',
].join('\n');

const CHECKLIST_MD = [
  '## ML Code Completeness Checklist',
  '',
  '- [ ] Specification of dependencies (`requirements.txt`, pinned)',
  '- [ ] Training code',
  '- [ ] Evaluation code',
  '- [ ] Pre-trained models (or a link to the authors\' weights)',
  '- [ ] README with the results table and the exact commands that produce it',
].join('\n');
