/**
 * Removes LaTeX markup from titles and abstracts before tokenizing, so `\emph{sparse}` counts as
 * "sparse" and `$\mathcal{O}(n \log n)$` does not invent the terms "mathcal" and "log". Accents
 * are dropped rather than composed because the tokenizer folds accents away anyway.
 */

// `\'e`, `\"{o}`, `\^ o`: symbol accents, argument with or without braces.
const SYMBOL_ACCENT = /\\['"^`~=.]\s*(?:\{\s*\\?([A-Za-z])\s*\}|\\?([A-Za-z]))/g;
// `\v{s}`, `\c c`: letter accents need braces or a space before the argument.
const LETTER_ACCENT = /\\[uvHckrdb](?:\{\s*\\?([A-Za-z])\s*\}|\s+([A-Za-z]))/g;
// `\ss`, `\o`, `\l`: letters that are macros of their own; `\o` etc. must end the macro name.
const SPECIAL_LETTER = /\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])\s*/g;
// Commands whose argument is a reference or a URL, never prose.
const DROP_WITH_ARG = /\\(?:cite[a-z]*|ref|eqref|label|url|footnote|begin|end)\s*\{[^{}]*\}/g;
// `\href{url}{text}` keeps its text.
const HREF = /\\href\s*\{[^{}]*\}/g;
// Escaped characters: `\%`, `\&`, `\_`, `\#`, `\$`, `\{`, `\}`.
const ESCAPED = /\\([%&_#${}])/g;
// Any other command name; its braced arguments stay and lose their braces below.
const COMMAND = /\\[A-Za-z]+\*?|\\\\|\\[,;:!> ]/g;
// Inline and display math: `$..$`, `$$..$$`, `\(..\)`, `\[..\]`.
const MATH = /\$\$([^$]*)\$\$|\$([^$]*)\$|\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]/g;
const SCRIPTS = /[_^]/g;
const GROUPING = /[{}]/g;
const TIE = /~/g;

/** Where markup may start: every pattern above begins at one of these (SCRIPTS only inside math). */
const MARKUP_START = /[\\${}~]/;

export function stripLatex(text: string): string {
  // Most abstracts have no markup at all; skip the passes for them.
  if (text.indexOf('\\') < 0 && text.indexOf('$') < 0 && text.indexOf('{') < 0) return text;
  // No pattern matches before the first place markup may start, and a replacement only changes
  // what it matched: the text before it is left out of the passes, which copy the text each time.
  const first = text.search(MARKUP_START);
  return first > 0 ? text.slice(0, first) + stripMarkup(text.slice(first)) : stripMarkup(text);
}

/** Every pass over the whole text (what stripLatex does after the unmarked start; exported for its test). */
export function stripMarkup(text: string): string {
  return (
    text
      .replace(SYMBOL_ACCENT, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '')
      .replace(LETTER_ACCENT, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '')
      .replace(SPECIAL_LETTER, '$1')
      .replace(DROP_WITH_ARG, ' ')
      .replace(HREF, ' ')
      // An escaped `\$` is a price, not math: take it out before pairing the delimiters.
      .replace(ESCAPED, (_m, c: string) => (c === '$' ? ' ' : c))
      // Math delimiters go and what is inside stays, so `$k$NN` reads "kNN" and
      // `$\mathrm{SU}(2)$` reads "SU"; sub/superscripts split (`x_i` is not a word), and the
      // single-letter variables left over fall below the tokenizer's two-character minimum.
      .replace(MATH, (_m, a?: string, b?: string, c?: string, d?: string) => (a ?? b ?? c ?? d ?? '').replace(SCRIPTS, ' '))
      // A command glued to the next word (`\ln\ln T`) must not glue it to the previous one.
      .replace(COMMAND, ' ')
      .replace(GROUPING, '')
      .replace(TIE, ' ')
  );
}
