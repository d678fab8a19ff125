import * as path from 'path';
import * as vscode from 'vscode';
import type { PaperDetails } from '../../core/arxiv/types';
import { subscriptionKey } from '../../core/feeds/subscriptions';
import { RankIndex } from '../../core/ranking/feedOrder';
import { libraryPositives } from '../../core/ranking/positives';
import { RankingWorker } from '../../core/ranking/rankingWorker';
import { isCancelled } from '../../core/ranking/tasks';
import { LIBRARY_RANKER, type Explanation, type RankDoc, type RankerKey, type Ranking } from '../../core/ranking/types';
import { describeError } from '../errors';
import type { LibraryService } from '../library/libraryService';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { settings } from '../settings';

export type RecommendationState =
  | { kind: 'idle' }
  | { kind: 'ranking' }
  | { kind: 'ready'; index: RankIndex; key: RankerKey; computedAt: number }
  | { kind: 'failed'; message: string };

const RANKER_KEY_STATE = 'paperPractice.recommendFor';
/** Library edits come in bursts (a batch import, a git checkout): retrain once they settle. */
const SETTLE_MS = 400;

/**
 * Recommendations for the Feeds view, search results and the detail tab. The ranking engine runs
 * in a worker thread (started on first use), so training and ranking never hold the extension
 * host. The corpus is every cached feed paper plus the library; the positives are the library's
 * papers (or one tag's), retrained whenever the library or the feeds change.
 */
export class Recommendations implements vscode.Disposable {
  private worker: RankingWorker | undefined;
  /** The papers the worker holds: id -> the docKey of the text it was sent. */
  private readonly upserted = new Map<string, string>();
  private current: RecommendationState = { kind: 'idle' };
  private running: Promise<void> | undefined;
  private dirty = false;
  private settle: NodeJS.Timeout | undefined;
  private readonly abort = new AbortController();
  private readonly changed = new vscode.EventEmitter<RecommendationState>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: Services,
    private readonly library: LibraryService,
    private readonly logger: Logger,
  ) {
    this.disposables.push(
      library.onDidChange(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('paperPractice.subscriptions')) this.invalidate();
      }),
    );
  }

  get state(): RecommendationState {
    return this.current;
  }

  /** The ranker in use: the whole library, or a tag's ('tag:vision'). */
  get key(): RankerKey {
    return this.context.workspaceState.get<string>(RANKER_KEY_STATE) ?? LIBRARY_RANKER;
  }

  /** What the ranker learns from, for people: "your library" or "papers tagged vision". */
  get basis(): string {
    const key = this.key;
    return key.startsWith('tag:') ? `papers tagged ${key.slice(4)}` : 'your library';
  }

  async setKey(key: RankerKey): Promise<void> {
    await this.context.workspaceState.update(RANKER_KEY_STATE, key === LIBRARY_RANKER ? undefined : key);
    this.invalidate(0);
  }

  /** Ranks now unless a ranking is ready or under way; views call it when they need scores. */
  ensure(): Promise<void> {
    // A ranking under way answers it: asking again must not queue another round of the same work.
    if (this.running) return this.running;
    if (this.current.kind === 'ready' && !this.dirty) return Promise.resolve();
    return this.recompute();
  }

  /** The feeds or the library changed: rank again (soon), if anyone has asked for a ranking. */
  invalidate(delayMs = SETTLE_MS): void {
    if (this.current.kind === 'idle') return; // nothing shown yet, nothing to redo
    this.dirty = true;
    clearTimeout(this.settle);
    this.settle = setTimeout(() => void this.recompute(), delayMs);
  }

  /** Why a paper ranks where it does: the terms it shares with the library. */
  async explain(paper: PaperDetails): Promise<{ explanation: Explanation; reason: string | null } | undefined> {
    await this.ensure();
    const state = this.current;
    if (state.kind !== 'ready' || !this.worker) return undefined;
    const explanation = await this.worker.explain(rankDoc(paper), { key: state.key, limit: 8, signal: this.abort.signal });
    return { explanation, reason: state.index.ranking.reason };
  }

  /** Ranks papers that need not be in the feeds (search results), with the current ranker. */
  async rankPapers(papers: readonly PaperDetails[]): Promise<Ranking | undefined> {
    await this.ensure();
    if (this.current.kind !== 'ready' || !this.worker) return undefined;
    return this.worker.rank(papers.map(rankDoc), { key: this.current.key, signal: this.abort.signal });
  }

  private recompute(): Promise<void> {
    this.dirty = true;
    if (this.running) return this.running;
    if (this.current.kind !== 'ready') this.publish({ kind: 'ranking' });
    this.running = (async () => {
      while (this.dirty && !this.abort.signal.aborted) {
        this.dirty = false;
        await this.rankOnce();
      }
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async rankOnce(): Promise<void> {
    const key = this.key;
    const started = performance.now();
    try {
      const worker = this.startWorker();
      const signal = this.abort.signal;
      const records = (await this.library.get())?.entries.map((e) => e.record) ?? [];
      const corpus = [...(await this.feedPapers()).map(rankDoc), ...records.map(rankDoc)];
      // Papers that left the feeds' caches and the library (an unfollowed category, a removed
      // paper) leave the corpus too: they are no longer negatives, and a long session does not
      // keep every paper it ever saw.
      const current = new Set(corpus.map((d) => d.id));
      const gone = [...this.upserted.keys()].filter((id) => !current.has(id));
      if (gone.length) {
        await worker.remove(gone, { signal });
        gone.forEach((id) => this.upserted.delete(id));
      }
      const docs = corpus.filter((d) => this.upserted.get(d.id) !== docKey(d));
      if (docs.length) {
        await worker.upsert(docs, { signal });
        docs.forEach((d) => this.upserted.set(d.id, docKey(d)));
      }
      const tag = key.startsWith('tag:') ? key.slice(4) : undefined;
      const trained = await worker.train(libraryPositives(records, tag), { key, signal });
      const ranking = await worker.rank(undefined, { key, signal });
      this.logger.info(
        `Recommendations (${key}): ${ranking.mode === 'model' ? `${trained.positives} positives, ${trained.negatives} negatives` : ranking.reason}; ranked ${ranking.ids.length} papers in ${(performance.now() - started).toFixed(0)} ms`,
      );
      this.publish({ kind: 'ready', index: new RankIndex(ranking), key, computedAt: Date.now() });
    } catch (e) {
      if (isCancelled(e) || this.abort.signal.aborted) return;
      const message = describeError(e);
      this.logger.error(`Recommendations failed: ${message}`);
      // A dead worker is replaced on the next attempt, and the corpus re-sent to it.
      void this.worker?.dispose();
      this.worker = undefined;
      this.upserted.clear();
      this.publish({ kind: 'failed', message });
    }
  }

  private startWorker(): RankingWorker {
    this.worker ??= new RankingWorker({ workerPath: path.join(this.context.extensionPath, 'dist', 'rankingWorker.js') });
    return this.worker;
  }

  private async feedPapers(): Promise<PaperDetails[]> {
    const { subscriptions } = settings.subscriptions();
    const papers: PaperDetails[] = [];
    for (const sub of subscriptions) {
      const cache = await this.services.feeds.load(subscriptionKey(sub));
      papers.push(...cache.papers.map((p) => p.paper));
    }
    return papers;
  }

  private publish(state: RecommendationState): void {
    this.current = state;
    this.changed.fire(state);
  }

  dispose(): void {
    clearTimeout(this.settle);
    this.abort.abort();
    void this.worker?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function rankDoc(p: { id: string; title: string; summary: string | null; published?: string | null }): RankDoc {
  return { id: p.id, title: p.title, summary: p.summary, published: p.published ?? null };
}

/** What tells two texts of one paper apart cheaply (a new version changes its abstract). */
function docKey(d: RankDoc): string {
  return `${d.title.length}\u0000${d.summary?.length ?? 0}`;
}
