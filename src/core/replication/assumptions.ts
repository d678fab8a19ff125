/**
 * The assumptions ledger from the editor: a detail the paper leaves out, what the replicator
 * decided, and where the decision is encoded. Same rules as the Python helper's `assume()`: one
 * entry per topic (logging a topic again updates its entry), ids `a1`, `a2`…, locations relative
 * to the replication folder.
 */
import * as path from 'path';
import type { LibraryFileSystem } from '../library/fileSystem';
import type { Assumption, CodeLocation, ReplicationManifest } from './manifest';
import { updateManifest } from './manifestFile';

export interface AssumptionInput {
  topic: string;
  decision: string;
  rationale?: string | null;
  paper?: string | null;
  decidedIn: CodeLocation | null;
}

export const MAX_TOPIC_LENGTH = 120;
export const MAX_DECISION_LENGTH = 500;

/** Why a typed topic or decision cannot be logged, or undefined when it can. */
export function assumptionTextProblem(text: string, field: 'topic' | 'decision'): string | undefined {
  const t = text.trim();
  const max = field === 'topic' ? MAX_TOPIC_LENGTH : MAX_DECISION_LENGTH;
  if (!t) return field === 'topic' ? 'Name the detail the paper leaves out (e.g. "learning-rate schedule").' : 'Say what you decided (e.g. "cosine, 5 warm-up epochs").';
  if (t.length > max) return `Keep it under ${max} characters (${t.length} now); put the reasoning in the notebook.`;
  if (/[\r\n]/.test(t)) return 'One line, please.';
  return undefined;
}

/** The entry of the ledger with this topic (compared without case and outer spaces). */
export function assumptionForTopic(m: ReplicationManifest, topic: string): Assumption | undefined {
  const want = normalizeTopic(topic);
  return m.assumptions.find((a) => normalizeTopic(a.topic) === want);
}

/** The manifest with the assumption logged: a new entry, or the topic's entry updated. */
export function withAssumption(m: ReplicationManifest, input: AssumptionInput, at: Date): { manifest: ReplicationManifest; assumption: Assumption; updated: boolean } {
  const topic = input.topic.trim();
  const problem = assumptionTextProblem(topic, 'topic') ?? assumptionTextProblem(input.decision, 'decision');
  if (problem) throw new Error(problem);
  const existing = assumptionForTopic(m, topic);
  const assumption: Assumption = {
    id: existing?.id ?? nextId(m.assumptions),
    topic,
    decision: input.decision.trim(),
    rationale: input.rationale?.trim() || (existing?.rationale ?? null),
    paper: input.paper?.trim() || (existing?.paper ?? null),
    decidedIn: input.decidedIn,
    at: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const assumptions = existing ? m.assumptions.map((a) => (a === existing ? assumption : a)) : [...m.assumptions, assumption];
  return { manifest: { ...m, assumptions }, assumption, updated: existing !== undefined };
}

/** Logs the assumption in the manifest on disk, through the lock the Python helper also takes. */
export async function addAssumption(
  fs: LibraryFileSystem,
  manifestPath: string,
  input: AssumptionInput,
  now: () => Date = () => new Date(),
): Promise<{ assumption: Assumption; updated: boolean }> {
  let result: { assumption: Assumption; updated: boolean } | undefined;
  await updateManifest(
    fs,
    manifestPath,
    (m) => {
      const next = withAssumption(m, input, now());
      result = { assumption: next.assumption, updated: next.updated };
      return next.manifest;
    },
    now,
  );
  return result!;
}

/**
 * Where a decision is encoded, relative to the replication folder with `/` separators, as the
 * Python helper writes it: `notebook.ipynb` cell 3, `train.py` line 42, `../notes.md` line 12.
 * `line` and `cell` are 1-based.
 */
export function codeLocation(replicationDir: string, file: string, at: { line?: number | null; cell?: number | null } = {}): CodeLocation {
  const slash = (p: string) => p.replace(/\\/g, '/');
  const rel = path.posix.relative(slash(replicationDir), slash(file)) || path.posix.basename(slash(file));
  return { file: rel, line: positive(at.line), cell: positive(at.cell) };
}

/** "notebook.ipynb, cell 3", "train.py:42": how the report and the helper's `how` texts name a place. */
export function locationText(loc: CodeLocation): string {
  if (loc.cell) return `${loc.file}, cell ${loc.cell}`;
  return loc.line ? `${loc.file}:${loc.line}` : loc.file;
}

function nextId(ledger: Assumption[]): string {
  const used = new Set(ledger.map((a) => a.id));
  let n = ledger.length + 1;
  while (used.has(`a${n}`)) n++;
  return `a${n}`;
}

function normalizeTopic(t: string): string {
  return t.trim().replace(/\s+/g, ' ').toLowerCase();
}

function positive(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : null;
}
