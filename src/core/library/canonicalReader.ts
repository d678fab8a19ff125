/**
 * Reads front matter written in exactly the shape `serializeRecord` produces, without the YAML
 * parser, which costs ~0.2 ms a note and so most of a 10,000-paper cold load. It accepts only
 * lines it can read with certainty (record keys, plain or double-quoted scalars, `[a, "b"]` lists,
 * `  - item` lists, `|` / `|-` blocks) and returns undefined for anything else (a comment, a key
 * of the user's, a tab, single quotes...), so the caller falls back to the YAML parser. A
 * differential test holds it to the parser's reading.
 */
import { isRecordKey, type RecordKey } from './record';
import type { Field, FieldValue } from './validateRecord';

const KEY_LINE = /^([A-Za-z]+):(?: (.*))?$/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
/** Characters that give a plain scalar another meaning when they start it. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
/** In a JSON string these escapes mean what they mean in a YAML double-quoted one. */
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function plain(text: string, inList: boolean): FieldValue | undefined {
  if (text === '' || INDICATORS.has(text[0]) || /^\s|\s$/.test(text) || text.endsWith(':')) return undefined;
  if (text.includes(': ') || text.includes(' #')) return undefined;
  if (inList && /[[\]{},:]/.test(text)) return undefined;
  return { kind: 'scalar', text: NULLS.has(text) ? null : text };
}

/** The end (exclusive) of a double-quoted scalar starting at `start`, or -1. */
function quotedEnd(line: string, start: number): number {
  for (let i = start + 1; i < line.length; ) {
    const c = line[i];
    if (c === '"') return i + 1;
    if (c === '\\') {
      JSON_ESCAPE.lastIndex = i;
      if (!JSON_ESCAPE.test(line)) return -1;
      i = JSON_ESCAPE.lastIndex;
    } else i++;
  }
  return -1;
}

function quoted(text: string): FieldValue | undefined {
  try {
    return { kind: 'scalar', text: JSON.parse(text) as string };
  } catch {
    return undefined; // e.g. a raw control character, which YAML would read differently
  }
}

function scalar(text: string): FieldValue | undefined {
  if (!text.startsWith('"')) return plain(text, false);
  return quotedEnd(text, 0) === text.length ? quoted(text) : undefined;
}

function flowList(text: string): FieldValue | undefined {
  const items: FieldValue[] = [];
  let i = 1;
  if (text === '[]') return { kind: 'list', items };
  for (;;) {
    let end: number;
    let item: FieldValue | undefined;
    if (text[i] === '"') {
      end = quotedEnd(text, i);
      item = end < 0 ? undefined : quoted(text.slice(i, end));
    } else {
      end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== ']') end++;
      item = plain(text.slice(i, end), true);
    }
    if (!item) return undefined;
    items.push(item);
    if (text.startsWith(', ', end)) i = end + 2;
    else return end === text.length - 1 && text[end] === ']' ? { kind: 'list', items } : undefined;
  }
}

/** Content lines of a `|` or `|-` block with the two-space indent the serializer uses. */
function literal(lines: string[], chomp: boolean): FieldValue | undefined {
  const content = lines.map((l) => l.slice(2));
  const first = content.find((l) => l !== '');
  // Whitespace-only lines and a first line that starts with a space are read by YAML's
  // indentation rules, not by position.
  if (lines.some((l) => l !== '' && l.trim() === '') || first?.startsWith(' ')) return undefined;
  while (content.length && content[content.length - 1] === '') content.pop();
  const text = content.join('\n');
  return { kind: 'scalar', text: text && !chomp ? `${text}\n` : text };
}

export function readCanonical(yaml: string): Field[] | undefined {
  if (/[\t\r]/.test(yaml) || (yaml !== '' && !yaml.endsWith('\n'))) return undefined;
  const lines = yaml.split('\n');
  lines.pop();
  const fields: Field[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const m = KEY_LINE.exec(lines[i]);
    if (!m || !isRecordKey(m[1]) || seen.has(m[1])) return undefined;
    const key: RecordKey = m[1];
    seen.add(key);
    const line = i + 1;
    const rest = m[2];
    let value: FieldValue | undefined;
    if (rest === undefined) {
      const items: FieldValue[] = [];
      while (lines[i + 1]?.startsWith('  - ')) {
        const item = scalar(lines[++i].slice(4));
        if (!item) return undefined;
        items.push(item);
      }
      value = items.length ? { kind: 'list', items } : { kind: 'scalar', text: null };
      fields.push({ key, value, line: items.length ? line + 1 : line });
      continue;
    }
    if (rest === '|' || rest === '|-') {
      const start = i + 1;
      while (i + 1 < lines.length && (lines[i + 1] === '' || lines[i + 1].startsWith('  '))) i++;
      value = literal(lines.slice(start, i + 1), rest === '|-');
    } else if (rest.startsWith('[')) {
      value = flowList(rest);
    } else {
      value = scalar(rest);
    }
    if (!value) return undefined;
    fields.push({ key, value, line });
  }
  return fields;
}
