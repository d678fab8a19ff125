/**
 * The arXiv API's Atom response (export.arxiv.org/api/query) -> ParsedResponse.
 *
 * Both layouts seen in the wild are read the same way: elements are matched by namespace URI
 * and local name in any order, so the legacy layout (namespaces declared on each element) and
 * the current one (declared on the root, different element order) need no special cases.
 */
import { ScratchList, shared } from './compactValues';
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
  const reader = new EntryReader();
  forEachRecordIn(body, body.top, ATOM_NS, 'entry', (entry) => {
    const paper = reader.read(entry);
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
  authors: ScratchList<Author>;
  categories: ScratchList<string>;
  other: ScratchList<string>;
  primary: string | null;
  comment: string | null;
  journalRef: string | null;
  doi: string | null;
  abs: string | null;
  pdf: string | null;
  pdfByHref: string | null;
  doiLink: string | null;
}

/**
 * Reads a page's entries one after the other into one RawEntry, emptied between them, with one
 * child visitor: reading an entry then allocates little beyond the paper it yields.
 */
class EntryReader {
  private readonly r: RawEntry = {
    id: '', title: '', summary: '', published: null, updated: null,
    authors: new ScratchList(), categories: new ScratchList(), other: new ScratchList(),
    primary: null, comment: null, journalRef: null, doi: null, abs: null, pdf: null, pdfByHref: null, doiLink: null,
  };
  private readonly authorReader = new AuthorReader();
  private readonly readChild = (c: XmlElement): void => {
    if (c.ns === ATOM_NS) readAtomChild(c, this.r, this.authorReader);
    else if (c.ns === ARXIV_NS) readArxivChild(c, this.r);
  };

  read(entry: XmlElement): PaperDetails | null {
    const { r } = this;
    r.id = r.title = r.summary = '';
    r.published = r.updated = r.primary = r.comment = r.journalRef = r.doi = null;
    r.abs = r.pdf = r.pdfByHref = r.doiLink = null;
    r.authors.clear();
    r.categories.clear();
    r.other.clear();
    forEachChild(entry, this.readChild);
    return paperOf(r);
  }
}

function paperOf(r: RawEntry): PaperDetails | null {
  if (r.id.includes('/api/errors') || (r.title === 'Error' && !r.id.includes('/abs/'))) {
    throw new ArxivError('arxiv-api-error', collapseWhitespace(r.summary) || 'The arXiv API returned an error');
  }
  const parsed = parseArxivId(r.id);
  if (!parsed.ok) return null; // not a paper entry; arxiv.py skips these too
  const { id } = parsed.id;
  const version = parsed.id.version ?? 1;
  const idv = formatArxivId(id, version);
  const categories = r.categories.fitted();
  if (r.primary && !r.categories.includes(r.primary)) categories.unshift(r.primary);
  return {
    id,
    version,
    title: r.title,
    summary: r.summary,
    authors: r.authors.fitted(),
    published: r.published,
    updated: r.updated,
    primaryCategory: r.primary ?? categories[0] ?? null,
    categories,
    comment: r.comment,
    journalRef: r.journalRef,
    doi: r.doi,
    links: {
      abs: r.abs ?? `https://arxiv.org/abs/${idv}`,
      pdf: r.pdf ?? r.pdfByHref ?? `https://arxiv.org/pdf/${idv}`,
      doi: r.doiLink ?? (r.doi ? `https://doi.org/${r.doi}` : null),
    },
    announceType: null,
    otherClassifications: r.other.fittedOrNone(),
    license: null,
  };
}

function readAtomChild(c: XmlElement, r: RawEntry, authors: AuthorReader): void {
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
      r.authors.push(authors.read(c));
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

/** `<author>`: `<name>` and any `<arxiv:affiliation>`s, read with one visitor for all authors. */
class AuthorReader {
  private name = '';
  private readonly affiliations = new ScratchList<string>();
  private readonly readChild = (c: XmlElement): void => {
    if (c.ns === ATOM_NS && c.local === 'name') this.name = collapsedTextOf(c);
    else if (c.ns === ARXIV_NS && c.local === 'affiliation') {
      const a = collapsedTextOf(c);
      if (a) this.affiliations.push(a);
    }
  };

  read(el: XmlElement): Author {
    this.name = '';
    this.affiliations.clear();
    forEachChild(el, this.readChild);
    return { name: this.name, affiliations: this.affiliations.fittedOrNone() };
  }
}
