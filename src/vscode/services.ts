import * as path from 'path';
import * as vscode from 'vscode';
import { ResponseCache } from '../core/arxiv/cache';
import { ArxivClient } from '../core/arxiv/client';
import { FeedCacheStore } from '../core/feeds/feedCache';
import { SeenStore } from '../core/feeds/seenStore';
import type { Logger } from './logger';
import { settings } from './settings';

/**
 * The core objects the VS Code layer adapts, built lazily on first use so activation stays cheap,
 * and rebuilt when the settings they depend on change.
 */
export class Services implements vscode.Disposable {
  private client: ArxivClient | undefined;
  private responseCache: ResponseCache | undefined;
  private feedStore: FeedCacheStore | undefined;
  private seenStore: SeenStore | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly logger: Logger,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('paperPractice.arxiv')) this.client = undefined;
        if (e.affectsConfiguration('paperPractice.feeds.daysKept')) this.feedStore = undefined;
      }),
    );
  }

  private get storageDir(): string {
    return this.context.globalStorageUri.fsPath;
  }

  get arxiv(): ArxivClient {
    this.responseCache ??= new ResponseCache({
      dir: path.join(this.storageDir, 'http-cache'),
      onDiskError: (e) => this.logger.warn(`arXiv response cache: ${String(e)}`),
    });
    this.client ??= new ArxivClient({
      apiUrl: settings.apiUrl(),
      rssUrl: settings.rssUrl(),
      cache: this.responseCache,
    });
    return this.client;
  }

  get feeds(): FeedCacheStore {
    this.feedStore ??= new FeedCacheStore(path.join(this.storageDir, 'feeds'), {
      daysKept: settings.daysKept(),
      log: (m) => this.logger.warn(m),
    });
    return this.feedStore;
  }

  async seen(): Promise<SeenStore> {
    if (!this.seenStore) {
      this.seenStore = new SeenStore(path.join(this.storageDir, 'seen.json'), (m) => this.logger.warn(m));
      await this.seenStore.load();
    }
    return this.seenStore;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
