/** Numbers as people read them in a claim: as many decimals as the paper gave (at least one). */

export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const s = String(x);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + (s.split('e')[0].split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

/** Decimals for a claim's numbers: the reported value's, at least 1, at most 6. */
export function claimDecimals(reported: number): number {
  return Math.min(6, Math.max(1, decimalsOf(reported)));
}

export function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** `76.1` + `%` -> `76.1%`; `28.4` + `BLEU` -> `28.4 BLEU`; no unit -> the number. */
export function withUnit(text: string, unit: string | null): string {
  if (!unit) return text;
  return unit === '%' || unit === '°' ? `${text}${unit}` : `${text} ${unit}`;
}
