import * as vscode from 'vscode';
import { subscriptionKey, type Subscription } from '../../core/feeds/subscriptions';
import { describeError, isCancellation, signalOf } from '../errors';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { settings } from '../settings';

export interface RefreshOutcome {
  refreshed: number;
  failed: { label: string; message: string }[];
  cancelled: boolean;
}

/**
 * Refreshes subscriptions one after another (arXiv allows one connection at a time), with
 * cancellable progress. A failure is recorded on its subscription and never touches its papers.
 */
export class FeedRefresher {
  private running: Promise<RefreshOutcome> | undefined;

  constructor(
    private readonly services: Services,
    private readonly logger: Logger,
    private readonly onProgress: () => void,
  ) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  refresh(subscriptions: Subscription[], options: { silent?: boolean } = {}): Promise<RefreshOutcome> {
    if (this.running) return this.running; // one refresh at a time; a second click joins it
    const run = vscode.window.withProgress(
      {
        location: options.silent ? { viewId: 'paperPractice.feeds' } : vscode.ProgressLocation.Notification,
        title: 'Refreshing arXiv feeds',
        cancellable: true,
      },
      (progress, token) => this.run(subscriptions, progress, token),
    );
    this.running = Promise.resolve(run).finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(
    subscriptions: Subscription[],
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<RefreshOutcome> {
    const outcome: RefreshOutcome = { refreshed: 0, failed: [], cancelled: false };
    const signal = signalOf(token);
    for (const [i, sub] of subscriptions.entries()) {
      if (token.isCancellationRequested) break;
      progress.report({ message: `${sub.label} (${i + 1}/${subscriptions.length})`, increment: i === 0 ? 0 : 100 / subscriptions.length });
      const key = subscriptionKey(sub);
      try {
        const started = Date.now();
        if (sub.kind === 'category') {
          const feed = await this.services.arxiv.feed(sub.categories, { signal });
          await this.services.feeds.merge(key, feed, 'feed');
          this.logger.info(`Feed ${sub.categories.join('+')}: ${feed.papers.length} items (${feed.provenance.origin}) in ${Date.now() - started} ms`);
        } else {
          const result = await this.services.arxiv.search(sub.query, { max: settings.searchMaxResults(), sortBy: 'submitted', sortOrder: 'descending', signal });
          await this.services.feeds.merge(key, result, 'search');
          this.logger.info(`Search "${sub.query}": ${result.papers.length} of ${result.totalResults ?? '?'} results in ${Date.now() - started} ms`);
        }
        outcome.refreshed++;
      } catch (e) {
        if (isCancellation(e)) break;
        const message = describeError(e);
        this.logger.warn(`Refreshing ${sub.label} failed: ${e instanceof Error ? e.message : String(e)}`);
        await this.services.feeds.recordError(key, message);
        outcome.failed.push({ label: sub.label, message });
      }
      this.onProgress();
    }
    outcome.cancelled = token.isCancellationRequested;
    return outcome;
  }
}
