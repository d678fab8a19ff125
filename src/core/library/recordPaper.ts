import type { PaperDetails } from '../arxiv/types';
import type { LibraryRecord } from './record';

/** A library record seen as a paper, for views that show both (detail tab, exports). */
export function paperFromRecord(record: LibraryRecord): PaperDetails {
  return {
    id: record.id,
    version: record.version,
    title: record.title,
    summary: record.summary ?? '',
    authors: record.authors.map((name) => ({ name, affiliations: [] })),
    published: record.published,
    updated: null,
    primaryCategory: record.primaryCategory,
    categories: record.categories,
    comment: record.comment,
    journalRef: record.journalRef,
    doi: record.doi,
    links: {
      abs: record.abs ?? `https://arxiv.org/abs/${record.id}v${record.version}`,
      pdf: record.pdf ?? `https://arxiv.org/pdf/${record.id}v${record.version}`,
      doi: record.doi ? `https://doi.org/${record.doi}` : null,
    },
    announceType: null,
    otherClassifications: [],
    license: null,
  };
}
