/**
 * "Export replication report": Markdown in the structure of the ML Reproducibility Challenge
 * report (reproducibility summary; introduction; scope; methodology with environment,
 * assumptions and compute; results reported vs measured with runs; discussion with what was easy
 * and difficult and communication with the authors), from the manifest, the notes and the
 * environment the notebook captured. Pure: same inputs, same text.
 */
import type { Paper } from '../arxiv/types';
import { locationText } from './assumptions';
import { budgetStatus } from './budget';
import { claimDecimals, fixed, withUnit } from './format';
import type { ReplicationManifest } from './manifest';
import { mdCell, mdQuote, mdTable, mdText } from './markdown';
import { notesSections, type ReportSection } from './notesSections';
import { measuredText, reportedText, summarizeManifest } from './summary';
import { claimVerdict, VERDICT_LABELS } from './verdict';

const STATUS_LABELS: Record<ReplicationManifest['status'], string> = {
  planned: 'planned',
  running: 'running',
  reproduced: 'reproduced',
  'partially-reproduced': 'partially reproduced',
  'not-reproduced': 'not reproduced',
};

const HINTS: Record<ReportSection, string> = {
  easy: 'What was easy',
  difficult: 'What was difficult',
  communication: 'Communication with the original authors',
  discrepancies: 'Discrepancies',
  lessons: 'Lessons',
};

export function renderReport(manifest: ReplicationManifest, paper: Paper, notesBody?: string): string {
  const notes = notesSections(notesBody ?? '');
  const fromNotes = (k: ReportSection) => notes[k] ?? `_Not written yet: add a "${HINTS[k]}" section to the paper's notes._`;
  const summary = summarizeManifest(manifest);
  const budget = budgetStatus(manifest.compute);
  const authors = paper.authors.map((a) => a.name).join(', ');
  const out: string[] = [];

  out.push(`# Reproducibility report: ${mdText(paper.title)}`, '');
  out.push(
    `Replication of [arXiv:${paper.id}v${paper.version}](${paper.links.abs})${authors ? ` by ${mdText(authors)}` : ''}. ` +
      `Status: **${STATUS_LABELS[manifest.status]}**, ${summary.text}${summary.detail ? ` (${summary.detail})` : ''}. Last updated ${manifest.updated.slice(0, 10) || 'never'}.`,
    '',
  );

  out.push('## Reproducibility summary', '');
  out.push(`**Scope of reproducibility.** ${scopeSentence(manifest)}`, '');
  out.push(`**Methodology.** ${methodologySentence(manifest)}`, '');
  out.push(`**Results.** ${resultsSentence(manifest)}`, '');
  out.push(`**What was easy.** ${firstParagraph(notes.easy) ?? '_Not written yet._'}`, '');
  out.push(`**What was difficult.** ${firstParagraph(notes.difficult) ?? '_Not written yet._'}`, '');
  out.push(`**Communication with original authors.** ${firstParagraph(notes.communication) ?? '_Not written yet._'}`, '');

  out.push('## 1. Introduction', '');
  out.push(paper.summary ? mdQuote(paper.summary) : '_The paper record has no abstract._', '');

  out.push('## 2. Scope of reproducibility', '');
  if (manifest.claims.length === 0) out.push('No claims were listed in `replication.json`.', '');
  for (const c of manifest.claims) {
    const where = [c.source.where, c.source.page ? `p. ${c.source.page}` : ''].filter(Boolean).join(', ');
    out.push(`- **${c.id}** ${mdText(c.description || `${c.metric} ${reportedText(c)}`)}${where ? ` (${mdText(where)})` : ''}${c.confirmed ? '' : ' _(not confirmed against the paper)_'}`);
  }
  out.push('');

  out.push('## 3. Methodology', '');
  out.push(`Re-implemented with ${manifest.framework === 'keras' ? 'TensorFlow/Keras' : 'PyTorch'}; every claim was planned with seeds ${manifest.seeds.join(', ')}.`, '');
  out.push('### 3.1 Environment', '');
  out.push(...environmentLines(manifest), '');
  out.push('### 3.2 Assumptions and deviations', '');
  out.push(...assumptionLines(manifest), '');
  out.push('### 3.3 Computational requirements', '');
  out.push(computeSentence(manifest, budget.text), '');

  out.push('## 4. Results', '');
  out.push(...resultLines(manifest), '');

  out.push('## 5. Discussion', '');
  out.push(`### ${HINTS.discrepancies}`, '', fromNotes('discrepancies'), '');
  out.push(`### ${HINTS.easy}`, '', fromNotes('easy'), '');
  out.push(`### ${HINTS.difficult}`, '', fromNotes('difficult'), '');
  out.push(`### ${HINTS.communication}`, '', fromNotes('communication'), '');
  if (notes.lessons) out.push(`### ${HINTS.lessons}`, '', notes.lessons, '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function firstParagraph(text: string | undefined): string | undefined {
  return text?.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ').trim();
}

function scopeSentence(m: ReplicationManifest): string {
  if (m.claims.length === 0) return 'No claims listed yet.';
  const list = m.claims.map((c) => `${mdText(c.metric)}${c.dataset ? ` on ${mdText(c.dataset)}` : ''} (${mdText(reportedText(c))})`);
  return `${m.claims.length} claim${m.claims.length === 1 ? '' : 's'} from the paper: ${list.join('; ')}.`;
}

function methodologySentence(m: ReplicationManifest): string {
  const env = m.environment;
  const where = env?.python ? ` on Python ${env.python}${gpuText(m) ? ` with ${gpuText(m)}` : ''}` : '';
  const a = m.assumptions.length;
  return (
    `Re-implementation in ${m.framework === 'keras' ? 'TensorFlow/Keras' : 'PyTorch'}${where}, ${m.seeds.length} seed${m.seeds.length === 1 ? '' : 's'} per claim; ` +
    `${a === 0 ? 'no assumptions logged' : `${a} detail${a === 1 ? '' : 's'} the paper leaves out had to be assumed`}; ${budgetStatus(m.compute).text}.`
  );
}

function gpuText(m: ReplicationManifest): string {
  const gpus = (m.environment?.hardware as { gpus?: unknown } | undefined)?.gpus;
  return Array.isArray(gpus) && gpus.length ? `${gpus.length} × ${String(gpus[0])}` : '';
}

function resultsSentence(m: ReplicationManifest): string {
  if (m.claims.length === 0) return 'Nothing measured yet.';
  const parts = m.claims.map((c) => {
    const v = claimVerdict(c);
    const measured = measuredText(c, v);
    return `${c.id} ${VERDICT_LABELS[v.verdict]}${measured ? ` (${mdText(measured)} vs ${mdText(reportedText(c))})` : ''}`;
  });
  return `${summarizeManifest(m).text}: ${parts.join('; ')}.`;
}

function environmentLines(m: ReplicationManifest): string[] {
  const env = m.environment;
  if (!env) return ['_Not captured yet: run the environment cell of the notebook._'];
  const hw = (env.hardware ?? {}) as Record<string, unknown>;
  const lines = [
    `- Python ${env.python ?? '?'}${env.platform ? ` on ${mdText(String(env.platform))}` : ''}`,
    `- Hardware: ${gpuText(m) || 'no GPU visible'}${hw.cpus ? `, ${String(hw.cpus)} CPUs` : ''}${hw.machine ? ` (${mdText(String(hw.machine))})` : ''}`,
    `- Seeds: ${(env.seeds ?? m.seeds).join(', ')}`,
  ];
  const pkgs = Object.entries(env.packages ?? {});
  lines.push(pkgs.length ? `- Packages: ${pkgs.map(([k, ver]) => `${mdText(k)} ${mdText(String(ver))}`).join(', ')}` : '- Packages: none of the usual ML libraries were installed');
  if (env.capturedAt) lines.push(`- Captured ${String(env.capturedAt)}`);
  return lines;
}

function assumptionLines(m: ReplicationManifest): string[] {
  if (m.assumptions.length === 0) return ['No assumptions were logged: either the paper specifies everything, or the guesses were not recorded with `assume(...)`.'];
  return [
    'Details the paper leaves out, and what this replication decided:',
    '',
    mdTable(
      ['', 'what the paper leaves open', 'decision', 'why', 'paper', 'decided in'],
      m.assumptions.map((a) => [
        a.id,
        mdCell(a.topic),
        mdCell(a.decision),
        mdCell(a.rationale),
        mdCell(a.paper),
        mdCell(a.decidedIn ? locationText(a.decidedIn) : null),
      ]),
    ),
  ];
}

function computeSentence(m: ReplicationManifest, budgetText: string): string {
  const c = m.compute;
  const est = c.estimatedHours !== null ? `Estimated at the start: ${c.estimatedHours} GPU-hours${c.estimateBasis ? ` (${mdText(c.estimateBasis)})` : ''}.` : 'No estimate was made at the start.';
  return `${est} Used: ${Number(c.actualHours.toFixed(3))} GPU-hours over ${c.entries.length} recorded run${c.entries.length === 1 ? '' : 's'} (${budgetText}).`;
}

function resultLines(m: ReplicationManifest): string[] {
  if (m.claims.length === 0) return ['Nothing to report.'];
  const table = mdTable(
    ['claim', 'metric', 'dataset', 'reported', 'measured (mean ± std)', 'runs', 'Δ', 'verdict'],
    m.claims.map((c) => {
      const v = claimVerdict(c);
      const d = claimDecimals(c.reported);
      return [
        c.id,
        mdCell(c.metric),
        mdCell(c.dataset),
        mdCell(reportedText(c)),
        mdCell(measuredText(c, v)),
        `${v.runsDone}/${v.runsPlanned}`,
        v.delta === null ? '–' : mdCell(withUnit(`${v.delta >= 0 ? '+' : ''}${fixed(v.delta, d)}`, c.unit)),
        `${VERDICT_LABELS[v.verdict]} (± ${c.tolerance})`,
      ];
    }),
  );
  const runs = m.claims
    .filter((c) => c.runs.length > 0)
    .map((c) => `- ${c.id}: ${c.runs.map((r) => `${r.value}${r.seed !== null ? ` (seed ${r.seed})` : ''}`).join(', ')}`);
  return [
    table,
    '',
    'A claim is reproduced when the whole band mean ± std of its runs lies within the tolerance on the right side of the reported value, not reproduced when it lies wholly outside, and inconclusive when it straddles the edge.',
    ...(runs.length ? ['', 'Runs:', '', ...runs] : []),
  ];
}
