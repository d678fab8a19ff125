/** Mean and spread of a claim's runs. The Python helper computes the same (sample std, n - 1). */

export interface RunStats {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1); 0 for a single run, where no spread can be seen. */
  std: number;
}

export function runStats(values: readonly number[]): RunStats | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { n, mean, std: 0 };
  const ss = values.reduce((a, v) => a + (v - mean) * (v - mean), 0);
  return { n, mean, std: Math.sqrt(ss / (n - 1)) };
}
