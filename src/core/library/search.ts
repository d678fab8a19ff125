/**
 * Full-text search over papers, as you type: the library (title, authors, abstract, tags, the
 * user's notes) and, with the same index type, the 50,000-paper feed cache.
 *
 * FlexSearch holds the inverted index; it was chosen by measurement (see test/bench/library.bench.ts
 * and the commit message): at 50,000 papers MiniSearch needed ~270 MB and p95 > 100 ms, FlexSearch
 * with exact-term ("strict") tokenization ~75 MB and a few ms. Prefix and fuzzy matching come from
 * a vocabulary lookup here instead of FlexSearch's forward/tolerant tokenizers, which multiply the
 * index size by the word length. Nothing outside this file sees FlexSearch.
 */
import { Index } from 'flexsearch';
import type { Paper } from '../arxiv/types';
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
   * matches terms one typo away. Best first.
   */
  search(query: string, options?: { limit?: number }): SearchHit[];
}

/** Completions tried for a half-typed word, and near misses for an unknown one. */
const COMPLETIONS = 3;
const NEAR_MISSES = 3;
/** Word combinations tried per query (each one FlexSearch lookup). */
const MAX_COMBOS = 4;
/** Candidates taken from each lookup before ranking. */
const CANDIDATES = 100;
/**
 * FlexSearch scores by a term's position in the text, in this many slots. Title, authors and tags
 * come first in the indexed text, so their terms land in the best slots.
 */
const RESOLUTION = 9;

interface Choice {
  terms: string[];
  weight: number;
}

/** FlexSearch 0.8 keeps term -> [slot -> ids]; the vocabulary reads it rather than keeping a copy. */
type TermMap = Map<string, Array<number[] | undefined>>;

export function createPaperIndex(): PaperIndex {
  return new FlexPaperIndex();
}

class FlexPaperIndex implements PaperIndex {
  private index = this.newIndex();
  private nums = new Map<string, number>();
  private ids: Array<string | undefined> = [];
  /** ` title author tag ` terms per paper: a hit there ranks above a hit in the abstract. */
  private heads: Array<string | undefined> = [];
  private readonly vocabulary: Vocabulary;

  constructor() {
    this.vocabulary = new Vocabulary({ terms: () => this.termMap().keys(), docCount: (term) => this.countOf(term) });
  }

  get size(): number {
    return this.nums.size;
  }

  has(id: string): boolean {
    return this.nums.has(id);
  }

  add(doc: SearchDocument): void {
    const terms = this.put(doc);
    // A term with no papers yet is new to the vocabulary (checked after put, so count 1 = new).
    for (const term of terms) if (this.countOf(term) === 1) this.vocabulary.noteNewTerm(term);
  }

  addAll(docs: Iterable<SearchDocument>): void {
    for (const doc of docs) this.put(doc);
    this.vocabulary.invalidate();
  }

  remove(id: string): void {
    const num = this.nums.get(id);
    if (num === undefined) return;
    this.index.remove(num);
    this.nums.delete(id);
    this.ids[num] = undefined;
    this.heads[num] = undefined;
  }

  clear(): void {
    this.index = this.newIndex();
    this.nums.clear();
    this.ids = [];
    this.heads = [];
    this.vocabulary.invalidate();
  }

  search(query: string, options: { limit?: number } = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    const words = tokenize(query);
    if (words.length === 0) return [];
    const typing = /[\p{L}\p{N}]$/u.test(query);
    const choices = words.map((w, i) => this.choicesFor(w, typing && i === words.length - 1));
    if (choices.some((c) => c.length === 0)) return []; // some word matches nothing
    const scores = new Map<number, number>();
    for (const combo of combine(choices)) {
      const found = this.index.search(combo.terms.join(' '), { limit: CANDIDATES }) as number[];
      found.forEach((num, rank) => {
        const head = this.heads[num] ?? '';
        const inHead = combo.terms.filter((t) => head.includes(` ${t} `)).length / combo.terms.length;
        const score = combo.weight * (2 * inHead + 1 / (1 + rank / 20));
        if (score > (scores.get(num) ?? 0)) scores.set(num, score);
      });
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([num, score]) => ({ id: this.ids[num] as string, score }));
  }

  private newIndex(): Index {
    // Papers arrive as term arrays, tokenized here; a query arrives as space-joined terms.
    const encode = (text: string | string[]) => (Array.isArray(text) ? text : text.split(' '));
    return new Index({ tokenize: 'strict', resolution: RESOLUTION, encode: encode as (text: string) => string[] });
  }

  private termMap(): TermMap {
    const map = (this.index as unknown as { map?: unknown }).map;
    if (!(map instanceof Map)) throw new Error('flexsearch no longer exposes Index.map; the search vocabulary needs updating');
    return map as TermMap;
  }

  private countOf(term: string): number {
    let n = 0;
    for (const ids of this.termMap().get(term) ?? []) n += ids?.length ?? 0;
    return n;
  }

  /** Indexes one paper and returns its terms. */
  private put(doc: SearchDocument): string[] {
    let num = this.nums.get(doc.id);
    if (num === undefined) {
      num = this.ids.length;
      this.nums.set(doc.id, num);
      this.ids.push(doc.id);
    }
    const head = [...tokenize(doc.title), ...tokenize(doc.authors.join(' ')), ...tokenize((doc.tags ?? []).join(' '))];
    const terms = [...head, ...tokenize(doc.abstract), ...tokenize(doc.notes ?? '')];
    this.heads[num] = ` ${head.join(' ')} `;
    // FlexSearch replaces an id that is already indexed. Passing the array skips a join and a split
    // of the whole text (the encoder above accepts it), which is a tenth of the build time.
    this.index.add(num, terms as unknown as string);
    return terms;
  }

  private choicesFor(word: string, typing: boolean): Choice[] {
    const choices: Choice[] = [];
    if (this.countOf(word) > 0) choices.push({ terms: [word], weight: 1 });
    if (typing) for (const t of this.vocabulary.completions(word, COMPLETIONS)) choices.push({ terms: [t], weight: 0.8 });
    if (choices.length === 0) for (const t of this.vocabulary.similar(word, NEAR_MISSES, typing)) choices.push({ terms: [t], weight: 0.6 });
    return choices;
  }
}

/** The best few ways to read the query, one term per word, by the product of their weights. */
function combine(choices: Choice[][]): Choice[] {
  let combos: Choice[] = [{ terms: [], weight: 1 }];
  for (const options of choices) {
    combos = combos
      .flatMap((c) => options.map((o) => ({ terms: [...c.terms, ...o.terms], weight: c.weight * o.weight })))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_COMBOS);
  }
  return combos;
}

export function searchDocumentOfEntry(entry: LibraryEntry): SearchDocument {
  const { record } = entry;
  return { id: record.id, title: record.title, authors: record.authors, abstract: record.summary ?? '', tags: record.tags, notes: entry.body };
}

export function searchDocumentOfPaper(paper: Paper): SearchDocument {
  return { id: paper.id, title: paper.title, authors: paper.authors.map((a) => a.name), abstract: paper.summary };
}
