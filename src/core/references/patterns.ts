/**
 * Regular expressions for arXiv references, written once and used twice: compiled as JS RegExp
 * by the matcher, and copied into the TextMate injection grammar (see grammar.ts). They therefore
 * use only syntax Oniguruma and JavaScript read the same way: no flags (case-insensitivity is
 * spelled out as `[aA]`), no named groups, fixed-length lookbehind, no `\p{...}`.
 *
 * The expressions encode the shape rules of identifiers (https://info.arxiv.org/help/arxiv_identifier.html)
 * that a regex can: months 01–12, `YYMM.NNNN` from 0704 to 1412 and `YYMM.NNNNN` from 1501, old-style
 * `archive(.SC)/YYMMNNN` from 1991 to 2007. Range checks per archive are left to `parseArxivId`.
 */
import { OLD_STYLE_ARCHIVES } from '../arxiv/ids';

/** `arxiv` -> `[aA][rR][xX][iI][vV]`; other characters are escaped. */
export function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
}

const MONTH = '(?:0[1-9]|1[0-2])';
/** 0704–1412 with four digits; sequence 0000 is never issued. */
const NEW4 = `(?:07(?:0[4-9]|1[0-2])|(?:0[89]|1[0-4])${MONTH})\\.(?!0000)\\d{4}`;
/** 1501 onwards with five digits. */
const NEW5 = `(?:1[5-9]|[2-9]\\d)${MONTH}\\.(?!00000)\\d{5}`;
export const NEW_ID = `(?:${NEW4}|${NEW5})`;

/** Longest names first, so `math-ph` is tried before `math`. */
const ARCHIVES = [...OLD_STYLE_ARCHIVES].sort((a, b) => b.length - a.length || a.localeCompare(b));
const SUBJECT_CLASS = '(?:\\.(?:[A-Z]{2}|[a-z]+(?:-[a-z]+)*))?';
export const OLD_ID = `(?:${ARCHIVES.join('|')})${SUBJECT_CLASS}/(?:9[1-9]|0[0-7])${MONTH}(?!000)\\d{3}`;

export const ANY_ID = `(?:${NEW_ID}|${OLD_ID})`;
const VERSION = '(?:v[1-9]\\d{0,2})?';
/** The one capture group of every pattern: the id with its version. */
const cap = (id: string): string => `(${id}${VERSION})`;
/**
 * What may not follow an id: more digits or letters (`1706.03762abc`, `...v5b`), or a number
 * continuing after a dot or dash (`1203.4567.12`, `1203.4567-8`). `.pdf`, punctuation and
 * brackets may.
 */
const END = '(?![0-9A-Za-z_]|\\.\\d|-\\d)';

/** Hosts whose paths carry an arXiv id directly. */
const URL_HOST = [
  `(?:(?:${anyCase('www')}|${anyCase('export')}|${anyCase('browse')})\\.)?${anyCase('arxiv.org')}/(?:abs|pdf|html|format|ps)/`,
  `${anyCase('ar5iv')}(?:\\.labs\\.arxiv)?\\.org/(?:abs|html)/`,
  'huggingface\\.co/papers/',
  '(?:www\\.)?alphaxiv\\.org/(?:abs|overview)/',
].join('|');

/** abs/pdf/html URLs, with or without scheme, `/pdf/ID.pdf` included. */
export const URL_REFERENCE = `(?<![\\w.\\-])(?:[hH][tT][tT][pP][sS]?://)?(?:${URL_HOST})${cap(ANY_ID)}(?:\\.pdf)?${END}`;

/** arXiv's DataCite DOIs: `10.48550/arXiv.1706.03762`, also as doi.org URLs or `doi:` strings. */
export const DOI_REFERENCE = `(?<![\\w.\\-])(?:[hH][tT][tT][pP][sS]?://(?:dx\\.)?doi\\.org/|${anyCase('doi')}:[ \\t]?)?10\\.48550/${anyCase('arxiv')}\\.${cap(ANY_ID)}${END}`;

/**
 * `arXiv:1706.03762`, `arXiv: 1706.03762`, `arXiv 1706.03762`, `arXiv.1706.03762`, `arXiv ID 1706.03762`,
 * the `arXiv-2305.18290` of README badges,
 * and Semantic Scholar's `ArXiv abs/1706.03762` or a bare `abs/1706.03762`.
 */
export const PREFIXED_REFERENCE =
  `(?:(?<![A-Za-z0-9])${anyCase('arxiv')}(?:[ \\t]*:[ \\t]*|[.\\-]|[ \\t]+(?:${anyCase('id')}[ \\t]*:?[ \\t]*)?)(?:abs/)?|(?<![\\w./\\-])abs/)` +
  `${cap(ANY_ID)}${END}`;

/** `hep-th/9901001`, `math.GT/0309136v2`: the archive name makes them specific enough alone. */
export const OLD_BARE_REFERENCE = `(?<![\\w./\\-])${cap(OLD_ID)}${END}`;

/** Words after which a number is a version or a measurement (`version 2101.00001`, `loss: 1203.4567`). */
const WORDS_BEFORE = [
  'version', 'ver', 'release', 'build', 'python', 'torch', 'pytorch', 'cuda', 'numpy', 'node',
  'loss', 'score', 'total', 'time', 'mean', 'std', 'avg', 'accuracy', 'acc', 'error', 'price',
  'cost', 'value', 'step', 'epoch', 'elevation', 'reading', 'memory', 'throughput', 'latency',
];
/**
 * Each word with each separator as its own fixed-length lookbehind branch: Oniguruma accepts
 * branches of different lengths but no quantifier inside a lookbehind.
 */
const notAfterWord = (): string => `(?<!${WORDS_BEFORE.flatMap((w) => [' ', ': ', ' = ', '= ', ' : '].map((sep) => `\\b${anyCase(w)}${sep}`)).join('|')})`;

/** Units after which a number is a quantity (`1203.4567 s`, `1203.4567 MB`); not English words like `a`, `in`. */
const UNITS = [
  'ms', 's', 'sec', 'secs', 'seconds', 'min', 'mins', 'minutes', 'h', 'hrs', 'hours', 'days', 'ns', 'us',
  'kg', 'g', 'mg', 'mb', 'gb', 'kb', 'tb', 'mib', 'gib', 'hz', 'khz', 'mhz', 'ghz', 'm', 'km', 'cm', 'mm', 'nm',
  'ft', 'k', 'x', 'usd', 'eur', 'px', 'pt', 'dpi', 'fps', 'flops', 'ppm', 'db', 'bar', 'mbar', 'pa', 'kpa', 'psi', 'atm',
];
const notBeforeUnit = (): string => `(?![ \\t]?(?:${UNITS.map(anyCase).join('|')}|[%±×°€$])(?![A-Za-z]))`;

/**
 * A bare new-style id. Not after anything that makes it part of a number, a path, an amount or
 * an expression (`v1706.03762`, `1.1706.03762`, `/1706.03762`, `$1203.4567`, `= 1203.4567`), not
 * next to another number across a space (`+49 711 1203.4567`, `0.91 1104.5678 0.70`), not after a
 * version or measurement word and not before a unit. A comma before is fine: `\cite{1706.03762,1810.04805}`.
 */
const bareReference = (): string =>
  `(?<![\\w.\\-+/\\\\$€£=<>~±^@#:%])(?<![=<>+*/^\\d][ \\t])${notAfterWord()}` +
  `${cap(NEW_ID)}${END}${notBeforeUnit()}(?![ \\t]\\d)`;

/** A downloaded PDF named by its id, in a path: `papers/2310.06825v1.pdf`. */
export const PDF_FILE_REFERENCE = `(?<=[/\\\\])${cap(NEW_ID)}\\.pdf${END}`;

export type ReferenceForm = 'url' | 'doi' | 'prefixed' | 'old' | 'file' | 'bare';

let patterns: readonly { form: ReferenceForm; source: string }[] | undefined;

/**
 * In priority order: when two forms match overlapping text, the earlier form wins. Built on first
 * use: spelling out every word in either case costs start-up time the extension need not pay.
 */
export function referencePatterns(): readonly { form: ReferenceForm; source: string }[] {
  patterns ??= [
    { form: 'url', source: URL_REFERENCE },
    { form: 'doi', source: DOI_REFERENCE },
    { form: 'prefixed', source: PREFIXED_REFERENCE },
    { form: 'old', source: OLD_BARE_REFERENCE },
    { form: 'file', source: PDF_FILE_REFERENCE },
    { form: 'bare', source: bareReference() },
  ];
  return patterns;
}

