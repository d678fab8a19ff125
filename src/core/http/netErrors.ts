/**
 * Turns low-level network failures into ArxivErrors a user can act on: "you are offline" and "that
 * host does not resolve" need different advice than "arXiv said 503".
 */
import { ArxivError } from '../arxiv/errors';

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ECONNABORTED',
  'ETIMEDOUT', // a TCP connect timeout from the OS, not our own per-request timeout
  'ERR_STREAM_PREMATURE_CLOSE', // the connection dropped in the middle of the body
  'UND_ERR_SOCKET',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);

/** The errno-style code of a node-fetch FetchError or a plain Node error, if any. */
export function errorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; errno?: unknown; cause?: unknown } | null;
  if (!err || typeof err !== 'object') return undefined;
  if (typeof err.code === 'string' && err.code !== 'system') return err.code;
  if (typeof err.errno === 'string') return err.errno;
  if (err.cause) return errorCode(err.cause);
  return undefined;
}

/** Maps a thrown fetch/body error to an ArxivError; unknown failures count as 'offline'. */
export function networkError(e: unknown, url: string): ArxivError {
  if (e instanceof ArxivError) return e;
  const code = errorCode(e);
  const msg = e instanceof Error ? e.message : String(e);
  if (code && DNS_CODES.has(code)) {
    return new ArxivError('dns', `Could not resolve the host of ${url} (${code}).`, { url, cause: e });
  }
  if (code && OFFLINE_CODES.has(code)) {
    return new ArxivError('offline', `Network failure talking to ${url} (${code}): ${msg}`, { url, cause: e });
  }
  return new ArxivError('offline', `Network failure talking to ${url}: ${msg}`, { url, cause: e });
}

/** Network failures worth retrying: resets and drops, not a host that does not exist. */
export function isRetryableNetworkError(e: ArxivError): boolean {
  if (e.code === 'timeout') return true;
  if (e.code !== 'offline') return false;
  const code = errorCode(e.details.cause);
  // A refused connection means nothing listens there; retrying just delays the "offline" message.
  return code !== 'ECONNREFUSED';
}
