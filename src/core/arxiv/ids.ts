/**
 * arXiv identifiers: parse every form a user pastes (bare id, `arXiv:` prefix, abs/pdf/html URL),
 * normalise it, and reject look-alikes with a reason a person can act on.
 *
 * Rules (https://info.arxiv.org/help/arxiv_identifier.html):
 * - new scheme from April 2007: `YYMM.NNNN` for 0704–1412, `YYMM.NNNNN` from 1501;
 * - old scheme 1991 – March 2007: `archive(.SC)?/YYMMNNN`. The subject class is dropped when
 *   normalising, because the preferred external form is `math/0309136`, which is also what
 *   the API returns, so the same paper always gets the same key.
 * No vscode import: the CLI and the tests use this module directly.
 */
import { ArxivError } from './errors';

export type ArxivIdScheme = 'new' | 'old';

export interface ArxivId {
  /** Normalised id without version: `2401.12345`, `hep-th/9901001`. */
  id: string;
  /** Explicit version, or null when the input named none (meaning "latest"). */
  version: number | null;
  scheme: ArxivIdScheme;
}

export type ParseArxivIdResult = { ok: true; id: ArxivId } | { ok: false; reason: string };

/**
 * Archives that issued old-style ids, with the first and (for defunct ones) last month they
 * were in use, as YYYYMM. From the arXiv taxonomy (arxiv-base `taxonomy/definitions.py`);
 * archives born after March 2007 (stat, q-fin, econ, eess) never had old-style ids, and the
 * `test` archive is left out on purpose.
 */
const OLD_ARCHIVES: ReadonlyMap<string, readonly [number, number]> = new Map<string, [number, number]>([
  ['acc-phys', [199411, 199609]],
  ['adap-org', [199303, 199912]],
  ['alg-geom', [199202, 199712]],
  ['ao-sci', [199502, 199609]],
  ['astro-ph', [199204, 200703]],
  ['atom-ph', [199509, 199609]],
  ['bayes-an', [199506, 199611]],
  ['chao-dyn', [199301, 199912]],
  ['chem-ph', [199403, 199609]],
  ['cmp-lg', [199404, 199809]],
  ['comp-gas', [199302, 199912]],
  ['cond-mat', [199204, 200703]],
  ['cs', [199301, 200703]],
  ['dg-ga', [199406, 199712]],
  ['funct-an', [199204, 199712]],
  ['gr-qc', [199207, 200703]],
  ['hep-ex', [199404, 200703]],
  ['hep-lat', [199202, 200703]],
  ['hep-ph', [199203, 200703]],
  ['hep-th', [199108, 200703]],
  ['math', [199202, 200703]],
  ['math-ph', [199609, 200703]],
  ['mtrl-th', [199411, 199609]],
  ['nlin', [199301, 200703]],
  ['nucl-ex', [199412, 200703]],
  ['nucl-th', [199210, 200703]],
  ['patt-sol', [199302, 199912]],
  ['physics', [199610, 200703]],
  ['plasm-ph', [199509, 199609]],
  ['q-alg', [199412, 199712]],
  ['q-bio', [200309, 200703]],
  ['quant-ph', [199412, 200703]],
  ['solv-int', [199304, 199912]],
  ['supr-con', [199411, 199609]],
]);

/** Archive names accepted in old-style ids (for generators and messages). */
export const OLD_STYLE_ARCHIVES: readonly string[] = [...OLD_ARCHIVES.keys()];

/** First and last YYYYMM an archive issued old-style ids. */
export function oldArchiveRange(archive: string): readonly [number, number] | undefined {
  return OLD_ARCHIVES.get(archive);
}

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);
const URL_RE = /^(?:https?:\/\/)?([^/?#\s]+)(\/[^?#\s]*)?(?:\?[^#\s]*)?(?:#\S*)?$/i;
const SCHEMELESS_ARXIV_URL_RE = /^(?:www\.|export\.)?arxiv\.org\//i;
const PREFIX_RE = /^arxiv:\s*/i;
const NEW_LOOSE_RE = /^(\d+)\.(\d+)(.*)$/;
const OLD_LOOSE_RE = /^([A-Za-z][A-Za-z-]*)(?:\.([A-Za-z0-9-]+))?\/(\d+)(.*)$/;
const DOI_RE = /^(?:doi:\s*)?10\.\d{4,9}\//i;
const VERSION_RE = /^v(\d+)$/;

const fail = (reason: string): ParseArxivIdResult => ({ ok: false, reason });
/** Quote user input in a reason, cut short so a pasted paragraph does not become the message. */
const quote = (s: string): string => `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;

/** Parse any pasted form of an arXiv id. Never throws. */
export function parseArxivId(input: string): ParseArxivIdResult {
  if (typeof input !== 'string') return fail('not a string');
  const text = input.trim();
  if (text === '') return fail('empty input');
  const quick = validNewStyle(text, absUrlIdStart(text));
  if (quick) return { ok: true, id: quick };
  if (/^https?:\/\//i.test(text) || SCHEMELESS_ARXIV_URL_RE.test(text)) return parseUrl(text);
  const bare = text.replace(PREFIX_RE, '');
  if (bare === '') return fail('nothing after the "arXiv:" prefix');
  return parseBareId(bare);
}

function parseUrl(text: string): ParseArxivIdResult {
  const m = URL_RE.exec(text);
  if (!m) return fail(`not a valid URL: ${quote(text)}`);
  const host = m[1].toLowerCase();
  if (!ARXIV_HOSTS.has(host)) return fail(`not an arXiv URL (host ${quote(m[1])})`);
  const path = m[2] ?? '';
  const pm = /^\/(abs|pdf|html)\/(.+?)\/?$/.exec(path);
  if (!pm) return fail(`not an arXiv paper URL (path ${quote(path || '/')}); expected /abs/, /pdf/ or /html/`);
  let rest = pm[2];
  // /pdf/<id>.pdf is an old spelling of /pdf/<id> that arXiv still serves.
  if (pm[1] === 'pdf' && rest.endsWith('.pdf')) rest = rest.slice(0, -4);
  return parseBareId(rest);
}

function parseBareId(s: string): ParseArxivIdResult {
  const quick = validNewStyle(s);
  if (quick) return { ok: true, id: quick };
  if (/\s/.test(s)) return fail(`unexpected whitespace in ${quote(s)}`);
  if (DOI_RE.test(s)) return fail(`${quote(s)} is a DOI, not an arXiv identifier`);
  const n = NEW_LOOSE_RE.exec(s);
  if (n) return parseNewStyle(n[1], n[2], n[3]);
  const o = OLD_LOOSE_RE.exec(s);
  if (o) return parseOldStyle(o[1], o[2], o[3], o[4]);
  return fail(`${quote(s)} is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)`);
}

/**
 * The id that `s` is from `from` on, when that is a valid new-style id with an optional version
 * (`2411.12345`, `0801.1234v2`), read digit by digit; otherwise undefined, and the general path
 * judges it and words the reason. Nearly every id takes this form, and a response brings
 * thousands of them: read this way, one allocates no regexp matches or substrings, only the id
 * it yields.
 */
function validNewStyle(s: string, from = 0): ArxivId | undefined {
  if (from < 0 || s.length < from + 9 || s.charCodeAt(from + 4) !== 0x2e /* . */) return undefined;
  const yymm = digitsValue(s, from, from + 4);
  const month = yymm % 100;
  if (yymm < 704 || month < 1 || month > 12) return undefined;
  const numEnd = from + (yymm <= 1412 ? 9 : 10);
  if (digitsValue(s, from + 5, numEnd) <= 0) return undefined; // not digits, or all zeros
  if (s.length === numEnd) return { id: from === 0 ? s : s.slice(from), version: null, scheme: 'new' };
  // `v` and a version without a leading zero (so v0 too is left to the general path).
  if (s.charCodeAt(numEnd) !== 0x76 /* v */ || s.charCodeAt(numEnd + 1) === 0x30) return undefined;
  const version = digitsValue(s, numEnd + 1, s.length);
  if (version <= 0 || !Number.isSafeInteger(version)) return undefined;
  return { id: s.slice(from, numEnd), version, scheme: 'new' };
}

// The abs page URLs the API gives each entry as its <id>, read without the URL parser.
const ABS_URL_PREFIXES = ['https://arxiv.org/abs/', 'http://arxiv.org/abs/'];

/** Where the id starts in one of those URLs, or -1. */
function absUrlIdStart(s: string): number {
  for (const prefix of ABS_URL_PREFIXES) if (s.startsWith(prefix)) return prefix.length;
  return -1;
}

/** The decimal number s[from, to) spells, or -1 when it is empty or holds anything but digits. */
function digitsValue(s: string, from: number, to: number): number {
  if (from >= to || to > s.length) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function parseVersion(rest: string): { version: number | null } | { reason: string } {
  if (rest === '') return { version: null };
  const v = VERSION_RE.exec(rest);
  if (!v) {
    if (rest[0] === 'v' || rest[0] === 'V') return { reason: `invalid version ${quote(rest)} (expected v1, v2, ...)` };
    return { reason: `unexpected trailing text ${quote(rest)}` };
  }
  if (/^0+$/.test(v[1])) return { reason: 'version v0 does not exist; versions start at v1' };
  if (v[1][0] === '0') return { reason: `version ${quote(rest)} has a leading zero` };
  const version = Number(v[1]);
  if (!Number.isSafeInteger(version)) return { reason: `version ${quote(rest)} is too large` };
  return { version };
}

function parseNewStyle(yymm: string, num: string, rest: string): ParseArxivIdResult {
  if (yymm.length !== 4) return fail(`${quote(yymm)} before the dot must be YYMM (4 digits)`);
  const month = Number(yymm.slice(2));
  if (month < 1 || month > 12) return fail(`month ${yymm.slice(2)} does not exist (in ${quote(yymm)})`);
  const ym = Number(yymm);
  if (ym < 704) return fail(`new-style identifiers start in April 2007 (0704); ${quote(yymm)} is earlier`);
  const want = ym <= 1412 ? 4 : 5;
  if (num.length !== want) {
    return fail(
      want === 4
        ? `identifiers from ${yymm} (before 2015) have 4 digits after the dot, not ${num.length}`
        : `identifiers from ${yymm} (since 2015) have 5 digits after the dot, not ${num.length}`,
    );
  }
  if (/^0+$/.test(num)) return fail(`sequence number ${num} is never issued (numbering starts at 1)`);
  const v = parseVersion(rest);
  if ('reason' in v) return fail(v.reason);
  return { ok: true, id: { id: `${yymm}.${num}`, version: v.version, scheme: 'new' } };
}

function parseOldStyle(archive: string, subjectClass: string | undefined, digits: string, rest: string): ParseArxivIdResult {
  const range = OLD_ARCHIVES.get(archive);
  if (!range) {
    const lower = OLD_ARCHIVES.has(archive.toLowerCase()) ? ` (archive names are lower-case: ${quote(archive.toLowerCase())})` : '';
    return fail(`unknown arXiv archive ${quote(archive)}${lower}`);
  }
  // Subject classes are two capitals (math.GT, cs.AI) or lower-case words (physics.acc-ph).
  if (subjectClass !== undefined && !/^(?:[A-Z]{2}|[a-z]+(?:-[a-z]+)*)$/.test(subjectClass)) {
    return fail(`invalid subject class ${quote(subjectClass)} in ${quote(`${archive}.${subjectClass}`)}`);
  }
  if (digits.length !== 7) return fail(`old-style identifiers have 7 digits (YYMMNNN) after the slash, not ${digits.length}`);
  const yy = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  if (mm < 1 || mm > 12) return fail(`month ${digits.slice(2, 4)} does not exist (in ${quote(digits)})`);
  if (yy > 7 && yy < 91) return fail(`old-style identifiers date from 1991 to 2007; year ${quote(digits.slice(0, 2))} is outside`);
  const yyyymm = (yy >= 91 ? 1900 + yy : 2000 + yy) * 100 + mm;
  if (yyyymm > 200703) return fail(`old-style identifiers ended in March 2007; use the new form YYMM.NNNNN`);
  if (yyyymm < range[0] || yyyymm > range[1]) {
    return fail(`archive ${quote(archive)} issued identifiers from ${fmtYm(range[0])} to ${fmtYm(range[1])}, not in ${fmtYm(yyyymm)}`);
  }
  if (digits.slice(4) === '000') return fail(`sequence number 000 is never issued (numbering starts at 001)`);
  const v = parseVersion(rest);
  if ('reason' in v) return fail(v.reason);
  return { ok: true, id: { id: `${archive}/${digits}`, version: v.version, scheme: 'old' } };
}

function fmtYm(yyyymm: number): string {
  return `${Math.floor(yyyymm / 100)}-${String(yyyymm % 100).padStart(2, '0')}`;
}

/**
 * The normalised id without version (`arXiv:math.GT/0309136v2` -> `math/0309136`).
 * Throws ArxivError('invalid-id') with the reason when the input is not an arXiv id.
 */
export function normalizeArxivId(input: string): string {
  const r = parseArxivId(input);
  if (!r.ok) throw new ArxivError('invalid-id', `Not an arXiv identifier: ${r.reason}`);
  return r.id.id;
}

/** `2401.12345` + 2 -> `2401.12345v2`; null/undefined version -> the bare id. */
export function formatArxivId(id: string | ArxivId, version?: number | null): string {
  const base = typeof id === 'string' ? id : id.id;
  const v = version === undefined && typeof id !== 'string' ? id.version : version;
  return v === null || v === undefined ? base : `${base}v${v}`;
}

/** A file-name-safe form: `hep-th/9901001` -> `hep-th_9901001` (new-style ids are unchanged). */
export function fileSafeId(id: string): string {
  return id.replace(/\//g, '_');
}
