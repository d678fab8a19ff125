/**
 * A body that is not well-formed XML. Internal to the XML helpers: the arXiv parsers turn it
 * into ArxivError('malformed-xml') so callers only ever see the typed error.
 */
export class XmlSyntaxError extends Error {
  constructor(readonly reason: string, readonly offset?: number) {
    super(offset === undefined ? reason : `${reason} (at offset ${offset})`);
    this.name = 'XmlSyntaxError';
  }
}
