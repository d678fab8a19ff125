/**
 * Title fields: metadata text with its TeX read (texText.ts), specials escaped, math kept exactly
 * as written, and the words whose capitals matter (BERT, ImageNet, GPT-4, 3D) in braces, because
 * most BibTeX styles lower-case titles. Math is braced too: `$N$` must not become `$n$`.
 */
import { encodeText, type UnicodeMode } from './texEncode';
import { type Piece, readTexText } from './texText';

export function titleField(title: string, mode: UnicodeMode): string {
  return encodePieces(readTexText(title.replace(/\s+/g, ' ').trim()), mode, true);
}

/** Journal references and other text fields: the same reading and escaping, no case protection. */
export function textField(text: string, mode: UnicodeMode): string {
  return encodePieces(readTexText(text.replace(/\s+/g, ' ').trim()), mode, false);
}

function encodePieces(pieces: Piece[], mode: UnicodeMode, protect: boolean): string {
  let out = '';
  let first = true;
  for (const p of pieces) {
    if (p.kind !== 'text') {
      // Raw TeX is written back only when its braces balance; otherwise it would break the entry.
      if (!balanced(p.tex)) out += encodeText(p.tex, mode);
      else out += p.kind === 'math' && protect ? `{${p.tex}}` : p.tex;
      first = false;
      continue;
    }
    for (const token of p.text.split(/(\s+)/)) {
      if (token === '' || /^\s+$/.test(token)) {
        out += token;
        continue;
      }
      const [, lead, core, trail] = /^([("'`[]*)(.*?)([)\]"'.,:;!?]*)$/su.exec(token) as RegExpExecArray;
      const encoded = encodeText(core, mode);
      const braced = protect && core !== '' && needsProtection(core, first) ? `{${encoded}}` : encoded;
      out += encodeText(lead, mode) + braced + encodeText(trail, mode);
      first = false;
    }
  }
  return out;
}

/**
 * Capitals that a style must not lower-case: a capital after the first letter of any part of the
 * word (`ImageNet`, `BERT`, `GPT-4`, `3D`, `mRNA`), or a one-letter capital part (`U-Net`, `I`)
 * except a title's opening `A`.
 */
export function needsProtection(word: string, firstWord: boolean): boolean {
  const parts = word.split(/[-/–]/);
  return parts.some((part) => /^.+\p{Lu}/u.test(part) || (/^\p{Lu}$/u.test(part) && !(firstWord && parts.length === 1)));
}

/** Braces balance, ignoring escaped ones. */
export function balanced(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}
