/**
 * Sniffing what came back before anyone parses it: a proxy or arXiv's own error pages can answer
 * 200 with HTML, and a PDF URL can answer with an HTML "not available" page. Both must be typed
 * errors, never data.
 */
import { ArxivError } from '../arxiv/errors';

function head(body: Buffer, n = 512): string {
  return body.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
}

export function looksLikeHtml(body: Buffer, contentType?: string | null): boolean {
  const start = head(body);
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return true;
  // text/html with something that is not even XML-ish
  return !!contentType && /text\/html/i.test(contentType) && !start.startsWith('<?xml');
}

/** Throws 'unexpected-content' if an XML answer turned out to be an HTML page (or empty). */
export function assertXmlBody(body: Buffer, contentType: string | null | undefined, url: string, status?: number): void {
  if (body.length === 0) {
    throw new ArxivError('malformed-xml', `Empty response from ${url}.`, { url, status });
  }
  if (looksLikeHtml(body, contentType)) {
    throw new ArxivError('unexpected-content', `Expected XML from ${url} but received an HTML page.`, { url, status });
  }
}

export function isPdf(body: Buffer): boolean {
  return body.length >= 5 && body.subarray(0, 5).toString('latin1') === '%PDF-';
}

/**
 * A whole PDF: it starts as one and ends with `%%EOF` (readers look for it in the last 1024 bytes).
 * A download cut off mid-way starts right but lacks the marker, and must not be kept.
 */
export function isCompletePdf(body: Buffer): boolean {
  return isPdf(body) && body.subarray(Math.max(0, body.length - 1024)).includes('%%EOF', 0, 'latin1');
}

export function assertPdfBody(body: Buffer, url: string): void {
  if (!isPdf(body)) {
    const what = looksLikeHtml(body) ? 'an HTML page' : `${body.length} bytes that are not a PDF`;
    throw new ArxivError('unexpected-content', `Expected a PDF from ${url} but received ${what}.`, { url });
  }
  if (!isCompletePdf(body)) {
    throw new ArxivError('unexpected-content', `The PDF from ${url} was cut off (${body.length} bytes, no end-of-file marker).`, { url });
  }
}
