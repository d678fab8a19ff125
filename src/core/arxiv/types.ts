/**
 * The paper record every part of Paper Practice shares. It is the JSON shape the CLI prints with
 * `--json`, so field names and null-ness are part of the public contract.
 */
export interface Author {
  name: string;
  affiliations: readonly string[];
}

export interface PaperLinks {
  abs: string;
  pdf: string;
  doi: string | null;
}

/** How a daily feed announced a paper, relative to the categories requested. */
export type AnnounceType = 'new' | 'cross' | 'replace' | 'replace-cross';

export interface Paper {
  /** Normalized id without version: `1605.08386`, `hep-th/9901001`. */
  id: string;
  /** Version number of the record (1 when the source gives none). */
  version: number;
  title: string;
  summary: string;
  authors: Author[];
  /** ISO 8601 UTC instants, or null when the source has none. */
  published: string | null;
  updated: string | null;
  primaryCategory: string | null;
  /** arXiv categories only (ACM/MSC codes live in `otherClassifications`). */
  categories: string[];
  comment: string | null;
  journalRef: string | null;
  doi: string | null;
  links: PaperLinks;
  /** Daily feeds only; null for API results. */
  announceType: AnnounceType | null;
}

/** A paper plus the fields only some sources carry; never printed in the CLI contract. */
export interface PaperDetails extends Paper {
  /** ACM / MSC classification terms, kept apart from arXiv categories. */
  otherClassifications: readonly string[];
  /** Licence URL from the feeds' dc:rights, null when absent. */
  license: string | null;
}

export type ResponseKind = 'api' | 'rss' | 'atom';

export interface ParsedResponse {
  kind: ResponseKind;
  /** opensearch:totalResults for API responses; null for feeds. */
  totalResults: number | null;
  /** API paging echo (opensearch:startIndex / itemsPerPage); null for feeds. */
  startIndex: number | null;
  itemsPerPage: number | null;
  /** Feed title (API: the echoed query; feeds: the channel title). */
  title: string | null;
  /** Feeds: the announcement day as an ISO instant (channel pubDate / feed updated); null for API. */
  announced: string | null;
  papers: PaperDetails[];
}
