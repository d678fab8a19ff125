import { katex } from '../lazy';
import { escapeHtml } from '../text/escapeHtml';
import { splitMath } from '../text/mathSegments';
import { texTextToUnicode } from '../text/texText';

/**
 * Text from arXiv with its TeX math typeset by KaTeX and everything else escaped. KaTeX runs with
 * `trust: false` (no \href, \url or \htmlClass from untrusted input) and bounded macro expansion;
 * a formula KaTeX cannot parse is shown as its escaped source.
 */
export function renderTextWithMath(input: string): string {
  return splitMath(input)
    .map((segment) => {
      if (segment.kind === 'text') return escapeHtml(texTextToUnicode(segment.text));
      try {
        return katex().renderToString(segment.tex, {
          displayMode: segment.display,
          throwOnError: true,
          trust: false,
          strict: 'ignore',
          maxExpand: 500,
          maxSize: 20,
          output: 'mathml', // MathML needs no inline styles, so the webview CSP can forbid them
        });
      } catch {
        const delimiter = segment.display ? '$$' : '$';
        return `<code class="tex-source">${escapeHtml(delimiter + segment.tex + delimiter)}</code>`;
      }
    })
    .join('');
}

/** Paragraphs of an abstract (blank-line separated), each with its math typeset. */
export function renderParagraphs(input: string): string {
  return input
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${renderTextWithMath(p.replace(/\s*\n\s*/g, ' '))}</p>`)
    .join('\n');
}
