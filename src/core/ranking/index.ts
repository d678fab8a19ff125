/** Recommendations: tf-idf + linear SVM ranking of papers by similarity to the library (issue 7). */
export { ChunkedRanker, type ChunkedRankerOptions } from './chunkedRanker';
export { DEFAULT_SVC, trainLinearSvc, decisionFunction, type SvcModel, type SvcOptions, type SvcResult } from './linearSvc';
export { fitTfidf, type FitResult } from './fitTfidf';
export { libraryPositives, tagRankerKey, type LibraryPaperLike } from './positives';
export { DEFAULT_RANKING_OPTIONS, RankingEngine, type PaperRef, type RankingOptions, type RefitPolicy } from './rankingEngine';
export { RankingWorker, type RankingWorkerOptions } from './rankingWorker';
export type { CallOptions, KeyOptions, RankingService } from './service';
export type { SparseVector } from './sparse';
export { CancelledError, isCancelled, runChunked, runSync, type ChunkOptions, type Task } from './tasks';
export { ARXIV_SANITY_TFIDF, type TfidfOptions } from './tfidfOptions';
export { tokenize } from './tokenizer';
export { stripLatex } from './latex';
export type { Csr } from './rowBuilder';
export type { DocText, TfidfVocabulary } from './vocabulary';
export * from './types';
