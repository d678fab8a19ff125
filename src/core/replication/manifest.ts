/**
 * The claims manifest, `replication/replication.json`: what a replication sets out to check and
 * what it measured. The Python helper (`pp_replication.py`) writes the same shape, and
 * `media/schemas/replication.schema.json` describes it for the editor, so the three must agree:
 * test/unit/replication/schema.test.ts and python.test.ts (jsonschema on real files) check it.
 */

import { joinPath } from '../library/fileSystem';

export const MANIFEST_FILE = 'replication.json';
export const SCAFFOLD_DIR = 'replication';
export const NOTEBOOK_FILE = 'notebook.ipynb';
export const MANIFEST_SCHEMA_VERSION = 1;

export const REPLICATION_STATUSES = ['planned', 'running', 'reproduced', 'partially-reproduced', 'not-reproduced'] as const;
export type ReplicationStatus = (typeof REPLICATION_STATUSES)[number];

export const FRAMEWORKS = ['pytorch', 'keras'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** One measurement of a claim, normally one seed. */
export interface Run {
  value: number;
  /** The seed the run used; null when the run was not seeded (or the seed was not told). */
  seed: number | null;
  /** ISO instant the value was recorded. */
  at: string;
  /** How it was measured: the script or notebook (and cell) that called `record`, or a note. */
  how: string | null;
}

/** Where a number or a detail sits in the paper. */
export interface PaperLocation {
  /** "Table 2", "Figure 3b", "Section 5.1", "abstract". */
  where: string;
  page: number | null;
  /** The sentence the claim was read from, to check it against. */
  quote: string | null;
}

export interface Claim {
  /** Short stable id the code refers to: `record("c1", 27.9)`. */
  id: string;
  description: string;
  metric: string;
  dataset: string | null;
  reported: number;
  /** The paper's own ± (std over its runs), when it gives one. */
  reportedStd: number | null;
  /** "%", "BLEU", "dB"...; null for a bare number. */
  unit: string | null;
  /** Absolute, in the claim's unit: the measured mean may differ from `reported` by this much. */
  tolerance: number;
  /** true: more is better (accuracy); false: less is better (error, FID); null: two-sided. */
  higherIsBetter: boolean | null;
  /** Runs planned for this claim, normally the number of seeds. */
  runsPlanned: number;
  runs: Run[];
  /** Mean of the runs, kept by the helper for readers that want one number; null before any run. */
  measured: number | null;
  /** When and how the latest run was recorded. */
  measuredAt: string | null;
  measuredHow: string | null;
  source: PaperLocation;
  /** false until the user has checked a prefilled claim against the paper. */
  confirmed: boolean;
}

/** Where in the replication a guess is encoded: a file and a line or a notebook cell (1-based). */
export interface CodeLocation {
  file: string;
  line: number | null;
  cell: number | null;
}

/** A detail the paper leaves out and the replicator had to decide. */
export interface Assumption {
  id: string;
  /** What the paper leaves open: "learning-rate schedule", "train/validation split". */
  topic: string;
  /** What was chosen. */
  decision: string;
  rationale: string | null;
  /** Where the paper should have said it (or says something vague). */
  paper: string | null;
  /** Where the decision is encoded. */
  decidedIn: CodeLocation | null;
  at: string;
}

export interface ComputeEntry {
  hours: number;
  at: string;
  note: string | null;
}

export interface ComputeBudget {
  /** Estimated at the start (GPU-hours); null when nobody estimated. */
  estimatedHours: number | null;
  /** Where the estimate came from ("abstract: 3.5 days on 8 GPUs", "my guess"). */
  estimateBasis: string | null;
  /** Sum of `entries`, kept by the helper. */
  actualHours: number;
  entries: ComputeEntry[];
}

/** What the notebook's environment cell captured. Free-form beyond these keys. */
export interface Environment {
  python?: string;
  platform?: string;
  packages?: Record<string, string>;
  hardware?: Record<string, unknown>;
  seeds?: number[];
  capturedAt?: string;
  [key: string]: unknown;
}

export interface ReplicationManifest {
  schemaVersion: number;
  paper: { id: string; version: number; title: string };
  status: ReplicationStatus;
  framework: Framework;
  /** Seeds the notebook runs every claim with; `runsPlanned` of a new claim is their count. */
  seeds: number[];
  claims: Claim[];
  assumptions: Assumption[];
  compute: ComputeBudget;
  environment: Environment | null;
  created: string;
  updated: string;
}

export const DEFAULT_SEEDS: readonly number[] = [0, 1, 2];

/** Where a paper's replication lives. */
export function scaffoldPaths(paperDir: string): { dir: string; manifestPath: string; notebookPath: string } {
  const dir = joinPath(paperDir, SCAFFOLD_DIR);
  return { dir, manifestPath: joinPath(dir, MANIFEST_FILE), notebookPath: joinPath(dir, NOTEBOOK_FILE) };
}

/** The manifest as written: two-space JSON, one trailing newline, so git diffs stay small. */
export function serializeManifest(m: ReplicationManifest): string {
  return JSON.stringify(m, null, 2) + '\n';
}
