/**
 * One announcement of an rss.arxiv.org daily feed (RSS item or Atom entry) -> PaperDetails.
 * Both formats carry the same fields under different element names; the walkers in
 * feedParser.ts collect them into DailyFields and this module derives the paper.
 */
import { fitted, fittedOrNone, NONE, shared } from './compactValues';
import { parseCreators } from './feedAuthors';
import { ArxivId, formatArxivId, parseArxivId } from './ids';
import { addCategoryTerm, collapseWhitespace, normalizeAbstract, orNull } from './text';
import type { AnnounceType, Author, PaperDetails } from './types';
import { plainMatchAtContent, plainTrimmedText, textOf, XmlElement } from '../xml/element';

export interface DailyFields {
  /** RSS guid / Atom id: `oai:arXiv.org:<id>v<N>`. */
  guid: string | null;
  title: string | null;
  /** RSS link / Atom alternate link: the abs page (no version). */
  link: string | null;
  /** `arXiv:<id>v<N> Announce Type: <type> \nAbstract: <abstract>` (RSS description / Atom summary). */
  description: XmlElement | null;
  categories: string[];
  announceType: string | null;
  creator: string | null;
  /** Atom `<author><name>`, used only when there is no dc:creator. */
  authorNames: string[];
  rights: string | null;
  doi: string | null;
  journalRef: string | null;
}

export function emptyDailyFields(): DailyFields {
  return {
    guid: null, title: null, link: null, description: null, categories: [], announceType: null,
    creator: null, authorNames: [], rights: null, doi: null, journalRef: null,
  };
}

/**
 * `f` emptied for the next record. A feed's walker reuses one DailyFields for all its records
 * (dailyPaper copies what it keeps), so that reading a record allocates only what the paper keeps.
 */
export function clearDailyFields(f: DailyFields): DailyFields {
  f.guid = f.title = f.link = f.announceType = f.creator = f.rights = f.doi = f.journalRef = null;
  f.description = null;
  f.categories.length = 0;
  f.authorNames.length = 0;
  return f;
}

const ANNOUNCE_TYPES: ReadonlySet<string> = new Set(['new', 'cross', 'replace', 'replace-cross']);
// The fixed prefix arxiv-feed's serializer puts before the abstract (note the space before \n).
const DESCRIPTION_RE = /^\s*arXiv:(\S+)\s+Announce Type:\s*(\S+)\s*(?:\r?\n)?\s*Abstract:[ \t]?/;
// The same, read in place at the start of the element's content.
const DESCRIPTION_AT_RE = new RegExp(DESCRIPTION_RE.source.slice(1), 'y');
const OAI_PREFIX_RE = /^oai:arXiv\.org:/i;

function announceTypeOf(s: string | null | undefined): AnnounceType | null {
  const t = s?.trim();
  return t && ANNOUNCE_TYPES.has(t) ? (shared(t) as AnnounceType) : null;
}

/** The first candidate that is an arXiv id (guid, then description prefix, then link). */
function firstArxivId(...candidates: Array<string | undefined>): ArxivId | null {
  for (const c of candidates) {
    if (!c) continue;
    const r = parseArxivId(c);
    if (r.ok) return r.id;
  }
  return null;
}

/**
 * The description's prefix (id and announce type) and the abstract after it. The abstract is
 * taken from the record in one copy when its text allows (most do), rather than as a slice of
 * the decoded description, which would keep the whole description alive behind it.
 */
function readDescription(el: XmlElement | null): { m: RegExpExecArray | null; abstract: string } {
  if (!el) return { m: null, abstract: '' };
  const at = plainMatchAtContent(el, DESCRIPTION_AT_RE);
  const plain = at ? plainTrimmedText(el, 'no-line-feeds', at[0].length) : undefined;
  if (plain !== undefined) return { m: at, abstract: plain };
  const description = textOf(el);
  const m = DESCRIPTION_RE.exec(description);
  return { m, abstract: normalizeAbstract(m ? description.slice(m[0].length) : description) };
}

/** The paper, or null when no arXiv id can be found in guid, description or link. */
export function dailyPaper(f: DailyFields): PaperDetails | null {
  const { m, abstract } = readDescription(f.description);
  const found = firstArxivId(f.guid?.trim().replace(OAI_PREFIX_RE, ''), m?.[1], f.link?.trim());
  if (!found) return null;
  const { id } = found;
  const version = found.version ?? 1;
  const categories: string[] = [];
  const other: string[] = [];
  for (const c of f.categories) addCategoryTerm(c, categories, other);
  const authors: Author[] = f.creator !== null
    ? parseCreators(f.creator)
    : f.authorNames.map((n) => ({ name: collapseWhitespace(n), affiliations: NONE }));
  const doi = orNull(f.doi?.trim());
  const license = f.rights?.trim();
  return {
    id,
    version,
    title: collapseWhitespace(f.title ?? ''),
    summary: abstract,
    authors: fitted(authors),
    // Daily feeds date the announcement, not the submission: that lives in ParsedResponse.announced.
    published: null,
    updated: null,
    // The first <category> is the primary (checked on every item of the real feeds).
    primaryCategory: categories[0] ?? null,
    categories: fitted(categories),
    comment: null,
    journalRef: orNull(collapseWhitespace(f.journalRef ?? '')),
    doi,
    links: {
      abs: orNull(f.link?.trim()) ?? `https://arxiv.org/abs/${id}`,
      pdf: `https://arxiv.org/pdf/${formatArxivId(id, version)}`,
      doi: doi ? `https://doi.org/${doi}` : null,
    },
    announceType: announceTypeOf(f.announceType) ?? announceTypeOf(m?.[2]),
    otherClassifications: fittedOrNone(other),
    license: license ? shared(license) : null,
  };
}
