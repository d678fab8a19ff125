/**
 * Reading arXiv metadata text, which is plain text with TeX in it: `Schr\"odinger`, `{\Lambda}CDM`,
 * `\&`, `$\mathbb{T}^{d}$`. It becomes a list of pieces: Unicode text (accents decoded, escapes
 * undone, grouping braces dropped) and raw TeX to be written back untouched (math, and macros
 * this module does not know). The writer (texEncode.ts) can then escape the text for BibTeX
 * without double-escaping what was TeX already.
 */
import { texAccentsToUnicode } from '../text/texAccents';

export type Piece = { kind: 'text'; text: string } | { kind: 'math'; tex: string } | { kind: 'tex'; tex: string };

/** Control words that stand for one character; outside math they become that character. */
export const SYMBOL_MACROS: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', varpi: 'ϖ', rho: 'ρ',
  varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  pm: '±', times: '×', leq: '≤', le: '≤', geq: '≥', ge: '≥', to: '→', rightarrow: '→', infty: '∞', approx: '≈', sim: '∼',
  ell: 'ℓ', cdot: '·', ldots: '…', dots: '…', textendash: '–', textemdash: '—',
};

/** Text-style macros whose argument is the text itself (`\emph{x}` reads as x). */
const STYLE_MACROS = new Set(['emph', 'textit', 'textbf', 'texttt', 'textsc', 'textrm', 'textsf', 'textup', 'textnormal', 'mbox', 'text']);

/**
 * Split off math: `$...$`, `$$...$$`, `\(...\)`, `\[...\]`. An unclosed `$` is a dollar sign. Unlike
 * core/text/mathSegments (made for rendering), segments keep their delimiters and escapes, because
 * BibTeX must get the math back byte for byte.
 */
export function splitMath(s: string): { math: boolean; s: string }[] {
  const out: { math: boolean; s: string }[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && (s[i + 1] === '$' || s[i + 1] === '\\')) {
      text += s.slice(i, i + 2);
      i += 2;
      continue;
    }
    const close = c === '$' ? (s[i + 1] === '$' ? '$$' : '$') : c === '\\' && s[i + 1] === '(' ? '\\)' : c === '\\' && s[i + 1] === '[' ? '\\]' : null;
    if (close) {
      const open = close === '$' ? 1 : 2;
      const end = findClose(s, i + open, close);
      if (end !== -1) {
        if (text) out.push({ math: false, s: text });
        text = '';
        out.push({ math: true, s: s.slice(i, end + close.length) });
        i = end + close.length;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) out.push({ math: false, s: text });
  return out;
}

function findClose(s: string, from: number, close: string): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\' && close[0] === '$') {
      j++; // `\$` inside math is not the end
      continue;
    }
    if (s.startsWith(close, j)) return j > from ? j : -1;
  }
  return -1;
}

/** Pieces of a metadata string. */
export function readTexText(s: string): Piece[] {
  const pieces: Piece[] = [];
  for (const seg of splitMath(s)) {
    if (seg.math) pieces.push({ kind: 'math', tex: seg.s });
    else pieces.push(...readTextSegment(texAccentsToUnicode(seg.s)));
  }
  return merge(pieces);
}

function readTextSegment(s: string): Piece[] {
  const pairs = bracePairs(s);
  const out: Piece[] = [];
  const text = (t: string) => out.push({ kind: 'text', text: t });
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '{' || c === '}') {
      // Balanced braces are TeX grouping (`{\Lambda}CDM`, `{BERT}`); a stray one is a character.
      if (!pairs.has(i)) text(c);
      i++;
      continue;
    }
    if (c !== '\\') {
      text(c);
      i++;
      continue;
    }
    const next = s[i + 1] ?? '';
    if ('&%$#_{}'.includes(next) && next !== '') {
      text(next);
      i += 2;
      continue;
    }
    if (next === '\\' || next === ',' || next === ';' || next === ' ' || next === '!') {
      text(next === '!' ? '' : ' ');
      i += 2;
      continue;
    }
    const word = /^[A-Za-z]+/.exec(s.slice(i + 1));
    if (!word) {
      text('\\');
      i++;
      continue;
    }
    const name = word[0];
    let end = i + 1 + name.length;
    if (SYMBOL_MACROS[name] !== undefined) {
      if (s.startsWith('{}', end)) end += 2;
      text(SYMBOL_MACROS[name]);
    } else if (STYLE_MACROS.has(name)) {
      // The argument's braces are a balanced group, dropped above, so the text stays.
    } else {
      // Unknown TeX: keep the macro and its brace arguments exactly as written.
      while (s[end] === '{' && pairs.has(end)) end = (pairs.get(end) as number) + 1;
      out.push({ kind: 'tex', tex: s.slice(i, end) });
    }
    i = end;
  }
  return out;
}

/** Index of every `{` to its matching `}` and back, ignoring escaped braces. */
function bracePairs(s: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '{') stack.push(i);
    else if (s[i] === '}' && stack.length) {
      const open = stack.pop() as number;
      pairs.set(open, i);
      pairs.set(i, open);
    }
  }
  return pairs;
}

function merge(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') last.text += p.text;
    else if (p.kind !== 'text' || p.text !== '') out.push({ ...p });
  }
  return out;
}

/** Plain text for keys and comparisons: math and unknown TeX dropped, whitespace collapsed. */
export function plainText(pieces: Piece[]): string {
  return pieces
    .map((p) => (p.kind === 'text' ? p.text : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
