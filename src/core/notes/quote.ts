/**
 * "Quote in notes": append a passage selected in the PDF to the end of a note's body as a
 * markdown block quote with its page. The existing body is kept byte for byte; only text is
 * added after it, in the body's own line-end style.
 */

/**
 * Text selected in a PDF has hard line breaks and end-of-line hyphenation. Lines are joined
 * with spaces; `replica-\ntion` loses its hyphen when a lower-case letter follows, because
 * a break inside a word is far more common than a break after a real hyphen.
 */
export function cleanPdfSelection(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .replace(/(\p{L})-[ \t]*\n[ \t]*(?=\p{Ll})/gu, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** `page` is 1-based; null or undefined when unknown (then no page is written). */
export function appendQuote(body: string, quote: string, page?: number | null): string {
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const text = cleanPdfSelection(quote);
  if (text === '') return body;
  const lines = text.split('\n').map((l) => (l === '' ? '>' : `> ${escapeBlockStart(l)}`));
  if (page !== undefined && page !== null) lines.push('>', `> — p. ${page}`);
  const block = lines.join(eol) + eol;
  return body + separator(body, eol) + block;
}

/** A quoted paragraph that starts like `# x`, `- x` or `1. x` must stay a paragraph, not become a heading or list. */
function escapeBlockStart(line: string): string {
  return line.replace(/^(#{1,6}|>|[-+*])(?=\s|$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Enough line ends that the quote starts a block of its own: none at the start, one blank line otherwise. */
function separator(body: string, eol: string): string {
  if (body === '' || body.endsWith(eol + eol) || body === eol) return '';
  if (body.endsWith(eol)) return eol;
  return eol + eol;
}
