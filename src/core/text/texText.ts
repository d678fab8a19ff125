/**
 * arXiv titles and abstracts are the authors' TeX. Outside math, what TeX would print is what a
 * reader expects to see: accents as letters (`Schr\"odinger`), dashes (`--`, `---`), quotes and
 * escaped specials. For one-line labels (trees, tab titles) math is flattened to readable text.
 */
import { splitMath } from './mathSegments';
import { texAccentsToUnicode } from './texAccents';

const TEXT_REPLACEMENTS: [RegExp, string][] = [
  [/---/g, '\u2014'],
  [/--/g, '\u2013'],
  [/``/g, '\u201C'],
  [/''/g, '\u201D'],
  [/\\([%&#_{}])/g, '$1'],
  [/~/g, '\u00A0'],
];

/** Text as TeX would print it, for the parts outside math. */
export function texTextToUnicode(text: string): string {
  let out = texAccentsToUnicode(text);
  for (const [pattern, replacement] of TEXT_REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}

/** Math as plain text: `\ln\ln T` -> `ln ln T`, `1/\sqrt{n}` -> `1/sqrt(n)` (close enough for a label). */
function flattenMath(tex: string): string {
  return tex
    .replace(/\\(sqrt)\s*\{([^{}]*)\}/g, '$1($2)')
    .replace(/\\(?:mathrm|mathbf|mathit|mathcal|text|textrm|operatorname)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([A-Za-z]+)\s*/g, (_, name: string) => `${name} `)
    .replace(/[{}]/g, '')
    .replace(/\\,|\\;|\\!|\\ /g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A one-line, math-free label for a title: trees, tab titles, quick picks, messages. */
export function plainTitle(title: string): string {
  return splitMath(title)
    .map((s) => (s.kind === 'text' ? texTextToUnicode(s.text) : flattenMath(s.tex)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
