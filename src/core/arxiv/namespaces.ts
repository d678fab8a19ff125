/** Namespace URIs of the arXiv responses; elements are matched by URI, never by prefix. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const ARXIV_NS = 'http://arxiv.org/schemas/atom';
export const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
