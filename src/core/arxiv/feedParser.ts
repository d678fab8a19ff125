/**
 * rss.arxiv.org daily announcement feeds -> ParsedResponse, in both formats the server offers:
 * RSS 2.0 (`/rss/<cats>`, kind 'rss') and Atom (`/atom/<cats>`, kind 'atom').
 * An empty feed (weekends, holidays) is zero papers, not an error; the error channel
 * ("Feed error for query: ...", HTTP 400) throws ArxivError('feed-error').
 */
import { clearDailyFields, dailyPaper, DailyFields, emptyDailyFields } from './dailyPaper';
import { ArxivError } from './errors';
import { atomFeedKind, FeedBody, forEachRecordIn, isAtomFeed, openBody, unexpected, withXmlErrors, xmlRoot } from './feedBody';
import { ARXIV_NS, ATOM_NS, DC_NS } from './namespaces';
import { collapsedTextOf, collapseWhitespace, toIsoInstant, trimmedTextOf } from './text';
import type { PaperDetails, ParsedResponse } from './types';
import type { XmlInput } from '../xml/source';
import { attrOf, findChild, forEachChild, textOf, XmlElement } from '../xml/element';

/** Parse an RSS 2.0 or Atom daily feed: its bytes as received, or its text. Throws ArxivError: feed-error, malformed-xml, unexpected-content. */
export function parseFeed(input: XmlInput): ParsedResponse {
  return withXmlErrors(() => {
    const { xml, root } = xmlRoot(input);
    if (root.local === 'rss') return rssFromBody(openBody(xml, root, 'item'));
    if (isAtomFeed(root)) {
      const body = openBody(xml, root, 'entry');
      if (atomFeedKind(body) !== 'atom') throw unexpected('This is an arXiv API response, not an rss.arxiv.org daily feed');
      return atomFeedFromBody(body);
    }
    throw unexpected(`Expected an RSS or Atom feed from rss.arxiv.org but the root element is <${root.qname}>`);
  });
}

/** The extension elements both formats share, by namespace. */
function readExtension(c: XmlElement, f: DailyFields): boolean {
  if (c.ns === ARXIV_NS) {
    if (c.local === 'announce_type') f.announceType = textOf(c);
    else if (c.local === 'DOI') f.doi = trimmedTextOf(c);
    else if (c.local === 'journal_reference') f.journalRef = collapsedTextOf(c);
    return true;
  }
  if (c.ns === DC_NS) {
    if (c.local === 'creator') f.creator = c;
    else if (c.local === 'rights') f.rights = trimmedTextOf(c);
    return true;
  }
  return false;
}

// ---- RSS 2.0 ------------------------------------------------------------------------------

/** For parseAny, which has already opened the body at its `<item>`s. */
export function rssFromBody(body: FeedBody): ParsedResponse {
  const rssNs = body.top.ns; // RSS 2.0 has no namespace; follow the root's in case one is set
  const channel = findChild(body.top, rssNs, 'channel');
  if (!channel) throw unexpected('RSS feed without a <channel>');
  let title: string | null = null;
  let description = '';
  let pubDate: string | null = null;
  forEachChild(channel, (c) => {
    if (c.ns !== rssNs) return;
    if (c.local === 'title') title = collapseWhitespace(textOf(c));
    else if (c.local === 'description') description = collapseWhitespace(textOf(c));
    else if (c.local === 'pubDate') pubDate = textOf(c);
  });
  const noItems = body.spans.length === 0;
  if (noItems && title !== null && (title as string).startsWith('Feed error for query')) {
    throw new ArxivError('feed-error', description || title);
  }
  const papers: PaperDetails[] = [];
  // One fields object and one child reader for all items.
  const f = emptyDailyFields();
  const readChild = (c: XmlElement): void => {
    if (readExtension(c, f) || c.ns !== rssNs) return;
    switch (c.local) {
      case 'title': f.title = collapsedTextOf(c); break;
      case 'link': f.link = trimmedTextOf(c); break;
      case 'description': f.description = c; break;
      case 'guid': f.guid = trimmedTextOf(c); break;
      case 'category': f.categories.push(textOf(c)); break;
    }
  };
  forEachRecordIn(body, channel, rssNs, 'item', (item) => {
    clearDailyFields(f);
    forEachChild(item, readChild);
    const p = dailyPaper(f);
    if (p) papers.push(p);
  });
  return { kind: 'rss', totalResults: null, startIndex: null, itemsPerPage: null, title, announced: toIsoInstant(pubDate), papers };
}

// ---- Atom (rss.arxiv.org/atom/...) ---------------------------------------------------------

/** For parseAny, which has already opened and classified the body. */
export function atomFeedFromBody(body: FeedBody): ParsedResponse {
  let title: string | null = null;
  let subtitle = '';
  let updated: string | null = null;
  forEachChild(body.top, (c) => {
    if (c.ns !== ATOM_NS) return;
    if (c.local === 'title') title = collapseWhitespace(textOf(c));
    else if (c.local === 'subtitle') subtitle = collapseWhitespace(textOf(c));
    else if (c.local === 'updated') updated = textOf(c);
  });
  // Same error convention as the RSS channel (arxiv-feed serializes both formats alike).
  if (body.spans.length === 0 && title !== null && (title as string).startsWith('Feed error for query')) {
    throw new ArxivError('feed-error', subtitle || title);
  }
  const papers: PaperDetails[] = [];
  // An entry's <published> is the announcement date; the feed's <updated> is only the time
  // the feed was generated, so it is the fallback for the announcement day.
  let announced: string | null = null;
  const f = emptyDailyFields();
  const readChild = (c: XmlElement): void => {
    if (readExtension(c, f) || c.ns !== ATOM_NS) return;
    switch (c.local) {
      case 'id': f.guid = trimmedTextOf(c); break;
      case 'title': f.title = collapsedTextOf(c); break;
      case 'summary': f.description = c; break;
      case 'category': {
        const term = attrOf(c, 'term');
        if (term) f.categories.push(term);
        break;
      }
      case 'link':
        if ((attrOf(c, 'rel') ?? 'alternate') === 'alternate') f.link ??= attrOf(c, 'href')?.trim() ?? null;
        break;
      case 'published':
        announced ??= toIsoInstant(textOf(c));
        break;
      case 'author': {
        const name = findChild(c, ATOM_NS, 'name');
        if (name) f.authorNames.push(textOf(name));
        break;
      }
    }
  };
  forEachRecordIn(body, body.top, ATOM_NS, 'entry', (entry) => {
    clearDailyFields(f);
    forEachChild(entry, readChild);
    const p = dailyPaper(f);
    if (p) papers.push(p);
  });
  return { kind: 'atom', totalResults: null, startIndex: null, itemsPerPage: null, title, announced: announced ?? toIsoInstant(updated), papers };
}
