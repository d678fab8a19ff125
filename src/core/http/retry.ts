/**
 * When to try again and how long to wait. arXiv's 429 carries no Retry-After and reflects overall
 * server load, so we back off exponentially with jitter (so many clients do not retry in step)
 * and cap both the delay and the number of attempts; a 503's Retry-After is honoured up to a cap.
 */

export interface RetryPolicy {
  /** Total attempts including the first (>= 1). */
  maxAttempts: number;
  /** Delay before the first retry, before jitter. */
  baseDelayMs: number;
  /** Upper bound of any computed backoff delay. */
  maxDelayMs: number;
  /** Upper bound applied to a server's Retry-After. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 4000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 120_000,
};

/** Statuses worth another try: rate limiting and transient server trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * "Equal jitter": half the exponential delay is fixed, half random, so delays still grow
 * monotonically in expectation but never collapse to zero. `retryIndex` is 0 for the first retry.
 */
export function backoffDelay(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(exp / 2 + (exp / 2) * r);
}

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unparsable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
