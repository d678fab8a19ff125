/**
 * The steps every arXiv parser shares: sniff the body, cut it into skeleton + records, and map
 * low-level XML failures to the typed errors callers handle (malformed-xml, unexpected-content).
 */
import { ArxivError } from './errors';
import { ATOM_NS, OPENSEARCH_NS } from './namespaces';
import { forEachRecord, parseSkeleton, RootInfo, sniff, splitRecords } from '../xml/recordDocument';
import { findChild, forEachChild, textOf, XmlElement } from '../xml/element';
import { XmlInput, XmlSource, xmlSource } from '../xml/source';
import { XmlSyntaxError } from '../xml/syntaxError';

/** A feed body cut into its skeleton root and the spans of its records. */
export interface FeedBody {
  xml: XmlSource;
  root: RootInfo;
  /** The root element parsed from the skeleton (records removed). */
  top: XmlElement;
  spans: number[];
}

/** Run a parse, turning XML syntax errors into ArxivError('malformed-xml'). */
export function withXmlErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      throw new ArxivError('malformed-xml', `The response is not well-formed XML: ${e.message}`, { cause: e });
    }
    throw e;
  }
}

export function unexpected(message: string): ArxivError {
  return new ArxivError('unexpected-content', message);
}

/**
 * The root of a body that must be XML (HTML pages and plain text are unexpected content), and
 * the body as the XML reader walks it: its bytes. Callers holding the bytes as received should
 * pass them; text is encoded to UTF-8 first, a copy the bytes spare.
 */
export function xmlRoot(input: XmlInput): { xml: XmlSource; root: RootInfo } {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) throw unexpected('The response body is neither text nor bytes');
  const xml = xmlSource(input);
  const s = sniff(xml);
  if (s.kind === 'html') throw unexpected('Expected an XML feed from arXiv but received an HTML page');
  if (s.kind === 'not-xml') throw unexpected(`Expected an XML feed from arXiv but received text: "${s.preview.trim()}"`);
  return { xml, root: s.root };
}

export function isAtomFeed(root: RootInfo): boolean {
  return root.local === 'feed' && root.ns === ATOM_NS;
}

/** Split the body at each `<record>` (qualified with the root's prefix) and parse the skeleton. */
export function openBody(xml: XmlSource, root: RootInfo, recordLocal: string): FeedBody {
  const qname = root.prefix ? `${root.prefix}:${recordLocal}` : recordLocal;
  const { skeleton, spans } = splitRecords(xml, qname, root.offset);
  return { xml, root, top: parseSkeleton(skeleton), spans };
}

/**
 * Visit every record: those cut out of the body, then any the cut missed because they use a
 * different prefix than the root (e.g. `<a:entry xmlns:a="...Atom">` in a default-namespace
 * feed). fast-xml-parser read those as part of the skeleton, so they are taken from its tree.
 * As with forEachRecord, `visit` takes what it keeps from a record before it returns.
 */
export function forEachRecordIn(
  body: FeedBody,
  parent: XmlElement,
  ns: string | null,
  local: string,
  visit: (record: XmlElement) => void,
): void {
  forEachRecord(body.xml, body.spans, parent.scope, (r) => {
    if (r.ns === ns && r.local === local) visit(r);
  });
  forEachChild(parent, (c) => {
    if (c.ns === ns && c.local === local) visit(c);
  });
}

/**
 * Whether an Atom body is an API response or an rss.arxiv.org daily feed: API responses
 * carry opensearch paging elements; daily feeds have an rss.arxiv.org feed id and
 * `oai:arXiv.org:` entry ids.
 */
export function atomFeedKind(body: FeedBody): 'api' | 'atom' {
  let paging = false;
  forEachChild(body.top, (c) => {
    if (c.ns === OPENSEARCH_NS) paging = true;
  });
  if (paging) return 'api';
  const id = findChild(body.top, ATOM_NS, 'id');
  if (id && textOf(id).includes('rss.arxiv.org')) return 'atom';
  if (body.spans.length > 0 && body.xml.text(body.spans[0], body.spans[1]).includes('oai:arXiv.org:')) return 'atom';
  return 'api';
}
