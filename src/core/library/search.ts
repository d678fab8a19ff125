/**
 * Full-text search over papers, as you type: the library (title, authors, abstract, tags, the
 * user's notes) and, with the same index type, the 50,000-paper feed cache.
 *
 * Chosen by measurement (test/bench/library.bench.ts, LIBRARY_BENCH_COMPARE=1) on 50,000 recombined
 * arXiv papers against the targets build <= 5 s, heap <= 100 MB, query p95 <= 10 ms:
 * MiniSearch 7 (prefix + fuzzy) builds in ~28 s into ~270 MB with p95 > 100 ms; FlexSearch 0.8 with
 * exact terms builds in ~8-9 s of CPU into ~86 MB, and as-you-type queries (each completion of the
 * half-typed word is another intersection) reach p95 10-15 ms. Its cost is per (paper, term) pair,
 * 6.2 million of them here, so no option tunes it under 5 s. This index files each pair with one
 * array push, in a slot that records whether the term is in the title, byline or abstract, and
 * answers a query in one pass per word over the posting lists of all its readings.
 */
import type { Paper } from '../arxiv/types';
import { type IndexedText, InvertedIndex, SLOTS } from './invertedIndex';
import type { LibraryEntry } from './store';
import { tokenize } from './tokenize';
import { Vocabulary } from './vocabulary';

export interface SearchDocument {
  /** The paper's arXiv id. */
  id: string;
  title: string;
  authors: readonly string[];
  abstract: string;
  tags?: readonly string[];
  /** The user's reading notes. */
  notes?: string;
}

export interface SearchHit {
  id: string;
  /** Higher is better; only meaningful within one result list. */
  score: number;
}

export interface PaperIndex {
  readonly size: number;
  /** Adds a paper, or replaces the one with the same id. */
  add(doc: SearchDocument): void;
  /** Many papers at once (a load or a feed refresh); faster than one by one. */
  addAll(docs: Iterable<SearchDocument>): void;
  remove(id: string): void;
  has(id: string): boolean;
  clear(): void;
  /**
   * Papers containing every word of the query, in any field. A last word without a space after
   * it is still being typed and also matches as a prefix; a word the index does not know also
   * matches terms one typo away. Best first: papers with the words in the title, then in the
   * authors or tags, then in the abstract, and exact words before completions and typo matches.
   */
  search(query: string, options?: { limit?: number }): SearchHit[];
}

/** Completions tried for a half-typed word, and near misses for an unknown one. */
const COMPLETIONS = 3;
const NEAR_MISSES = 3;
/** How much less a completion or a typo match counts than the word itself. */
const COMPLETION_WEIGHT = 0.8;
const NEAR_MISS_WEIGHT = 0.6;
/** Slots 0 and 1: title, authors, tags. */
const HEAD_SLOTS = 2;

/** One reading of a query word: the word itself, a completion of it, or a near miss. */
interface Reading {
  term: string;
  weight: number;
}

/** How a paper matches the words seen so far. */
interface Match {
  weight: number;
  /** The worst (highest) slot among the matched words. */
  worstSlot: number;
  /** Words matched in the title, authors or tags. */
  inHead: number;
}

export function createPaperIndex(): PaperIndex {
  return new PostingsPaperIndex();
}

class PostingsPaperIndex implements PaperIndex {
  private readonly index = new InvertedIndex();
  private nums = new Map<string, number>();
  /** Paper number -> id; numbers are never reused, so an update gets a new one. */
  private ids: string[] = [];
  private readonly vocabulary = new Vocabulary({ terms: () => this.index.terms(), docCount: (t) => this.index.docCount(t) });

  get size(): number {
    return this.nums.size;
  }

  has(id: string): boolean {
    return this.nums.has(id);
  }

  add(doc: SearchDocument): void {
    const text = indexedText(doc);
    const fresh = [...text.title, ...text.byline, ...text.body].filter((t) => this.index.docCount(t) === 0);
    this.put(doc.id, text);
    for (const term of new Set(fresh)) this.vocabulary.noteNewTerm(term);
  }

  addAll(docs: Iterable<SearchDocument>): void {
    for (const doc of docs) this.put(doc.id, indexedText(doc));
    this.vocabulary.invalidate();
  }

  remove(id: string): void {
    const num = this.nums.get(id);
    if (num === undefined) return;
    this.index.remove(num);
    this.nums.delete(id);
  }

  clear(): void {
    this.index.clear();
    this.nums.clear();
    this.ids = [];
    this.vocabulary.invalidate();
  }

  search(query: string, options: { limit?: number } = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    const words = tokenize(query);
    if (words.length === 0) return [];
    const typing = /[\p{L}\p{N}]$/u.test(query);
    const readings = words.map((w, i) => this.readingsOf(w, typing && i === words.length - 1));
    if (readings.some((r) => r.length === 0)) return []; // some word matches nothing
    // Rarest word first: each later word then only probes the papers still in the running.
    const cost = (r: Reading[]) => r.reduce((n, { term }) => n + this.index.docCount(term), 0);
    readings.sort((a, b) => cost(a) - cost(b));
    // A title hit counts most, then how far into the text the worst word is; weights discount
    // completions and typo matches.
    const score = (m: Match) => m.weight * ((2 * m.inHead) / words.length + (SLOTS - m.worstSlot) / SLOTS);
    let matches: Map<number, Match> | undefined;
    for (const word of readings) {
      matches = this.narrow(matches, word, score, words.length === 1 ? limit : Infinity);
      if (matches.size === 0) return [];
    }
    return [...(matches ?? [])]
      .map(([num, m]) => ({ num, score: score(m) }))
      .sort((a, b) => b.score - a.score || a.num - b.num)
      .slice(0, limit)
      .map(({ num, score: s }) => ({ id: this.ids[num], score: s }));
  }

  private put(id: string, text: IndexedText): void {
    this.remove(id);
    const num = this.ids.length;
    this.ids.push(id);
    this.nums.set(id, num);
    this.index.add(num, text);
  }

  /**
   * The papers of `previous` (all papers, when undefined) that also contain one of the readings of
   * the next word, each with the reading that scores best. With `perReading`, only that many papers
   * are taken from each reading's best slots: enough for a one-word query, ranked by slot alone.
   */
  private narrow(previous: Map<number, Match> | undefined, word: Reading[], score: (m: Match) => number, perReading: number): Map<number, Match> {
    const next = new Map<number, Match>();
    for (const { term, weight } of word) {
      const slots = this.index.slots(term);
      let taken = 0;
      for (let slot = 0; slot < slots.length && taken < perReading; slot++) {
        for (const num of slots[slot] ?? []) {
          if (!this.index.isLive(num)) continue;
          const before = previous ? previous.get(num) : { weight: 1, worstSlot: 0, inHead: 0 };
          if (!before) continue;
          const match = {
            weight: before.weight * weight,
            worstSlot: Math.max(before.worstSlot, slot),
            inHead: before.inHead + (slot < HEAD_SLOTS ? 1 : 0),
          };
          const known = next.get(num);
          if (!known || score(match) > score(known)) next.set(num, match);
          if (++taken >= perReading) break;
        }
      }
    }
    return next;
  }

  private readingsOf(word: string, typing: boolean): Reading[] {
    const readings: Reading[] = [];
    if (this.index.docCount(word) > 0) readings.push({ term: word, weight: 1 });
    if (typing) for (const term of this.vocabulary.completions(word, COMPLETIONS)) readings.push({ term, weight: COMPLETION_WEIGHT });
    if (readings.length === 0) for (const term of this.vocabulary.similar(word, NEAR_MISSES, typing)) readings.push({ term, weight: NEAR_MISS_WEIGHT });
    return readings;
  }
}

function indexedText(doc: SearchDocument): IndexedText {
  return {
    title: tokenize(doc.title),
    byline: [...tokenize(doc.authors.join(' ')), ...tokenize((doc.tags ?? []).join(' '))],
    body: [...tokenize(doc.abstract), ...tokenize(doc.notes ?? '')],
  };
}

export function searchDocumentOfEntry(entry: LibraryEntry): SearchDocument {
  const { record } = entry;
  return { id: record.id, title: record.title, authors: record.authors, abstract: record.summary ?? '', tags: record.tags, notes: entry.body };
}

export function searchDocumentOfPaper(paper: Paper): SearchDocument {
  return { id: paper.id, title: paper.title, authors: paper.authors.map((a) => a.name), abstract: paper.summary };
}
