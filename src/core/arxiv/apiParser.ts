/**
 * The arXiv API's Atom response (export.arxiv.org/api/query) -> ParsedResponse.
 *
 * Both layouts seen in the wild are read the same way: elements are matched by namespace URI
 * and local name in any order, so the legacy layout (namespaces declared on each element) and
 * the current one (declared on the root, different element order) need no special cases.
 */
import { fitted, fittedOrNone, shared } from './compactValues';
import { ArxivError } from './errors';
import { atomFeedKind, FeedBody, forEachRecordIn, isAtomFeed, openBody, unexpected, withXmlErrors, xmlRoot } from './feedBody';
import { formatArxivId, parseArxivId } from './ids';
import { ARXIV_NS, ATOM_NS, OPENSEARCH_NS } from './namespaces';
import { abstractOf, addCategoryTerm, collapsedTextOf, collapseWhitespace, orNull, toIsoInstant, trimmedTextOf } from './text';
import type { Author, PaperDetails, ParsedResponse } from './types';
import type { XmlInput } from '../xml/source';
import { attrOf, forEachChild, textOf, XmlElement } from '../xml/element';

/** Parse an API response: its bytes as received, or its text. Throws ArxivError: arxiv-api-error, malformed-xml, unexpected-content. */
export function parseApiResponse(input: XmlInput): ParsedResponse {
  return withXmlErrors(() => {
    const { xml, root } = xmlRoot(input);
    if (!isAtomFeed(root)) throw unexpected(`Expected an Atom feed from the arXiv API but the root element is <${root.qname}>`);
    const body = openBody(xml, root, 'entry');
    if (atomFeedKind(body) !== 'api') throw unexpected('This is an rss.arxiv.org daily feed, not an arXiv API response');
    return apiResponseFromBody(body);
  });
}

/** For parseAny, which has already opened and classified the body. */
export function apiResponseFromBody(body: FeedBody): ParsedResponse {
  const head = readHead(body.top);
  const papers: PaperDetails[] = [];
  forEachRecordIn(body, body.top, ATOM_NS, 'entry', (entry) => {
    const paper = readEntry(entry);
    if (paper) papers.push(paper);
  });
  return { kind: 'api', announced: null, ...head, papers };
}

interface Head {
  title: string | null;
  totalResults: number | null;
  startIndex: number | null;
  itemsPerPage: number | null;
}

function readHead(feed: XmlElement): Head {
  const head: Head = { title: null, totalResults: null, startIndex: null, itemsPerPage: null };
  forEachChild(feed, (c) => {
    if (c.ns === ATOM_NS && c.local === 'title') head.title = collapseWhitespace(textOf(c));
    else if (c.ns === OPENSEARCH_NS) {
      const n = toInt(textOf(c));
      if (c.local === 'totalResults') head.totalResults = n;
      else if (c.local === 'startIndex') head.startIndex = n;
      else if (c.local === 'itemsPerPage') head.itemsPerPage = n;
    }
  });
  return head;
}

function toInt(s: string): number | null {
  const t = s.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** Fields as found, before defaults are filled in. */
interface RawEntry {
  id: string;
  title: string;
  summary: string;
  published: string | null;
  updated: string | null;
  authors: Author[];
  categories: string[];
  other: string[];
  primary: string | null;
  comment: string | null;
  journalRef: string | null;
  doi: string | null;
  abs: string | null;
  pdf: string | null;
  pdfByHref: string | null;
  doiLink: string | null;
}

function readEntry(entry: XmlElement): PaperDetails | null {
  const r: RawEntry = {
    id: '', title: '', summary: '', published: null, updated: null, authors: [], categories: [], other: [],
    primary: null, comment: null, journalRef: null, doi: null, abs: null, pdf: null, pdfByHref: null, doiLink: null,
  };
  forEachChild(entry, (c) => {
    if (c.ns === ATOM_NS) readAtomChild(c, r);
    else if (c.ns === ARXIV_NS) readArxivChild(c, r);
  });
  if (r.id.includes('/api/errors') || (r.title === 'Error' && !r.id.includes('/abs/'))) {
    throw new ArxivError('arxiv-api-error', collapseWhitespace(r.summary) || 'The arXiv API returned an error');
  }
  const parsed = parseArxivId(r.id);
  if (!parsed.ok) return null; // not a paper entry; arxiv.py skips these too
  const { id } = parsed.id;
  const version = parsed.id.version ?? 1;
  const idv = formatArxivId(id, version);
  const categories = r.primary && !r.categories.includes(r.primary) ? [r.primary, ...r.categories] : r.categories;
  return {
    id,
    version,
    title: r.title,
    summary: r.summary,
    authors: fitted(r.authors),
    published: r.published,
    updated: r.updated,
    primaryCategory: r.primary ?? categories[0] ?? null,
    categories: fitted(categories),
    comment: r.comment,
    journalRef: r.journalRef,
    doi: r.doi,
    links: {
      abs: r.abs ?? `https://arxiv.org/abs/${idv}`,
      pdf: r.pdf ?? r.pdfByHref ?? `https://arxiv.org/pdf/${idv}`,
      doi: r.doiLink ?? (r.doi ? `https://doi.org/${r.doi}` : null),
    },
    announceType: null,
    otherClassifications: fittedOrNone(r.other),
    license: null,
  };
}

function readAtomChild(c: XmlElement, r: RawEntry): void {
  switch (c.local) {
    case 'id':
      r.id = trimmedTextOf(c);
      break;
    case 'title':
      r.title = collapsedTextOf(c);
      break;
    case 'summary':
      r.summary = abstractOf(c);
      break;
    case 'published':
      r.published = toIsoInstant(textOf(c));
      break;
    case 'updated':
      r.updated = toIsoInstant(textOf(c));
      break;
    case 'author':
      r.authors.push(readAuthor(c));
      break;
    case 'category': {
      const raw = attrOf(c, 'term');
      if (raw !== null) addCategoryTerm(raw, r.categories, r.other);
      break;
    }
    case 'link': {
      const href = attrOf(c, 'href')?.trim();
      if (!href) break;
      const title = attrOf(c, 'title');
      // The pdf link is found by its title; when the title went missing (Nov 2025, arxiv.py
      // #181) a /pdf/ href still identifies it.
      if (title === 'pdf') r.pdf ??= href;
      else if (title === 'doi') r.doiLink ??= href;
      else if ((attrOf(c, 'rel') ?? 'alternate') === 'alternate') r.abs ??= href;
      else if (href.includes('/pdf/')) r.pdfByHref ??= href;
      break;
    }
  }
}

function readArxivChild(c: XmlElement, r: RawEntry): void {
  switch (c.local) {
    case 'primary_category': {
      const term = attrOf(c, 'term')?.trim();
      r.primary = term ? shared(term) : null;
      break;
    }
    case 'comment':
      r.comment = orNull(collapsedTextOf(c));
      break;
    case 'journal_ref':
      r.journalRef = orNull(collapsedTextOf(c));
      break;
    case 'doi':
      r.doi = orNull(trimmedTextOf(c));
      break;
  }
}

function readAuthor(el: XmlElement): Author {
  let name = '';
  const affiliations: string[] = [];
  forEachChild(el, (c) => {
    if (c.ns === ATOM_NS && c.local === 'name') name = collapsedTextOf(c);
    else if (c.ns === ARXIV_NS && c.local === 'affiliation') {
      const a = collapsedTextOf(c);
      if (a) affiliations.push(a);
    }
  });
  return { name, affiliations: fittedOrNone(affiliations) };
}
