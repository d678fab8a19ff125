/** Papers the replication tests scaffold: real ones from the recorded fixtures, and synthesized ones. */
import { parseApiResponse } from '../../../src/core/arxiv/apiParser';
import { parseFeed } from '../../../src/core/arxiv/feedParser';
import type { Paper } from '../../../src/core/arxiv/types';
import { readFixture } from '../../support/paths';

const cache = new Map<string, Paper[]>();

export function fixturePapers(file: string): Paper[] {
  let papers = cache.get(file);
  if (!papers) {
    const xml = readFixture(file);
    papers = file.startsWith('api-') ? parseApiResponse(xml).papers : parseFeed(xml).papers;
    cache.set(file, papers);
  }
  return papers;
}

export function fixturePaper(file: string, id: string): Paper {
  const p = fixturePapers(file).find((x) => x.id === id);
  if (!p) throw new Error(`paper ${id} is not in fixture ${file}`);
  return p;
}

export const RSS = 'rss-all-archives-combined-2024-11-28.xml';
export const API_2026 = 'api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml';
export const API_LEGACY = 'api-legacy-search-deep-dream-2017.xml';

/**
 * No fixture holds an old-style id, so this one is made up: an old-style id (the subject class is
 * dropped in the normalised id), a title full of TeX, accents, quotes and an Ω, and an abstract
 * with numbers the claim reader should find.
 */
export function oldStylePaper(): Paper {
  return {
    id: 'math/0309136',
    version: 3,
    title: 'Knot Floer homology on $S^3 \\times [0,1]$ and the "Schrödinger–Ørsted" conjecture: Ω-twisted \\emph{invariants} & <bounds> | 50% off',
    summary:
      'We study $\\widehat{HFK}(K)$ for knots $K \\subset S^3$.\n  Our classifier reaches a top-1 accuracy of 76.1% on ImageNet\n  and 28.4 BLEU on WMT 2014 English-to-German, after training for 3.5 days on eight GPUs.',
    authors: [
      { name: 'Jürgen Müller', affiliations: [] },
      { name: 'Søren Ørsted', affiliations: ['Københavns Universitet'] },
      { name: "Zoë O'Brien-Łukasiewicz", affiliations: [] },
    ],
    published: '2003-09-08T00:00:00Z',
    updated: '2004-01-02T00:00:00Z',
    primaryCategory: 'math.GT',
    categories: ['math.GT', 'math.SG'],
    comment: '42 pages, 7 figures; "v3": fixed $\\mathbb{Z}/2$ typo',
    journalRef: null,
    doi: null,
    links: { abs: 'https://arxiv.org/abs/math/0309136v3', pdf: 'https://arxiv.org/pdf/math/0309136v3', doi: null },
    announceType: null,
  };
}
