/** Small hand-made notes and records for the parser and store tests. */
import type { Paper } from '../../../../src/core/arxiv/types';
import type { LibraryRecord } from '../../../../src/core/library/record';

export const RECORD: LibraryRecord = {
  id: '1706.03762',
  version: 7,
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Łukasz Kaiser'],
  published: '2017-06-12T17:57:34Z',
  primaryCategory: 'cs.CL',
  categories: ['cs.CL', 'cs.LG'],
  status: 'inbox',
  tags: ['transformers'],
  added: '2024-05-17',
  started: null,
  finished: null,
  abs: 'https://arxiv.org/abs/1706.03762v7',
  pdf: 'https://arxiv.org/pdf/1706.03762v7',
  doi: null,
  journalRef: null,
  comment: '15 pages, 5 figures',
  summary: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
};

/** A note as a person would edit it: comments, odd spacing, quoting, a key of their own, CRLF-free. */
export const HAND_EDITED = [
  '---',
  '# Read for the reading group',
  'id: 1605.08380',
  'version: 2',
  'title: "Deep Dreams: a study"',
  'authors:',
  '- Ada Lovelace   # first author',
  '- Alan Turing',
  'status: to read',
  'tags:   [vision,  "2024"]',
  'added: 2024-01-05',
  'priority: high',
  '',
  '# links below',
  'abs: https://arxiv.org/abs/1605.08380v2',
  '---',
  '',
  '# My notes',
  '',
  'The loss in eq. 3 looks odd; check the appendix.',
  '',
].join('\n');

export function paper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: '1706.03762',
    version: 7,
    title: 'Attention Is All\n  You Need',
    summary: '  The dominant sequence transduction models are based on complex recurrent\nor convolutional neural networks.\n',
    authors: [
      { name: 'Ashish Vaswani', affiliations: [] },
      { name: 'Noam Shazeer', affiliations: ['Google Brain'] },
    ],
    published: '2017-06-12T17:57:34Z',
    updated: '2023-08-02T00:41:18Z',
    primaryCategory: 'cs.CL',
    categories: ['cs.CL', 'cs.LG'],
    comment: '15 pages, 5 figures',
    journalRef: null,
    doi: null,
    links: { abs: 'https://arxiv.org/abs/1706.03762v7', pdf: 'https://arxiv.org/pdf/1706.03762v7', doi: null },
    announceType: null,
    ...overrides,
  };
}
