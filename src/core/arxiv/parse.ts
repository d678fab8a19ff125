/**
 * Parse any arXiv body without being told what it is (the CLI's `parse FILE`): an API
 * response, an RSS 2.0 daily feed or an Atom daily feed. The body is opened once and the
 * matching parser continues from there.
 */
import { apiResponseFromBody } from './apiParser';
import { atomFeedKind, isAtomFeed, openBody, unexpected, withXmlErrors, xmlRoot } from './feedBody';
import { atomFeedFromBody, rssFromBody } from './feedParser';
import type { ParsedResponse } from './types';

export function parseAny(xml: string): ParsedResponse {
  return withXmlErrors(() => {
    const root = xmlRoot(xml);
    if (root.local === 'rss') return rssFromBody(openBody(xml, root, 'item'));
    if (isAtomFeed(root)) {
      const body = openBody(xml, root, 'entry');
      return atomFeedKind(body) === 'api' ? apiResponseFromBody(body) : atomFeedFromBody(body);
    }
    throw unexpected(`Not an arXiv API response or daily feed: the root element is <${root.qname}>`);
  });
}
