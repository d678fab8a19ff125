/**
 * A paper's `notes.md` as data: parse it into record + body, write a new one, and rewrite the
 * record of an existing one while leaving every other byte alone.
 */
import {
  composeNote,
  joinNote,
  type ListStyle,
  type NoteParts,
  type PairEdit,
  parseYaml,
  rewriteYamlDocument,
  spliceYaml,
  splitNote,
  stringifyPairs,
  type TextProblem,
} from './frontMatter';
import { type LibraryRecord, RECORD_KEYS, recordsEqual } from './record';
import { readCanonical } from './canonicalReader';
import { readFields, readRecord } from './validateRecord';

export interface ParsedNote {
  record: LibraryRecord;
  /** The user's notes after the front matter, verbatim. */
  body: string;
  /** The YAML text between the fences, verbatim (line ends normalized to \n). */
  frontMatter: string;
  /** Keys the user added that the record does not define. */
  extras: Record<string, unknown>;
}

/** `line` is 1-based in the note file. */
export type NoteParse = { ok: true; note: ParsedNote } | { ok: false; problems: TextProblem[] };

const listStyle = (key: string): ListStyle => (key === 'authors' ? 'block' : 'flow');

export function serializeRecord(record: LibraryRecord): string {
  return stringifyPairs(
    RECORD_KEYS.map((k) => [k, record[k]] as const),
    listStyle,
  );
}

export function renderNote(record: LibraryRecord, body: string): string {
  return composeNote(serializeRecord(record), body);
}

/** The YAML parser's reading of a note (slower than readCanonical, but reads any YAML). */
function readParts(parts: NoteParts) {
  const parsed = parseYaml(parts.yaml);
  const toFile = (p: TextProblem) => ({ line: p.line + parts.yamlLine - 1, message: p.message });
  if (parsed.errors.length) return { ok: false as const, problems: parsed.errors.map(toFile) };
  const reading = readRecord(parsed);
  if (!reading.record) return { ok: false as const, problems: reading.problems.map(toFile) };
  return { ok: true as const, parsed, record: reading.record, extras: reading.extras };
}

export function parseNote(text: string): NoteParse {
  const parts = splitNote(text);
  if ('message' in parts) return { ok: false, problems: [parts] };
  const note = (record: LibraryRecord, extras: Record<string, unknown>) => ({ record, body: parts.body, frontMatter: parts.yaml, extras });
  // Notes the store wrote (nearly all of them) skip the YAML parser; see canonicalReader.ts.
  const fields = readCanonical(parts.yaml);
  const fast = fields && readFields(fields).record;
  if (fast) return { ok: true, note: note(fast, {}) };
  const r = readParts(parts);
  return r.ok ? { ok: true, note: note(r.record, r.extras) } : r;
}

export type NoteRewrite = { ok: true; text: string; changed: boolean } | { ok: false; problems: TextProblem[] };

/**
 * The note with its record replaced by `next(current)`. Only the changed keys are rewritten; if the
 * result would not read back as exactly the intended record with the same extras, the note is
 * printed from the parsed document instead, and if even that fails nothing is written.
 */
export function rewriteNote(text: string, next: (current: LibraryRecord) => LibraryRecord): NoteRewrite {
  const parts = splitNote(text);
  if ('message' in parts) return { ok: false, problems: [parts] };
  const r = readParts(parts);
  if (!r.ok) return r;
  const target = next(r.record);
  if (recordsEqual(r.record, target)) return { ok: true, text, changed: false };
  const edits: PairEdit[] = RECORD_KEYS.filter((k) => JSON.stringify(r.record[k]) !== JSON.stringify(target[k])).map((k) => ({
    key: k,
    value: target[k],
  }));
  const reads = (yaml: string | undefined): yaml is string => {
    if (yaml === undefined) return false;
    const back = readRecord(parseYaml(yaml));
    return !!back.record && recordsEqual(back.record, target) && JSON.stringify(back.extras) === JSON.stringify(r.extras);
  };
  const spliced = r.parsed.map ? spliceYaml(parts.yaml, r.parsed.map, edits, RECORD_KEYS, listStyle) : undefined;
  const yaml = reads(spliced) ? spliced : rewriteYamlDocument(r.parsed.doc, edits);
  if (!reads(yaml)) throw new Error(`Could not write the front matter of paper ${target.id} faithfully; the note was left as it was`);
  return { ok: true, text: joinNote({ ...parts, yaml }), changed: true };
}
