/**
 * Parse any arXiv body without being told what it is (the CLI's `parse FILE`): an API
 * response, an RSS 2.0 daily feed or an Atom daily feed. The body is opened once and the
 * matching parser continues from there. Like the other parsers it takes the bytes as received
 * (read one record at a time where they lie, see feedBody.ts) or the text.
 */
import { apiResponseFromBody } from './apiParser';
import { atomFeedKind, isAtomFeed, openBody, unexpected, withXmlErrors, xmlRoot } from './feedBody';
import { atomFeedFromBody, rssFromBody } from './feedParser';
import type { ParsedResponse } from './types';
import type { XmlInput } from '../xml/source';

export function parseAny(input: XmlInput): ParsedResponse {
  return withXmlErrors(() => {
    const { xml, root } = xmlRoot(input);
    if (root.local === 'rss') return rssFromBody(openBody(xml, root, 'item'));
    if (isAtomFeed(root)) {
      const body = openBody(xml, root, 'entry');
      return atomFeedKind(body) === 'api' ? apiResponseFromBody(body) : atomFeedFromBody(body);
    }
    throw unexpected(`Not an arXiv API response or daily feed: the root element is <${root.qname}>`);
  });
}
