/**
 * Splits arXiv text (titles, abstracts) into plain text and TeX math, so math can be typeset and
 * everything else escaped. arXiv authors write `$…$`, `$$…$$`, `\(…\)` and `\[…\]`; an escaped
 * dollar (`\$`) is text, and an unmatched delimiter is left as text rather than swallowing the rest.
 */
export type Segment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

const OPENERS: { open: string; close: string; display: boolean }[] = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
  { open: '$', close: '$', display: false },
];

export function splitMath(input: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let i = 0;
  while (i < input.length) {
    if (input[i] === '\\' && input[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    const opener = OPENERS.find((o) => input.startsWith(o.open, i));
    if (opener) {
      const end = findClose(input, i + opener.open.length, opener.close);
      const tex = end === -1 ? '' : input.slice(i + opener.open.length, end);
      if (end !== -1 && tex.trim().length > 0) {
        if (text) segments.push({ kind: 'text', text });
        text = '';
        segments.push({ kind: 'math', tex, display: opener.display });
        i = end + opener.close.length;
        continue;
      }
    }
    text += input[i];
    i++;
  }
  if (text) segments.push({ kind: 'text', text });
  return segments;
}

function findClose(input: string, from: number, close: string): number {
  for (let j = from; j < input.length; j++) {
    if (input[j] === '\\' && close === '$') {
      j++; // skip escaped characters such as \$ inside math
      continue;
    }
    if (input.startsWith(close, j)) return j;
  }
  return -1;
}
