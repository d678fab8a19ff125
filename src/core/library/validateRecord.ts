/**
 * Reads a library record out of front matter fields, one by one, so every problem names the line
 * the user has to fix. Keys the record does not know are handed back untouched as extras.
 */
import type { ParsedNode } from 'yaml';
import { yaml } from '../lazy';
import type { ParsedYaml, TextProblem } from './frontMatter';
import { isRecordKey, isValidDate, type LibraryRecord, normalizeTags, parseStatus, type RecordKey, STATUSES } from './record';

export interface RecordReading {
  record: LibraryRecord | undefined;
  /** Lines are 1-based within the YAML text. */
  problems: TextProblem[];
  /** Keys the user added that the record does not define, as plain values. */
  extras: Record<string, unknown>;
}

/**
 * A front matter value as text, the same whichever reader produced it (the YAML parser, or the
 * fast reader of canonical notes): validation then has one definition.
 */
export type FieldValue = { kind: 'scalar'; text: string | null } | { kind: 'list'; items: FieldValue[] } | { kind: 'map' };

export interface Field {
  key: RecordKey;
  value: FieldValue;
  /** 1-based line of the value within the YAML text. */
  line: number;
}

const REQUIRED: readonly RecordKey[] = ['id', 'title', 'status', 'added'];

class FieldError extends Error {}

/**
 * A scalar as the user wrote it: `id: 1605.08380` must stay "1605.08380", not the number
 * 1605.0838, and `tags: [2024]` is the tag "2024".
 */
export function fieldValueOf(node: ParsedNode | null): FieldValue {
  if (node === null) return { kind: 'scalar', text: null };
  if (yaml().isSeq(node)) return { kind: 'list', items: node.items.map((item) => fieldValueOf(item as ParsedNode | null)) };
  if (!yaml().isScalar(node)) return { kind: 'map' };
  if (node.value === null) return { kind: 'scalar', text: null };
  if (typeof node.value === 'string') return { kind: 'scalar', text: node.value };
  return { kind: 'scalar', text: node.type === 'PLAIN' && node.source !== undefined ? node.source : String(node.value) };
}

function text(value: FieldValue): string | null {
  if (value.kind !== 'scalar') throw new FieldError('must be a single value, not a list or mapping');
  return value.text;
}

function list(value: FieldValue): string[] {
  if (value.kind === 'scalar' && value.text === null) return [];
  if (value.kind !== 'list') throw new FieldError('must be a list, e.g. [a, b] or one "- item" per line');
  return value.items.map((item) => {
    const t = text(item);
    if (t === null || t.trim() === '') throw new FieldError('must not contain empty items');
    return t;
  });
}

function date(value: FieldValue): string | null {
  const v = text(value);
  if (v === null || v.trim() === '') return null;
  if (!isValidDate(v)) throw new FieldError(`must be a date like 2024-05-17 or 2024-05-17T09:30:00Z, not "${v}"`);
  return v;
}

function optionalText(value: FieldValue): string | null {
  const v = text(value);
  return v === null || v.trim() === '' ? null : v;
}

type Reader = (value: FieldValue) => unknown;

const READERS: Record<RecordKey, Reader> = {
  id: (n) => {
    const v = optionalText(n);
    if (v === null) throw new FieldError('must not be empty');
    if (/\s/.test(v)) throw new FieldError(`must be an arXiv id without spaces, like 1605.08386 or hep-th/9901001, not "${v}"`);
    return v;
  },
  version: (n) => {
    const v = text(n);
    if (v === null) return 1;
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new FieldError(`must be a whole number from 1, not "${v}"`);
    return Number(v);
  },
  title: (n) => {
    const v = optionalText(n);
    if (v === null) throw new FieldError('must not be empty');
    return v;
  },
  authors: list,
  published: date,
  primaryCategory: optionalText,
  categories: list,
  status: (n) => {
    const v = text(n);
    const status = v === null ? undefined : parseStatus(v);
    if (!status) throw new FieldError(`must be one of ${STATUSES.join(', ')}; "${v ?? ''}" is not a status`);
    return status;
  },
  tags: (n) => normalizeTags(list(n)),
  added: (n) => {
    const v = date(n);
    if (v === null) throw new FieldError('must not be empty');
    return v;
  },
  started: date,
  finished: date,
  abs: optionalText,
  pdf: optionalText,
  doi: optionalText,
  journalRef: optionalText,
  comment: optionalText,
  summary: optionalText,
};

const DEFAULTS: LibraryRecord = {
  id: '',
  version: 1,
  title: '',
  authors: [],
  published: null,
  primaryCategory: null,
  categories: [],
  status: 'inbox',
  tags: [],
  added: '',
  started: null,
  finished: null,
  abs: null,
  pdf: null,
  doi: null,
  journalRef: null,
  comment: null,
  summary: null,
};

/** The record the fields describe, or the problems that stop it being one. */
export function readFields(fields: readonly Field[]): { record: LibraryRecord | undefined; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  const record: LibraryRecord = { ...DEFAULTS, authors: [], categories: [], tags: [] };
  const seen = new Set<string>();
  for (const { key, value, line } of fields) {
    seen.add(key);
    try {
      (record as unknown as Record<string, unknown>)[key] = READERS[key](value);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      problems.push({ line, message: `"${key}" ${e.message}` });
    }
  }
  for (const key of REQUIRED) {
    if (!seen.has(key)) problems.push({ line: 1, message: `Missing "${key}": every paper note needs ${REQUIRED.join(', ')}` });
  }
  return { record: problems.length ? undefined : record, problems };
}

/** Reads the record from parsed YAML; keys the record does not define become extras. */
export function readRecord(parsed: ParsedYaml): RecordReading {
  const problems: TextProblem[] = [];
  const extras: Record<string, unknown> = {};
  if (!parsed.map) {
    return { record: undefined, problems: [{ line: 1, message: 'The front matter must be a YAML mapping of "key: value" lines' }], extras };
  }
  const fields: Field[] = [];
  for (const pair of parsed.map.items) {
    const keyNode = pair.key as ParsedNode;
    const key = yaml().isScalar(keyNode) ? String(keyNode.value) : undefined;
    const value = pair.value as ParsedNode | null;
    if (key === undefined) problems.push({ line: parsed.lineAt(keyNode.range[0]), message: 'A key must be a plain name' });
    else if (!isRecordKey(key)) extras[key] = value === null ? null : value.toJS(parsed.doc);
    else fields.push({ key, value: fieldValueOf(value), line: parsed.lineAt((value ?? keyNode).range[0]) });
  }
  const reading = readFields(fields);
  problems.push(...reading.problems);
  return { record: problems.length ? undefined : reading.record, problems, extras };
}
