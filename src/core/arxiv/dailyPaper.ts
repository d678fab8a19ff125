/**
 * One announcement of an rss.arxiv.org daily feed (RSS item or Atom entry) -> PaperDetails.
 * Both formats carry the same fields under different element names; the walkers in
 * feedParser.ts collect them into DailyFields and this module derives the paper.
 */
import { announcePrefixLength, ANNOUNCE_PREFIX_RE } from './announcePrefix';
import { NONE, ScratchList, shared } from './compactValues';
import { addCreatorsOf } from './feedAuthors';
import { ArxivId, formatArxivId, parseArxivId } from './ids';
import { addCategoryTerm, collapseWhitespace, normalizeAbstract, orNull } from './text';
import type { AnnounceType, Author, PaperDetails } from './types';
import { plainTrimmedText, textOf, XmlElement } from '../xml/element';

/**
 * An item's fields as the walkers collect them: strings already trimmed (titles and journal
 * references also collapsed), elements read during dailyPaper, while the record is current.
 */
export interface DailyFields {
  /** RSS guid / Atom id: `oai:arXiv.org:<id>v<N>`. */
  guid: string | null;
  title: string | null;
  /** RSS link / Atom alternate link: the abs page (no version). */
  link: string | null;
  /** `arXiv:<id>v<N> Announce Type: <type> \nAbstract: <abstract>` (RSS description / Atom summary). */
  description: XmlElement | null;
  categories: ScratchList<string>;
  announceType: string | null;
  /** `dc:creator`: every author in one string (feedAuthors.ts). */
  creator: XmlElement | null;
  /** Atom `<author><name>`, used only when there is no dc:creator. */
  authorNames: ScratchList<string>;
  rights: string | null;
  doi: string | null;
  journalRef: string | null;
}

export function emptyDailyFields(): DailyFields {
  return {
    guid: null, title: null, link: null, description: null, categories: new ScratchList(), announceType: null,
    creator: null, authorNames: new ScratchList(), rights: null, doi: null, journalRef: null,
  };
}

/**
 * `f` emptied for the next record. A feed's walker reuses one DailyFields for all its records
 * (dailyPaper copies what it keeps), so that reading a record allocates only what the paper keeps.
 */
export function clearDailyFields(f: DailyFields): DailyFields {
  f.guid = f.title = f.link = f.announceType = f.creator = f.rights = f.doi = f.journalRef = null;
  f.description = null;
  f.categories.clear();
  f.authorNames.clear();
  return f;
}

const ANNOUNCE_TYPES: ReadonlySet<string> = new Set(['new', 'cross', 'replace', 'replace-cross']);
const OAI_PREFIX_RE = /^oai:arXiv\.org:/i;

function announceTypeOf(s: string | null | undefined): AnnounceType | null {
  const t = s?.trim();
  return t && ANNOUNCE_TYPES.has(t) ? (shared(t) as AnnounceType) : null;
}

/** The candidate's arXiv id, or null. */
function arxivIdIn(candidate: string | null | undefined): ArxivId | null {
  if (!candidate) return null;
  const r = parseArxivId(candidate);
  return r.ok ? r.id : null;
}

/**
 * The description's abstract, after its prefix. Taken from the record in one copy when its
 * text allows (most do), rather than as a slice of the decoded description, which would keep
 * the whole description alive behind it. `prefix` is the prefix's match when the description
 * had to be decoded; otherwise the item's own fields make it unnecessary (see prefixOf).
 */
function readDescription(el: XmlElement | null): { prefix: RegExpExecArray | null; abstract: string } {
  if (!el) return { prefix: null, abstract: '' };
  const skip = announcePrefixLength(el);
  const plain = skip === -1 ? undefined : plainTrimmedText(el, 'no-line-feeds', skip);
  if (plain !== undefined) return { prefix: null, abstract: plain };
  const description = textOf(el);
  const prefix = ANNOUNCE_PREFIX_RE.exec(description);
  return { prefix, abstract: normalizeAbstract(prefix ? description.slice(prefix[0].length) : description) };
}

/** The description's prefix match, for an item whose guid or announce type is missing. */
function prefixOf(el: XmlElement | null, decoded: RegExpExecArray | null): RegExpExecArray | null {
  return decoded ?? (el ? ANNOUNCE_PREFIX_RE.exec(textOf(el)) : null);
}

// What dailyPaper gathers for each paper before keeping a fitted copy.
const scratchCategories = new ScratchList<string>();
const scratchOther = new ScratchList<string>();
const scratchAuthors = new ScratchList<Author>();

/** The paper, or null when no arXiv id can be found in guid, description or link. */
export function dailyPaper(f: DailyFields): PaperDetails | null {
  const { prefix, abstract } = readDescription(f.description);
  // The guid, then the description's prefix, then the link.
  const found =
    arxivIdIn(f.guid?.replace(OAI_PREFIX_RE, '')) ?? arxivIdIn(prefixOf(f.description, prefix)?.[1]) ?? arxivIdIn(f.link);
  if (!found) return null;
  const { id } = found;
  const version = found.version ?? 1;
  const categories = scratchCategories.clear();
  const other = scratchOther.clear();
  for (let i = 0; i < f.categories.length; i++) addCategoryTerm(f.categories.at(i) as string, categories, other);
  const authors = scratchAuthors.clear();
  if (f.creator !== null) addCreatorsOf(f.creator, authors);
  else for (let i = 0; i < f.authorNames.length; i++) authors.push({ name: collapseWhitespace(f.authorNames.at(i) as string), affiliations: NONE });
  const doi = orNull(f.doi);
  return {
    id,
    version,
    title: f.title ?? '',
    summary: abstract,
    authors: authors.fitted(),
    // Daily feeds date the announcement, not the submission: that lives in ParsedResponse.announced.
    published: null,
    updated: null,
    // The first <category> is the primary (checked on every item of the real feeds).
    primaryCategory: categories.at(0) ?? null,
    categories: categories.fitted(),
    comment: null,
    journalRef: orNull(f.journalRef),
    doi,
    links: {
      abs: orNull(f.link) ?? `https://arxiv.org/abs/${id}`,
      pdf: `https://arxiv.org/pdf/${formatArxivId(id, version)}`,
      doi: doi ? `https://doi.org/${doi}` : null,
    },
    announceType: announceTypeOf(f.announceType) ?? announceTypeOf(prefixOf(f.description, prefix)?.[2]),
    otherClassifications: other.fittedOrNone(),
    license: f.rights ? shared(f.rights) : null,
  };
}
