/**
 * Abstract text as the claim reader wants it: arXiv abstracts carry TeX ($79.6\%$, 1.2$\times$,
 * {\deg}, \textbf{...}) and hard wraps; numbers and units must come out as plain text.
 */

export function plainAbstract(text: string): string {
  return text
    .replace(/\\textbf\{([^{}]*)\}|\\textit\{([^{}]*)\}|\\emph\{([^{}]*)\}|\\text\{([^{}]*)\}|\\mathrm\{([^{}]*)\}/g, (_m, ...g) => g.slice(0, 5).find((x) => x !== undefined) ?? '')
    .replace(/\\%/g, '%')
    .replace(/\\times/g, '×')
    .replace(/\\pm|\+\/-|\+-(?=\s*\d)/g, '±')
    .replace(/\{\\deg\}|\\deg\b|\^\{?\\circ\}?/g, '°')
    .replace(/\\[,;:! ]|~/g, ' ')
    .replace(/\\(?:approx|sim)\b/g, '~')
    .replace(/\\(?:geq|ge)\b/g, '≥')
    .replace(/\\(?:leq|le)\b/g, '≤')
    .replace(/[$]/g, '')
    .replace(/[{}]/g, '')
    .replace(/[\u2212\u2013\u2014]/g, (c) => (c === '\u2212' ? '-' : c))
    .replace(/\s+/g, ' ')
    .trim();
}

const ABBREVIATIONS = /(?:\b(?:vs|e\.g|i\.e|et al|etc|Fig|Figs|Eq|Eqs|Sec|Tab|approx|resp|cf|No|Ref|Refs))\.$/i;

/** Sentences, without splitting at "vs.", "e.g." or a decimal point. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const re = /[.!?](?=\s+[A-Z(\d])/g;
  for (const m of text.matchAll(re)) {
    const end = (m.index ?? 0) + 1;
    if (ABBREVIATIONS.test(text.slice(Math.max(start, end - 8), end))) continue;
    const s = text.slice(start, end).trim();
    if (s) out.push({ text: s, start: start + (text.slice(start, end).length - text.slice(start, end).trimStart().length) });
    start = end;
  }
  const tail = text.slice(start).trim();
  if (tail) out.push({ text: tail, start: text.length - text.slice(start).trimStart().length });
  return out;
}
