/**
 * arXiv text inside Markdown (notebook cells, README, report). Titles and abstracts carry TeX
 * ($H^3$, \emph{}) that Jupyter and VS Code render with MathJax/KaTeX, so math stays untouched;
 * outside math, characters Markdown would read as markup are escaped.
 */

const MATH = /(\$\$[^$]+\$\$|\$[^$\n]+\$|\\\([^]*?\\\))/g;

function escapeOutsideMath(text: string, escapeOne: (plain: string) => string): string {
  return text
    .split(MATH)
    .map((part, i) => (i % 2 === 1 ? part : escapeOne(part)))
    .join('');
}

/** One line of prose: whitespace collapsed, markup characters escaped outside math. */
export function mdText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return escapeOutsideMath(flat, (p) => p.replace(/[\\`*_[\]<>#|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`)));
}

/** A table cell: like mdText, and a pipe inside math is escaped too so the row does not split. */
export function mdCell(text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === '') return '–';
  return mdText(String(text)).replace(/(?<!\\)\|/g, '\\|');
}

/** A Markdown table from a header and rows of already-escaped cells. */
export function mdTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Text as a block quote, keeping paragraph breaks. */
export function mdQuote(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `> ${mdText(para)}`)
    .join('\n>\n');
}

/** A string as a Python literal (JSON strings are valid Python string literals). */
export function pyString(text: string): string {
  return JSON.stringify(text);
}
