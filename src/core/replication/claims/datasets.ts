/**
 * Dataset names next to a reported value: "on ImageNet", "on the widely used KUL dataset",
 * "on the CIFAR-10, CIFAR-100 and DVS-Gesture datasets". A name is a run of capitalised or
 * digit-bearing tokens (WMT 2014 English-to-German, COCO 2017, NYU Depth v2).
 */

const TOKEN = String.raw`[A-Z0-9][\w.+@'’-]*[\w+]|[A-Z]`;
export const NAME = String.raw`(?:${TOKEN})(?:\s+(?:${TOKEN}|v\d+))*`;
const NAME_LIST = String.raw`${NAME}(?:\s*,\s*(?!and\b)${NAME})*(?:\s*,?\s*and\s+${NAME})?`;
const ADJECTIVES = String.raw`(?:(?:[a-z][\w-]*)\s+){0,3}?`;
const KIND = String.raw`(?:\s+(?:dataset|benchmark|corpus|test set|split|challenge)s?)?`;

const NOT_A_NAME = new Set([
  'The', 'Our', 'This', 'These', 'Those', 'It', 'We', 'In', 'On', 'For', 'And', 'With', 'A', 'An', 'All', 'Both', 'Each',
  'GPU', 'GPUs', 'CPU', 'CPUs', 'TPU', 'NVIDIA', 'Nvidia', 'Table', 'Figure', 'Section', 'Fig', 'Mean', 'Average', 'Overall',
]);

/** Trim what the name grammar swallows at the edges and reject words that are not datasets. */
export function cleanName(raw: string): string | null {
  const name = raw.replace(/[.,’']+$/, '').trim();
  const first = name.split(/\s+/)[0];
  if (!name || NOT_A_NAME.has(first) || /^(?:INT|FP|BF)\d+$/.test(first) || /^\d+$/.test(first)) return null;
  if (!/[A-Z]/.test(name)) return null;
  return name;
}

function splitList(list: string): string[] {
  return list
    .split(/\s*,\s*and\s+|\s*,\s*|\s+and\s+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** "on [the] [adjectives] NAME" at the very start of `text`. */
export function datasetRightAfter(text: string): string | null {
  const m = new RegExp(String.raw`^\s*\)?\s*(?:\([^()]*\)\s*)?on\s+(?:the\s+)?${ADJECTIVES}(${NAME})${KIND}`).exec(text);
  return m ? cleanName(m[1]) : null;
}

/** "on [the] A, B and C [datasets][, respectively]" at the start of `text`: the n names, in order. */
export function datasetListRightAfter(text: string): string[] | null {
  const m = new RegExp(String.raw`^\s*\)?\s*on\s+(?:the\s+)?${ADJECTIVES}(${NAME_LIST})${KIND}`).exec(text);
  if (!m) return null;
  const names = splitList(m[1]).map(cleanName);
  return names.every((n): n is string => n !== null) ? names : null;
}

/** The first "on [the] ... NAME" anywhere in `text` (the rest of a clause). */
export function firstDatasetIn(text: string): string | null {
  const re = new RegExp(String.raw`\bon\s+(?:the\s+)?${ADJECTIVES}(${NAME_LIST})${KIND}`, 'g');
  for (const m of text.matchAll(re)) {
    const names = splitList(m[1]).map(cleanName);
    if (names.length === 1 && names[0]) return names[0];
  }
  return null;
}

/** The last "on [the] ... NAME" in `text` (the clause before a value). */
export function lastDatasetIn(text: string): string | null {
  const re = new RegExp(String.raw`\bon\s+(?:the\s+)?${ADJECTIVES}(${NAME_LIST})${KIND}`, 'g');
  let found: string | null = null;
  for (const m of text.matchAll(re)) {
    const names = splitList(m[1]).map(cleanName);
    found = names.length === 1 ? names[0] : null;
  }
  return found;
}

/** A sentence-wide "on the NAME dataset|benchmark" (the kind word required): the only one, or null. */
export function namedDatasetIn(text: string): string | null {
  const re = new RegExp(String.raw`\b(?:on|using)\s+(?:the\s+)?${ADJECTIVES}(${NAME_LIST})\s+(?:dataset|benchmark|corpus)s?\b`, 'g');
  const found = [...text.matchAll(re)].flatMap((m) => splitList(m[1]).map(cleanName));
  return found.length === 1 ? found[0] : null;
}

/** The token right before a metric, when it looks like a benchmark name: "HumanEval scores". */
export function nameBefore(text: string): string | null {
  const m = /(?:^|\s)([A-Z][\w.+-]*[\w+])\s*$/.exec(text);
  if (!m) return null;
  const tok = m[1];
  const looksLikeName = /[A-Z].*[A-Z]|\d/.test(tok.slice(1)) || /[a-z][A-Z]/.test(tok);
  return looksLikeName ? cleanName(tok) : null;
}

/** "On ImageNet, our model ...", "On the WMT 2014 English-to-French translation task, ...": the set the sentence is about. */
export function leadingDataset(sentence: string): string | null {
  const m = new RegExp(String.raw`^(?:On|For|Across)\s+(?:the\s+)?${ADJECTIVES}(${NAME})(?:\s+[a-z][\w-]*){0,3}\s*,`).exec(sentence);
  return m ? cleanName(m[1]) : null;
}
