import * as vscode from 'vscode';
import { ArxivError } from '../core/arxiv/errors';
import { LibraryError } from '../core/library/libraryError';
import type { Logger } from './logger';

/** One sentence a person can act on, for any failure the core reports. */
export function describeError(e: unknown): string {
  if (e instanceof ArxivError) {
    switch (e.code) {
      case 'offline':
        return 'arXiv could not be reached: you seem to be offline.';
      case 'dns':
        return 'arXiv could not be reached: its address did not resolve (offline, or a proxy is needed).';
      case 'timeout':
        return 'arXiv did not answer in time. Try again in a few minutes.';
      case 'rate-limited':
        return 'arXiv is busy and asked us to slow down. Try again in a few minutes.';
      case 'cancelled':
        return 'Cancelled.';
      case 'arxiv-api-error':
      case 'feed-error':
        return `arXiv says: ${e.message}`;
      default:
        return e.message;
    }
  }
  if (e instanceof LibraryError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

export function isCancellation(e: unknown): boolean {
  return e instanceof ArxivError && e.code === 'cancelled';
}

/**
 * Logs a failure with its details and tells the user in one line, with a way to the log. The
 * message is not awaited: a command finishes even while its notification stays open.
 */
export function reportError(logger: Logger, what: string, e: unknown): void {
  if (isCancellation(e)) return;
  logger.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  void vscode.window.showErrorMessage(`${what}: ${describeError(e)}`, 'Show Log').then((choice) => {
    if (choice === 'Show Log') logger.show(true);
  });
}

/** An AbortSignal that follows a VS Code cancellation token. */
export function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
