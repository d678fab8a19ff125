/**
 * Typed failures of the arXiv client. Every failure a user can meet has its own class, so the UI
 * and the CLI can say exactly what went wrong and never mistake an error body for data.
 */
export type ArxivErrorCode =
  | 'arxiv-api-error' // arXiv answered with its error feed (HTTP 400, entry id .../api/errors#...)
  | 'feed-error' // rss.arxiv.org answered with an error channel ("Bad archive ...")
  | 'http-status' // any other non-success status after retries
  | 'rate-limited' // 429 / 503 still failing after the retry budget
  | 'timeout' // no complete response within the per-request timeout
  | 'offline' // connection refused / reset / network unreachable
  | 'dns' // host name could not be resolved
  | 'malformed-xml' // body is not well-formed XML (includes truncated bodies)
  | 'unexpected-content' // well-formed, but not what was asked for (e.g. an HTML page)
  | 'invalid-id' // an identifier that is not an arXiv id
  | 'invalid-query' // a query the client refuses to send
  | 'cancelled'; // the caller cancelled

export class ArxivError extends Error {
  constructor(
    readonly code: ArxivErrorCode,
    message: string,
    readonly details: { status?: number; url?: string; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'ArxivError';
  }
}

export function isArxivError(e: unknown, code?: ArxivErrorCode): e is ArxivError {
  return e instanceof ArxivError && (code === undefined || e.code === code);
}
