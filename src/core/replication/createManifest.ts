/**
 * A new manifest for a paper: claims prefilled from the abstract (unconfirmed), seeds, and the
 * compute estimate the paper's own words give, if any.
 */
import type { Paper } from '../arxiv/types';
import { estimateComputeHours } from './budget';
import { type AbstractClaim, extractClaims } from './claims/extract';
import { claimDecimals, decimalsOf } from './format';
import {
  type Claim,
  DEFAULT_SEEDS,
  type Framework,
  MANIFEST_SCHEMA_VERSION,
  type ReplicationManifest,
} from './manifest';

export interface ManifestOptions {
  framework?: Framework;
  seeds?: readonly number[];
  /** GPU-hours; overrides the estimate read from the abstract and comments. */
  estimatedHours?: number | null;
  now?: Date;
}

/**
 * Default tolerance: 1% of the reported value, but never finer than the last digit the paper
 * printed (a paper that says 76.1 cannot be held to 76.10 ± 0.01).
 */
export function defaultTolerance(reported: number): number {
  const lastDigit = 10 ** -decimalsOf(reported);
  const tol = Math.max(lastDigit, Math.abs(reported) * 0.01);
  const d = claimDecimals(reported) + 1;
  return Number(tol.toFixed(d)) || lastDigit;
}

/** "accuracies" -> "accuracy", "success rates" -> "success rate", "AUCs" -> "AUC": one claim, one value. */
function singular(metricText: string): string {
  return metricText
    .replace(/\s+/g, ' ')
    .replace(/ies\b/g, 'y')
    .replace(/\b(rate|score|coefficient|error|curve|precision)s\b/gi, '$1')
    .replace(/\b([A-Z]{2,})s\b/g, '$1');
}

export function claimFromAbstract(c: AbstractClaim, id: string, runsPlanned: number): Claim {
  const value = `${c.valueText}${c.unit === '%' || c.unit === '°' ? c.unit : c.unit ? ` ${c.unit}` : ''}`;
  const metric = singular(c.metricText);
  const description = metric.toLowerCase() === c.unit?.toLowerCase()
    ? `${value}${c.dataset ? ` on ${c.dataset}` : ''}`
    : `${metric} of ${value}${c.dataset ? ` on ${c.dataset}` : ''}`;
  return {
    id,
    description,
    metric: c.metric,
    dataset: c.dataset,
    reported: c.value,
    reportedStd: c.reportedStd,
    unit: c.unit,
    tolerance: defaultTolerance(c.value),
    higherIsBetter: c.higherIsBetter,
    runsPlanned,
    runs: [],
    measured: null,
    measuredAt: null,
    measuredHow: null,
    source: { where: 'abstract', page: null, quote: c.sentence },
    confirmed: false,
  };
}

export function createManifest(paper: Paper, opts: ManifestOptions = {}): ReplicationManifest {
  const seeds = [...(opts.seeds ?? DEFAULT_SEEDS)];
  const now = (opts.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const claims = extractClaims(paper.summary).map((c, i) => claimFromAbstract(c, `c${i + 1}`, seeds.length));
  const estimate = opts.estimatedHours === undefined ? estimateComputeHours(`${paper.summary}\n${paper.comment ?? ''}`) : null;
  return {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    paper: { id: paper.id, version: paper.version, title: paper.title },
    status: 'planned',
    framework: opts.framework ?? 'pytorch',
    seeds,
    claims,
    assumptions: [],
    compute: {
      estimatedHours: opts.estimatedHours ?? estimate?.hours ?? null,
      estimateBasis: opts.estimatedHours != null ? 'set when the scaffold was created' : estimate ? `paper: "${estimate.basis}"` : null,
      actualHours: 0,
      entries: [],
    },
    environment: null,
    created: now,
    updated: now,
  };
}
