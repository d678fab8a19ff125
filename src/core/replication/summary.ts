/**
 * The words the editor shows: one line per claim ("reported 28.4 BLEU · measured 27.9 ± 0.3
 * (3/3 seeds) · reproduced") and one for the replication ("2/5 claims reproduced").
 */
import { claimDecimals, fixed, withUnit } from './format';
import type { Claim, ReplicationManifest, ReplicationStatus } from './manifest';
import { type ClaimVerdict, claimVerdict, VERDICT_LABELS, type Verdict } from './verdict';

export function runsLabel(claim: Pick<Claim, 'runs'>): string {
  return claim.runs.length > 0 && claim.runs.every((r) => r.seed !== null) ? 'seeds' : 'runs';
}

export function reportedText(claim: Pick<Claim, 'reported' | 'reportedStd' | 'unit'>): string {
  const d = claimDecimals(claim.reported);
  const num = claim.reportedStd !== null ? `${fixed(claim.reported, d)} ± ${fixed(claim.reportedStd, d)}` : String(claim.reported);
  return withUnit(num, claim.unit);
}

/** `27.9 ± 0.3 BLEU`, or `27.9 BLEU` for a single run (without the unit when `unit` is false); null before any run. */
export function measuredText(claim: Claim, v: ClaimVerdict = claimVerdict(claim), unit = true): string | null {
  if (!v.stats) return null;
  const d = claimDecimals(claim.reported);
  const num = v.stats.n > 1 ? `${fixed(v.stats.mean, d)} ± ${fixed(v.stats.std, d)}` : fixed(v.stats.mean, d);
  return unit ? withUnit(num, claim.unit) : num;
}

export function claimVerdictText(claim: Claim): string {
  const v = claimVerdict(claim);
  const count = `(${v.runsDone}/${v.runsPlanned} ${v.runsDone === 0 ? 'seeds' : runsLabel(claim)})`;
  // The unit is said once, after the reported value: "reported 28.4 BLEU · measured 27.9 ± 0.3".
  const measured = measuredText(claim, v, false);
  const middle = measured ? `measured ${measured} ${count}` : `not measured yet ${count}`;
  return `reported ${reportedText(claim)} · ${middle} · ${VERDICT_LABELS[v.verdict]}`;
}

export interface ManifestSummary {
  total: number;
  counts: Record<Verdict, number>;
  /** "2/5 claims reproduced" */
  text: string;
  /** "1 not reproduced · 1 inconclusive · 1 pending" (empty when nothing else to say). */
  detail: string;
}

export function summarizeManifest(m: Pick<ReplicationManifest, 'claims'>): ManifestSummary {
  const counts: Record<Verdict, number> = { reproduced: 0, 'not-reproduced': 0, inconclusive: 0, pending: 0 };
  for (const c of m.claims) counts[claimVerdict(c).verdict]++;
  const total = m.claims.length;
  const text = total === 0 ? 'no claims yet' : `${counts.reproduced}/${total} claim${total === 1 ? '' : 's'} reproduced`;
  const detail = (['not-reproduced', 'inconclusive', 'pending'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${VERDICT_LABELS[k]}`)
    .join(' · ');
  return { total, counts, text, detail };
}

/**
 * The overall status the claims support. Final words (reproduced / partially / not) only once
 * every claim has all its planned runs and a decided verdict; until then it is running (or
 * planned, before the first run).
 */
export function suggestStatus(m: Pick<ReplicationManifest, 'claims' | 'status'>): ReplicationStatus {
  if (m.claims.length === 0) return m.status;
  const verdicts = m.claims.map((c) => ({ v: claimVerdict(c), c }));
  if (verdicts.every(({ v }) => v.runsDone === 0)) return 'planned';
  const settled = verdicts.every(
    ({ v }) => v.runsDone >= v.runsPlanned && (v.verdict === 'reproduced' || v.verdict === 'not-reproduced'),
  );
  if (!settled) return 'running';
  const ok = verdicts.filter(({ v }) => v.verdict === 'reproduced').length;
  return ok === verdicts.length ? 'reproduced' : ok === 0 ? 'not-reproduced' : 'partially-reproduced';
}
