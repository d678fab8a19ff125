/**
 * Seed-aware verdicts. A claim is judged on the mean of its runs and their spread (mean ± std),
 * never on one lucky seed:
 * - reproduced: the whole interval mean ± std is on the right side of the tolerance band;
 * - not reproduced: the whole interval is on the wrong side;
 * - inconclusive: the interval straddles a band edge (more seeds or less noise would decide);
 * - pending: no runs yet.
 * With higherIsBetter true the band is one-sided (beating the paper counts as reproduced):
 * mean ± std must stay at or above reported - tolerance; false mirrors it; null needs the interval
 * inside [reported - tolerance, reported + tolerance]. Edges are inclusive, with a small epsilon
 * so 0.1 + 0.2 style float noise does not flip a verdict.
 */
import type { Claim } from './manifest';
import { type RunStats, runStats } from './stats';

export const VERDICTS = ['reproduced', 'not-reproduced', 'inconclusive', 'pending'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  reproduced: 'reproduced',
  'not-reproduced': 'not reproduced',
  inconclusive: 'inconclusive',
  pending: 'pending',
};

export interface ClaimVerdict {
  verdict: Verdict;
  stats: RunStats | null;
  runsDone: number;
  runsPlanned: number;
  /** Signed distance of the mean from the reported value (measured - reported); null when pending. */
  delta: number | null;
}

type VerdictInput = Pick<Claim, 'reported' | 'tolerance' | 'higherIsBetter' | 'runs' | 'runsPlanned'>;

export function claimVerdict(claim: VerdictInput): ClaimVerdict {
  const stats = runStats(claim.runs.map((r) => r.value));
  const base = { stats, runsDone: claim.runs.length, runsPlanned: claim.runsPlanned };
  if (!stats) return { ...base, verdict: 'pending', delta: null };
  return { ...base, verdict: judge(stats.mean - stats.std, stats.mean + stats.std, claim), delta: stats.mean - claim.reported };
}

function judge(lo: number, hi: number, c: VerdictInput): Verdict {
  const tol = Math.abs(c.tolerance);
  const eps = 1e-9 * Math.max(1, Math.abs(c.reported), tol);
  const floor = c.reported - tol - eps;
  const ceil = c.reported + tol + eps;
  if (c.higherIsBetter === true) return lo >= floor ? 'reproduced' : hi < floor ? 'not-reproduced' : 'inconclusive';
  if (c.higherIsBetter === false) return hi <= ceil ? 'reproduced' : lo > ceil ? 'not-reproduced' : 'inconclusive';
  if (lo >= floor && hi <= ceil) return 'reproduced';
  if (hi < floor || lo > ceil) return 'not-reproduced';
  return 'inconclusive';
}
