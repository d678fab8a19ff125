import type { PaperDetails, ParsedResponse } from '../../src/core/arxiv/types';

/** A complete paper record for tests; override what the test is about. */
export function makePaper(overrides: Partial<PaperDetails> = {}): PaperDetails {
  const id = overrides.id ?? '2604.26951';
  const version = overrides.version ?? 1;
  return {
    id,
    version,
    title: 'A paper',
    summary: 'An abstract.',
    authors: [{ name: 'Ada Lovelace', affiliations: [] }],
    published: '2026-04-29T17:59:59.000Z',
    updated: '2026-04-29T17:59:59.000Z',
    primaryCategory: 'cs.LG',
    categories: ['cs.LG'],
    comment: null,
    journalRef: null,
    doi: null,
    links: { abs: `https://arxiv.org/abs/${id}v${version}`, pdf: `https://arxiv.org/pdf/${id}v${version}`, doi: null },
    announceType: null,
    otherClassifications: [],
    license: null,
    ...overrides,
  };
}

export function makeFeedResponse(papers: PaperDetails[], announced: string): ParsedResponse {
  return { kind: 'rss', totalResults: null, startIndex: null, itemsPerPage: null, title: 'feed', announced, papers };
}
