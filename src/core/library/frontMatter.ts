/**
 * The text layer of a note: split `notes.md` into its YAML front matter and body, and write
 * front matter back. Rewrites splice only the changed top-level keys into the user's text, so
 * comments, unknown keys, quoting and blank lines the user chose survive byte for byte.
 */
import type { Document, Pair, ParsedNode, YAMLMap } from 'yaml';
import { yaml as yamlLib } from '../lazy';

/**
 * One style everywhere: never fold long lines (a re-wrap would churn diffs), `[a, b]` lists, and
 * only double quotes (one quoting rule to read back; see canonicalReader.ts).
 */
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false, singleQuote: false } as const;

export interface NoteParts {
  /** The opening fence line with its line end, verbatim. */
  open: string;
  /** The YAML between the fences, with `\n` line ends. */
  yaml: string;
  /** The closing fence line with its line end (if any), verbatim. */
  close: string;
  /** Everything after the closing fence: the user's notes, never touched. */
  body: string;
  /** The file's line end, used when YAML text is written back. */
  eol: '\n' | '\r\n';
  /** 1-based line of the file on which the YAML starts (2 after the opening fence). */
  yamlLine: number;
}

export interface TextProblem {
  /** 1-based line in the note file. */
  line: number;
  message: string;
}

const FENCE = /^(\uFEFF)?---[ \t]*(\r?\n)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

export function splitNote(text: string): NoteParts | TextProblem {
  const open = FENCE.exec(text);
  if (!open) return { line: 1, message: 'No front matter: the first line of notes.md must be ---' };
  const eol = open[2] === '\r\n' ? '\r\n' : '\n';
  CLOSING.lastIndex = open[0].length;
  const close = CLOSING.exec(text);
  if (!close) return { line: 1, message: 'The front matter is not closed: add a line with --- after it' };
  const rawYaml = text.slice(open[0].length, close.index);
  return {
    open: open[0],
    yaml: eol === '\r\n' ? rawYaml.replace(/\r\n/g, '\n') : rawYaml,
    close: close[0],
    body: text.slice(close.index + close[0].length),
    eol,
    yamlLine: 2,
  };
}

export function joinNote(parts: NoteParts): string {
  const yaml = parts.eol === '\r\n' ? parts.yaml.replace(/\n/g, '\r\n') : parts.yaml;
  return parts.open + yaml + parts.close + parts.body;
}

/** A fresh note's text around canonical YAML. */
export function composeNote(yaml: string, body: string): string {
  return `---\n${yaml}---\n${body}`;
}

const UNCLOSED = /closing|end with a/;

export interface ParsedYaml {
  doc: Document.Parsed;
  /** The top-level mapping, when the YAML is one. */
  map: YAMLMap<ParsedNode, ParsedNode | null> | undefined;
  /** 1-based line within the YAML text of an offset into it. */
  lineAt(offset: number): number;
  /** Syntax errors, with 1-based lines within the YAML text. */
  errors: TextProblem[];
}

export function parseYaml(yaml: string): ParsedYaml {
  const lineCounter = new (yamlLib().LineCounter)();
  const doc = yamlLib().parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const map = yamlLib().isMap<ParsedNode, ParsedNode | null>(doc.contents) ? doc.contents : undefined;
  const errors = doc.errors.map((e) => {
    // An unclosed quote or bracket is only noticed lines later; point at the key it belongs to.
    const opened = UNCLOSED.test(e.message) ? map?.items.filter((p) => (p.key as ParsedNode).range[0] < e.pos[0]).pop() : undefined;
    if (!opened) return { line: lineAt(e.pos[0]), message: e.message };
    const key = opened.key as ParsedNode;
    return { line: lineAt(key.range[0]), message: `The value of "${String(key.toJSON())}" is not closed: ${e.message}` };
  });
  return { doc, map, lineAt, errors };
}

/** How a list is written: authors one per line, short lists (tags, categories) inline. */
export type ListStyle = 'block' | 'flow';

/** Canonical YAML for key/value pairs in the given order; null values are left out. */
export function stringifyPairs(pairs: ReadonlyArray<readonly [string, unknown]>, listStyle: (key: string) => ListStyle): string {
  const present = pairs.filter(([, v]) => v !== null && v !== undefined);
  if (present.length === 0) return '';
  const doc = new (yamlLib().Document)(Object.fromEntries(present));
  for (const item of (doc.contents as YAMLMap<{ value: string }, unknown>).items) {
    if (yamlLib().isSeq(item.value)) item.value.flow = listStyle(item.key.value) === 'flow';
  }
  return doc.toString(STRINGIFY);
}

export interface PairEdit {
  key: string;
  /** null removes the key. */
  value: unknown;
}

interface Span {
  key: string;
  /** Where the key starts (always a line start). */
  start: number;
  /** Where the value's own text ends; a same-line comment after it is kept. */
  valueEnd: number;
  /** The start of the line after the pair. */
  next: number;
  /** The existing value is a non-empty list in this style, which a rewrite keeps. */
  listStyle: ListStyle | undefined;
}

function spans(yaml: string, map: YAMLMap<ParsedNode, ParsedNode | null>): Span[] | undefined {
  const out: Span[] = [];
  for (const pair of map.items as Pair<ParsedNode, ParsedNode | null>[]) {
    const start = pair.key.range[0];
    if (start > 0 && yaml[start - 1] !== '\n') return undefined; // indented or flow mapping
    const valueEnd = pair.value ? pair.value.range[1] : pair.key.range[1];
    const lineEnd = yaml.indexOf('\n', valueEnd - 1);
    const next = yaml[valueEnd - 1] === '\n' ? valueEnd : lineEnd === -1 ? yaml.length : lineEnd + 1;
    const value = pair.value;
    const listStyle = yamlLib().isSeq(value) && value.items.length > 0 ? (value.flow ? 'flow' : 'block') : undefined;
    out.push({ key: String((pair.key as { value?: unknown }).value), start, valueEnd, next, listStyle });
  }
  return out;
}

interface Splice {
  at: number;
  end: number;
  text: string;
  rank: number;
}

/**
 * Applies edits to YAML text by splicing: a changed key's text is replaced in place, a new key is
 * inserted after the nearest key that precedes it in `order`, a removed key's lines are deleted.
 * Returns undefined when the layout is not a plain block mapping; callers then fall back.
 */
export function spliceYaml(
  yaml: string,
  map: YAMLMap<ParsedNode, ParsedNode | null>,
  edits: readonly PairEdit[],
  order: readonly string[],
  listStyle: (key: string) => ListStyle,
): string | undefined {
  const existing = spans(yaml, map);
  if (!existing) return undefined;
  const byKey = new Map(existing.map((s) => [s.key, s]));
  const splices: Splice[] = [];
  for (const edit of edits) {
    const rank = order.indexOf(edit.key);
    const span = byKey.get(edit.key);
    if (span) {
      const hasTail = span.valueEnd !== span.next && yaml.slice(span.valueEnd, span.next).trim() !== '';
      if (edit.value === null) {
        splices.push({ at: span.start, end: span.next, text: '', rank });
        continue;
      }
      const style = span.listStyle ?? listStyle(edit.key);
      const text = stringifyPairs([[edit.key, edit.value]], () => style);
      // Keep a same-line comment (`status: reading # since Monday`) after the new value.
      splices.push(hasTail ? { at: span.start, end: span.valueEnd, text: text.slice(0, -1), rank } : { at: span.start, end: span.next, text, rank });
      continue;
    }
    if (edit.value === null) continue;
    const text = stringifyPairs([[edit.key, edit.value]], listStyle);
    const before = existing.filter((s) => order.indexOf(s.key) !== -1 && order.indexOf(s.key) < rank);
    const after = existing.find((s) => order.indexOf(s.key) > rank);
    const at = before.length ? before[before.length - 1].next : after ? after.start : yaml.length;
    splices.push({ at, end: at, text, rank });
  }
  // Right to left, so earlier offsets stay valid; inserts at one point land in key order.
  splices.sort((a, b) => b.at - a.at || b.rank - a.rank);
  let out = yaml;
  for (const s of splices) {
    const glue = s.at === out.length && out.length > 0 && !out.endsWith('\n') && s.text ? '\n' : '';
    out = out.slice(0, s.at) + glue + s.text + out.slice(s.end);
  }
  return out;
}

/** The fallback when splicing cannot apply: edit the parsed document (comments kept) and print it. */
export function rewriteYamlDocument(doc: Document.Parsed, edits: readonly PairEdit[]): string {
  const copy = doc.clone();
  for (const edit of edits) {
    if (edit.value === null) copy.delete(edit.key);
    else copy.set(edit.key, edit.value);
  }
  return copy.toString(STRINGIFY);
}
