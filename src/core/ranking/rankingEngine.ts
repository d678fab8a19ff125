/**
 * The ranker itself, free of threads and of VS Code: a corpus of papers, its tf-idf vocabulary,
 * and one linear SVM per ranker key (the library, or a tag). Every operation is a Task, so the
 * same code runs to completion in the worker thread or in slices on the extension host.
 *
 * Incremental by design: new papers are vectorized with the existing vocabulary and idf (as
 * sklearn's `transform` does) until the corpus has grown by half or its texts use noticeably more
 * unknown words than the fitted corpus did; only then is the vocabulary refitted. Each training
 * starts from the previous one's dual variables, so a new library paper costs a few epochs.
 *
 * Not re-entrant: callers run one task at a time (RankingWorker and ChunkedRanker queue them).
 */
import { Corpus, publishedDays } from './corpus';
import { sharedTerms } from './explain';
import { fitTfidf, type FitProfile } from './fitTfidf';
import { decisionFunction, decisionFunctionOfBlock, DEFAULT_SVC, svcScratch, trainLinearSvc, type SvcModel, type SvcOptions } from './linearSvc';
import { recencyOrder, recencyReasons } from './recency';
import { RowStore } from './rowStore';
import { argsortDescendingTask } from './sorting';
import { EMPTY_VECTOR, type SparseVector } from './sparse';
import type { Task } from './tasks';
import { ARXIV_SANITY_TFIDF, type TfidfOptions } from './tfidfOptions';
import {
  LIBRARY_RANKER,
  type CorpusStats,
  type Explanation,
  type RankDoc,
  type RankerKey,
  type Ranking,
  type TrainSummary,
} from './types';
import type { TfidfVocabulary } from './vocabulary';

export interface RefitPolicy {
  /** Refit when the documents added since the fit exceed this share of the fitted corpus. */
  growth: number;
  /** Refit when new texts' share of unknown tokens exceeds the fitted corpus's by this much... */
  unknownIncrease: number;
  /** ...measured over at least this many new tokens. */
  minTokens: number;
}

export interface RankingOptions {
  tfidf: TfidfOptions;
  svc: SvcOptions;
  /** Fewer positives than this: sort by date and say why. */
  minPositives: number;
  refit: RefitPolicy;
}

export const DEFAULT_RANKING_OPTIONS: Readonly<RankingOptions> = {
  tfidf: ARXIV_SANITY_TFIDF,
  svc: DEFAULT_SVC,
  minPositives: 3,
  refit: { growth: 0.5, unknownIncrease: 0.05, minTokens: 5_000 },
};

export type PaperRef = string | RankDoc;

interface Trained {
  model: SvcModel;
  alpha: Float64Array;
  /** Corpus ids in the order `alpha` is in. */
  alphaIds: string[];
  labels: Int8Array;
  corpusGeneration: number;
  vocabularyGeneration: number;
  positivesVersion: number;
}

interface RankerState {
  positives: Set<string>;
  /** Changes with the positives, so a model trained on others is never taken as current. */
  positivesVersion: number;
  trained: Trained | null;
}

interface Candidates {
  /** The corpus's own arrays for the whole corpus: read, never kept or changed. */
  ids: readonly string[];
  published: readonly number[];
  /** The candidates' rows; null for the whole corpus, whose rows are scored as one block. */
  rows: SparseVector[] | null;
}

const DOCS_PER_STEP = 32;

export class RankingEngine {
  readonly options: RankingOptions;
  private readonly corpus = new Corpus();
  private vocabulary: TfidfVocabulary | null = null;
  private vocabularyGeneration = 0;
  private refitPending = true;
  private since = { docs: 0, tokens: 0, unknown: 0 };
  private readonly rankers = new Map<RankerKey, RankerState>();
  private readonly svcScratch = svcScratch();
  /** Where the last vocabulary fit spent its time. */
  lastFit: FitProfile | null = null;

  constructor(options: Partial<RankingOptions> = {}) {
    this.options = { ...DEFAULT_RANKING_OPTIONS, ...options };
  }

  stats(): CorpusStats {
    return {
      documents: this.corpus.size,
      features: this.vocabulary?.size ?? 0,
      fittedDocuments: this.vocabulary?.fittedDocs ?? 0,
      addedSinceFit: this.since.docs,
      refitPending: this.refitPending,
    };
  }

  /** The feature names, for inspection and tests. */
  terms(): readonly string[] {
    return this.vocabulary?.terms ?? [];
  }

  /** Adds papers to the corpus (or updates their text); new ones are vectorized with the current vocabulary. */
  *upsert(docs: readonly RankDoc[]): Task<CorpusStats> {
    // Until the rows are committed below, the safe state is "refit due": a task stopped half-way leaves that.
    const wasPending = this.refitPending;
    this.refitPending = true;
    const changed: number[] = [];
    this.corpus.reserve(docs.length);
    for (let from = 0; from < docs.length; from += 2048) {
      for (const i of this.corpus.upsert(docs, from, Math.min(docs.length, from + 2048))) changed.push(i);
      yield;
    }
    const vocabulary = this.vocabulary;
    if (changed.length === 0 || !vocabulary || wasPending) {
      this.refitPending = wasPending || changed.length > 0;
      return this.stats();
    }
    const rows: SparseVector[] = [];
    const since = { ...this.since };
    for (let k = 0; k < changed.length; k++) {
      const v = vocabulary.vectorize(this.corpus.texts[changed[k]]);
      rows.push(v.row);
      since.docs++;
      since.tokens += v.tokens;
      since.unknown += v.unknown;
      if (k % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
    }
    for (let k = 0; k < changed.length; k++) this.corpus.rows.set(changed[k], rows[k]);
    this.since = since;
    this.refitPending = this.drifted(vocabulary);
    return this.stats();
  }

  /** Fits the vocabulary now if it is due (train and rank would do it first anyway), e.g. while the user is idle. */
  *prepare(): Task<CorpusStats> {
    if (this.refitPending) yield* this.fit();
    return this.stats();
  }

  *remove(ids: readonly string[]): Task<CorpusStats> {
    this.corpus.remove(ids);
    for (const state of this.rankers.values()) {
      for (const id of ids) if (state.positives.delete(id)) state.positivesVersion++;
    }
    return this.stats();
  }

  /**
   * (Re)trains a ranker on these positives (ids in the corpus, or papers with their text, which
   * join the corpus); every other corpus paper is a negative. Warm-starts from the last training.
   */
  *train(positives: readonly PaperRef[], key: RankerKey = LIBRARY_RANKER): Task<TrainSummary> {
    const docs = positives.filter((p): p is RankDoc => typeof p !== 'string');
    if (docs.length > 0) yield* this.upsert(docs);
    const wanted = [...new Set(positives.map((p) => (typeof p === 'string' ? p : p.id)))];
    const missing = wanted.filter((id) => this.corpus.indexOf(id) < 0);
    const state: RankerState = this.rankers.get(key) ?? { positives: new Set(), positivesVersion: 0, trained: null };
    state.positives = new Set(wanted.filter((id) => this.corpus.indexOf(id) >= 0));
    state.positivesVersion++;
    this.rankers.set(key, state);
    return yield* this.fitRanker(key, state, missing);
  }

  /** Scores candidates (default: the whole corpus), best first; by date, with the reason, when there is no model. */
  *rank(candidates?: readonly PaperRef[], key: RankerKey = LIBRARY_RANKER): Task<Ranking> {
    const state = this.rankers.get(key);
    const positives = state?.positives.size ?? 0;
    if (!state) {
      const reason = key === LIBRARY_RANKER ? recencyReasons.fewPositives(key, 0, this.options.minPositives) : recencyReasons.untrained(key);
      return yield* this.byDate(key, positives, reason, candidates);
    }
    const trained = yield* this.freshModel(key, state);
    if (typeof trained === 'string') return yield* this.byDate(key, positives, trained, candidates);
    const c = this.candidates(candidates, true);
    const scores = c.rows ? yield* decisionFunction(c.rows, trained.model) : yield* decisionFunctionOfBlock(yield* this.corpus.rows.blockTask(), trained.model);
    const order = yield* argsortDescendingTask(scores);
    return {
      key,
      mode: 'model',
      reason: null,
      positives,
      ids: pick(c.ids, order),
      scores: pickScores(scores, order),
    };
  }

  /** The terms `paper` shares with the ranker's positives that raise its score most. */
  *explain(paper: PaperRef, key: RankerKey = LIBRARY_RANKER, limit = 8): Task<Explanation> {
    const id = typeof paper === 'string' ? paper : paper.id;
    const state = this.rankers.get(key);
    const trained = state ? yield* this.freshModel(key, state) : null;
    const model = trained && typeof trained !== 'string' ? trained.model : null;
    // Without a model the vocabulary may not be fitted yet; the library's mean vector still needs it.
    if (this.refitPending) yield* this.fit();
    const vocabulary = this.vocabulary;
    const row = this.candidates([paper], true).rows?.[0];
    const mode = model ? 'model' : 'recency';
    if (!state || !vocabulary || !row) return { id, key, mode, score: null, terms: [] };
    const positives = [...state.positives].map((p) => this.corpus.rows.row(this.corpus.indexOf(p))).filter((r): r is SparseVector => !!r);
    const terms = sharedTerms(row, positives, model?.weights ?? null, vocabulary.terms, limit);
    const score = model ? (yield* decisionFunction([row], model))[0] : null;
    return { id, key, mode, score, terms };
  }

  private drifted(vocabulary: TfidfVocabulary): boolean {
    const { growth, unknownIncrease, minTokens } = this.options.refit;
    if (this.since.docs > growth * vocabulary.fittedDocs) return true;
    return this.since.tokens >= minTokens && this.since.unknown / this.since.tokens - vocabulary.baselineUnknown > unknownIncrease;
  }

  private *fit(): Task<void> {
    if (this.corpus.size === 0) {
      this.vocabulary = null;
    } else {
      const { vocabulary, csr, profile } = yield* fitTfidf(this.corpus.texts, this.options.tfidf);
      this.lastFit = profile;
      this.vocabulary = vocabulary.size > 0 ? vocabulary : null;
      this.corpus.rows = new RowStore(csr);
    }
    this.vocabularyGeneration++;
    this.refitPending = false;
    this.since = { docs: 0, tokens: 0, unknown: 0 };
  }

  /** The ranker's model for the current corpus and vocabulary, retrained if either changed; or why there is none. */
  private *freshModel(key: RankerKey, state: RankerState): Task<Trained | string> {
    const t = state.trained;
    const fresh =
      t &&
      !this.refitPending &&
      t.corpusGeneration === this.corpus.generation &&
      t.vocabularyGeneration === this.vocabularyGeneration &&
      t.positivesVersion === state.positivesVersion;
    if (!fresh) {
      const summary = yield* this.fitRanker(key, state, []);
      if (summary.reason) return summary.reason;
    }
    return state.trained!;
  }

  private *fitRanker(key: RankerKey, state: RankerState, missing: string[]): Task<TrainSummary> {
    const positives = state.positives.size;
    const base = { key, positives, missing, negatives: 0, iterations: 0, converged: false, warmStart: false, refitted: false };
    if (positives < this.options.minPositives) {
      return { ...base, mode: 'recency', reason: recencyReasons.fewPositives(key, positives, this.options.minPositives) };
    }
    const refitted = this.refitPending;
    if (refitted) yield* this.fit();
    const vocabulary = this.vocabulary;
    if (!vocabulary) return { ...base, refitted, mode: 'recency', reason: recencyReasons.nothingToLearn() };
    const n = this.corpus.size;
    if (positives >= n) return { ...base, refitted, mode: 'recency', reason: recencyReasons.noNegatives() };

    const labels = new Int8Array(n).fill(-1);
    for (const id of state.positives) labels[this.corpus.indexOf(id)] = 1;
    const warm = state.trained ? this.carryAlpha(state.trained, labels) : undefined;
    const X = yield* this.corpus.rows.blockTask();
    const result = yield* trainLinearSvc(X, labels, vocabulary.size, this.options.svc, warm, this.svcScratch);
    state.trained = {
      model: result.model,
      alpha: result.alpha,
      // The same corpus (a change of positives only): the previous copy of its ids still holds.
      alphaIds: state.trained?.corpusGeneration === this.corpus.generation ? state.trained.alphaIds : this.corpus.ids.slice(),
      labels,
      corpusGeneration: this.corpus.generation,
      vocabularyGeneration: this.vocabularyGeneration,
      positivesVersion: state.positivesVersion,
    };
    return {
      ...base,
      refitted,
      mode: 'model',
      reason: null,
      negatives: n - positives,
      iterations: result.iterations,
      converged: result.converged,
      warmStart: warm !== undefined,
    };
  }

  /**
   * The previous dual variables re-indexed to the current corpus; 0 for new papers and for papers
   * whose label flipped. Papers that kept their place need no lookup; the others are found
   * through the corpus's own index (a map of the previous ids would cost megabytes per training).
   */
  private carryAlpha(previous: Trained, labels: Int8Array): Float64Array {
    const ids = this.corpus.ids;
    const alpha = new Float64Array(ids.length);
    for (let j = 0; j < previous.alphaIds.length; j++) {
      const id = previous.alphaIds[j];
      const i = j < ids.length && ids[j] === id ? j : this.corpus.indexOf(id);
      if (i >= 0 && previous.labels[j] === labels[i]) alpha[i] = previous.alpha[j];
    }
    return alpha;
  }

  /** Ids, dates and (when `withRows`) rows of the candidates; papers outside the corpus are vectorized on the fly, unknown ids skipped. */
  private candidates(refs: readonly PaperRef[] | undefined, withRows: boolean): Candidates {
    const corpus = this.corpus;
    if (!refs) return { ids: corpus.ids, published: corpus.published, rows: null };
    const c = { ids: [] as string[], published: [] as number[], rows: [] as SparseVector[] };
    for (const ref of refs) {
      const id = typeof ref === 'string' ? ref : ref.id;
      const i = corpus.indexOf(id);
      if (i < 0 && typeof ref === 'string') continue;
      c.ids.push(id);
      c.published.push(i >= 0 ? corpus.published[i] : publishedDays(ref as RankDoc));
      if (!withRows) continue;
      const row = i >= 0 ? corpus.rows.row(i) : this.vocabulary?.vectorize(ref as RankDoc).row;
      c.rows.push(row ?? EMPTY_VECTOR);
    }
    return c;
  }

  private *byDate(key: RankerKey, positives: number, reason: string, refs?: readonly PaperRef[]): Task<Ranking> {
    const c = this.candidates(refs, false);
    const order = yield* recencyOrder(c.published, c.ids, Int32Array.from(c.ids.keys()));
    return {
      key,
      mode: 'recency',
      reason,
      positives,
      ids: pick(c.ids, order),
      scores: pickScores(c.published, order),
    };
  }
}

function pick(ids: readonly string[], order: Int32Array): string[] {
  const out = new Array<string>(order.length);
  for (let k = 0; k < order.length; k++) out[k] = ids[order[k]];
  return out;
}

function pickScores(scores: ArrayLike<number>, order: Int32Array): Float32Array {
  const out = new Float32Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = scores[order[k]];
  return out;
}
