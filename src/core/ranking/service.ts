/**
 * What the extension uses to rank: the same asynchronous API whether the engine runs in a worker
 * thread (RankingWorker) or in slices on the event loop (ChunkedRanker). Calls run one at a time,
 * in order; each can be cancelled with an AbortSignal (a CancelledError then rejects it).
 */
import type { PaperRef } from './rankingEngine';
import type { EngineRequest, EngineResults } from './requests';
import { LIBRARY_RANKER, type CorpusStats, type Explanation, type RankDoc, type RankerKey, type Ranking, type TrainSummary } from './types';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface KeyOptions extends CallOptions {
  /** Which ranker: the library (default) or a tag's, e.g. 'tag:vision'. */
  key?: RankerKey;
}

export interface RankingService {
  /** Adds papers (feed cache, search results) to the corpus, or updates their text. */
  upsert(docs: readonly RankDoc[], options?: CallOptions): Promise<CorpusStats>;
  remove(ids: readonly string[], options?: CallOptions): Promise<CorpusStats>;
  /** Fits the vocabulary if due, so the next train/rank is quick. */
  prepare(options?: CallOptions): Promise<CorpusStats>;
  /** Retrains a ranker when the library (or a tag) changes; warm-started. */
  train(positives: readonly PaperRef[], options?: KeyOptions): Promise<TrainSummary>;
  /** Scores candidates (default: the whole corpus), best first; by date with a reason below 3 positives. */
  rank(candidates?: readonly PaperRef[], options?: KeyOptions): Promise<Ranking>;
  /** The top terms a paper shares with the library. */
  explain(paper: PaperRef, options?: KeyOptions & { limit?: number }): Promise<Explanation>;
  stats(options?: CallOptions): Promise<CorpusStats>;
  dispose(): Promise<void>;
}

/** Turns the service methods into requests; subclasses only execute them. */
export abstract class RequestService implements RankingService {
  protected abstract execute<K extends EngineRequest['op']>(
    request: Extract<EngineRequest, { op: K }>,
    signal?: AbortSignal,
  ): Promise<EngineResults[K]>;

  abstract dispose(): Promise<void>;

  upsert(docs: readonly RankDoc[], options: CallOptions = {}): Promise<CorpusStats> {
    // Not copied here: 50,000 papers at once would hold the event loop; the worker copies in pieces.
    return this.execute({ op: 'upsert', docs: docs as RankDoc[] }, options.signal);
  }

  remove(ids: readonly string[], options: CallOptions = {}): Promise<CorpusStats> {
    return this.execute({ op: 'remove', ids: [...ids] }, options.signal);
  }

  prepare(options: CallOptions = {}): Promise<CorpusStats> {
    return this.execute({ op: 'prepare' }, options.signal);
  }

  train(positives: readonly PaperRef[], options: KeyOptions = {}): Promise<TrainSummary> {
    return this.execute({ op: 'train', positives: positives.map(plainRef), key: options.key ?? LIBRARY_RANKER }, options.signal);
  }

  rank(candidates?: readonly PaperRef[], options: KeyOptions = {}): Promise<Ranking> {
    return this.execute({ op: 'rank', candidates: candidates?.map(plainRef), key: options.key ?? LIBRARY_RANKER }, options.signal);
  }

  explain(paper: PaperRef, options: KeyOptions & { limit?: number } = {}): Promise<Explanation> {
    return this.execute({ op: 'explain', paper: plainRef(paper), key: options.key ?? LIBRARY_RANKER, limit: options.limit ?? 8 }, options.signal);
  }

  stats(options: CallOptions = {}): Promise<CorpusStats> {
    return this.execute({ op: 'stats' }, options.signal);
  }
}

/** Only the fields the engine reads: a Paper's authors and links need not cross to a worker. */
export function plainRef(ref: PaperRef): PaperRef {
  return typeof ref === 'string' ? ref : { id: ref.id, title: ref.title, summary: ref.summary, published: ref.published ?? null };
}
