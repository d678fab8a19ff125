/**
 * The operations a ranking service runs, as plain data: what crosses the worker boundary and
 * what the chunked runner queues. `taskFor` maps one onto the engine.
 */
import type { PaperRef, RankingEngine } from './rankingEngine';
import type { Task } from './tasks';
import type { CorpusStats, Explanation, RankDoc, RankerKey, Ranking, TrainSummary } from './types';

export type EngineRequest =
  | { op: 'upsert'; docs: RankDoc[] }
  | { op: 'remove'; ids: string[] }
  | { op: 'prepare' }
  | { op: 'train'; positives: PaperRef[]; key: RankerKey }
  | { op: 'rank'; candidates?: PaperRef[]; key: RankerKey }
  | { op: 'explain'; paper: PaperRef; key: RankerKey; limit: number }
  | { op: 'stats' };

export interface EngineResults {
  upsert: CorpusStats;
  remove: CorpusStats;
  prepare: CorpusStats;
  train: TrainSummary;
  rank: Ranking;
  explain: Explanation;
  stats: CorpusStats;
}

export function taskFor(engine: RankingEngine, request: EngineRequest): Task<EngineResults[EngineRequest['op']]> {
  switch (request.op) {
    case 'upsert':
      return engine.upsert(request.docs);
    case 'remove':
      return engine.remove(request.ids);
    case 'prepare':
      return engine.prepare();
    case 'train':
      return engine.train(request.positives, request.key);
    case 'rank':
      return engine.rank(request.candidates, request.key);
    case 'explain':
      return engine.explain(request.paper, request.key, request.limit);
    case 'stats':
      return (function* () {
        return engine.stats();
      })();
  }
}
