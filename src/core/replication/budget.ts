/**
 * The compute budget: an estimate made at the start (the MLRC report asks for it, and a replication
 * that silently costs 5x its estimate is the common way these projects die) against the GPU-hours
 * the helper accumulates with `record_compute(hours)`.
 */
import type { ComputeBudget } from './manifest';

export type BudgetState = 'no-estimate' | 'within' | 'near' | 'over';

export interface BudgetStatus {
  state: BudgetState;
  estimatedHours: number | null;
  actualHours: number;
  /** actual / estimated; null without an estimate. */
  used: number | null;
  text: string;
}

/** Share of the estimate from which the editor warns that the end is near. */
export const NEAR_BUDGET = 0.8;

export function budgetStatus(c: Pick<ComputeBudget, 'estimatedHours' | 'actualHours'>): BudgetStatus {
  const actual = c.actualHours;
  const est = c.estimatedHours;
  if (est === null || !(est > 0)) {
    return { state: 'no-estimate', estimatedHours: est, actualHours: actual, used: null, text: `${hours(actual)} GPU-hours used, no estimate` };
  }
  const used = actual / est;
  const state: BudgetState = used > 1 ? 'over' : used >= NEAR_BUDGET ? 'near' : 'within';
  const pct = `${Math.round(used * 100)}%`;
  const text =
    state === 'over'
      ? `over budget: ${hours(actual)} of ${hours(est)} GPU-hours (${pct})`
      : `${hours(actual)} of ${hours(est)} GPU-hours (${pct})`;
  return { state, estimatedHours: est, actualHours: actual, used, text };
}

export function isOverBudget(c: Pick<ComputeBudget, 'estimatedHours' | 'actualHours'>): boolean {
  return budgetStatus(c).state === 'over';
}

function hours(h: number): string {
  if (h === 0) return '0';
  if (h < 0.1) return h.toFixed(3).replace(/0+$/, '');
  return h < 10 ? (Math.round(h * 10) / 10).toString() : Math.round(h).toString();
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, a: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  twelve: 12, sixteen: 16, 'thirty-two': 32, 'sixty-four': 64,
};
const NUM = String.raw`(\d+(?:\.\d+)?|one|a|single|two|three|four|five|six|seven|eight|nine|ten|twelve|sixteen|thirty-two|sixty-four)`;
const UNIT_HOURS: Record<string, number> = { hour: 1, hours: 1, day: 24, days: 24, week: 168, weeks: 168 };
const ACCEL = String.raw`(?:[A-Z]*\d+[A-Za-z]*\s+)?(?:GPUs?|TPUs?(?:\s*v\d)?|TPU\s+cores?)`;

export interface ComputeEstimate {
  hours: number;
  /** The words the estimate was read from. */
  basis: string;
}

/**
 * GPU-hours a paper states in prose (abstract, comments): "3.5 days on eight P100 GPUs",
 * "8 GPUs for 12 hours", "about 200 GPU hours". Returns the largest figure found (the full
 * training, not an ablation), or null when the text states none.
 */
export function estimateComputeHours(text: string): ComputeEstimate | null {
  const found: ComputeEstimate[] = [];
  const num = (s: string) => WORD_NUMBERS[s.toLowerCase()] ?? Number(s);
  const flat = text.replace(/\s+/g, ' ');
  const direct = new RegExp(String.raw`\b${NUM}\s*(?:[A-Z]\d+\s+)?(GPU|TPU)[- ](hours?|days?)\b`, 'gi');
  for (const m of flat.matchAll(direct)) found.push({ hours: num(m[1]) * UNIT_HOURS[m[3].toLowerCase()], basis: m[0] });
  const timeOnDevices = new RegExp(String.raw`\b${NUM}\s+(hours?|days?|weeks?)\s+(?:of training\s+)?(?:on|using|with)\s+${NUM}\s+(?:NVIDIA\s+|Nvidia\s+)?${ACCEL}`, 'gi');
  for (const m of flat.matchAll(timeOnDevices)) found.push({ hours: num(m[1]) * UNIT_HOURS[m[2].toLowerCase()] * num(m[3]), basis: m[0] });
  const devicesForTime = new RegExp(String.raw`\b${NUM}\s+(?:NVIDIA\s+|Nvidia\s+)?${ACCEL}\s+(?:for|in|over)\s+(?:about\s+|around\s+|roughly\s+)?${NUM}\s+(hours?|days?|weeks?)`, 'gi');
  for (const m of flat.matchAll(devicesForTime)) found.push({ hours: num(m[1]) * num(m[2]) * UNIT_HOURS[m[3].toLowerCase()], basis: m[0] });
  const valid = found.filter((f) => Number.isFinite(f.hours) && f.hours > 0);
  if (valid.length === 0) return null;
  return valid.reduce((a, b) => (b.hours > a.hours ? b : a));
}
