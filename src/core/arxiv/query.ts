/**
 * The arXiv API search language, validated before it is sent. arXiv answers a malformed query
 * with a 400 (or silently with nonsense: a bare term used to be echoed unchanged), so we check it
 * here, give every plain word an explicit `all:` prefix, make implicit AND explicit, and encode it
 * the way the User's Manual shows: spaces as `+`, quotes `%22`, parentheses `%28 %29`, while `:`
 * and the `[ ]` of date ranges stay literal.
 */
import { ArxivError } from './errors';

export const FIELD_PREFIXES = ['ti', 'au', 'abs', 'co', 'jr', 'cat', 'rn', 'all', 'id'] as const;
export type FieldPrefix = (typeof FIELD_PREFIXES)[number];
export const OPERATORS = ['AND', 'OR', 'ANDNOT'] as const;
export type Operator = (typeof OPERATORS)[number];

export type QueryToken =
  | { type: 'term'; field: FieldPrefix; value: string; phrase: boolean }
  | { type: 'date'; from: string; to: string }
  | { type: 'op'; op: Operator }
  | { type: 'open' }
  | { type: 'close' };

export const MAX_PAGE_SIZE = 2000;
export const MAX_REACHABLE_RESULTS = 30000;

function invalid(message: string): ArxivError {
  return new ArxivError('invalid-query', message);
}

/** Splits a query into tokens, checking quotes, brackets and prefixes (not yet the grammar). */
export function tokenizeQuery(input: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  const s = input;
  let i = 0;
  const readPhrase = (): string => {
    const end = s.indexOf('"', i + 1);
    if (end < 0) throw invalid(`Unbalanced double quote at position ${i + 1} in "${input}".`);
    const phrase = s.slice(i + 1, end).trim().replace(/\s+/g, ' ');
    if (!phrase) throw invalid(`Empty phrase "" at position ${i + 1}.`);
    i = end + 1;
    return phrase;
  };
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(') {
      tokens.push({ type: 'open' });
      i++;
    } else if (c === ')') {
      tokens.push({ type: 'close' });
      i++;
    } else if (c === '"') {
      tokens.push({ type: 'term', field: 'all', value: readPhrase(), phrase: true });
    } else {
      const start = i;
      while (i < s.length && !/[\s()"]/.test(s[i]) && !(s[i] === ':' && i > start)) i++;
      const word = s.slice(start, i);
      if (s[i] !== ':') {
        if ((OPERATORS as readonly string[]).includes(word)) tokens.push({ type: 'op', op: word as Operator });
        else tokens.push({ type: 'term', field: 'all', value: word, phrase: false });
        continue;
      }
      i++; // the colon
      const prefix = word.toLowerCase();
      if (prefix === 'submitteddate') {
        tokens.push(readDateRange());
      } else if ((FIELD_PREFIXES as readonly string[]).includes(prefix)) {
        if (s[i] === '"') {
          tokens.push({ type: 'term', field: prefix as FieldPrefix, value: readPhrase(), phrase: true });
        } else {
          const vStart = i;
          while (i < s.length && !/[\s()"]/.test(s[i])) i++;
          const value = s.slice(vStart, i);
          if (!value) throw invalid(`"${word}:" needs a term after the colon.`);
          tokens.push({ type: 'term', field: prefix as FieldPrefix, value, phrase: false });
        }
      } else {
        throw invalid(`Unknown field "${word}:". Use one of ${FIELD_PREFIXES.join(', ')} or submittedDate.`);
      }
    }
  }
  return tokens;

  function readDateRange(): QueryToken {
    const m = /^\[\s*(\S+)\s+TO\s+(\S+?)\s*\]/.exec(s.slice(i));
    if (!m) {
      throw invalid('submittedDate needs a range like submittedDate:[202301010600 TO 202401010600] (GMT, to the minute).');
    }
    i += m[0].length;
    const from = checkStamp(m[1]);
    const to = checkStamp(m[2]);
    if (from > to) throw invalid(`submittedDate range is reversed: ${from} is after ${to}.`);
    return { type: 'date', from, to };
  }
}

/** YYYYMMDDTTTT, GMT, to the minute. Partial dates and wildcards are rejected by arXiv since 2025. */
function checkStamp(v: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(v);
  const [y, mo, d, h, mi] = m ? m.slice(1).map(Number) : [];
  const valid =
    m && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() && h <= 23 && mi <= 59;
  if (!valid) throw invalid(`"${v}" is not a date of the form YYYYMMDDTTTT (e.g. 202301010600).`);
  return v;
}

/** Tokens with the grammar checked and implicit ANDs made explicit. */
export function parseQuery(input: string): QueryToken[] {
  const out: QueryToken[] = [];
  let expectOperand = true;
  let depth = 0;
  for (const t of tokenizeQuery(input)) {
    if (t.type === 'op') {
      if (expectOperand) throw invalid(`${t.op} needs a term before it.`);
      expectOperand = true;
    } else if (t.type === 'close') {
      if (depth === 0) throw invalid('Unbalanced parentheses: ")" without "(".');
      if (expectOperand) throw invalid('Empty parentheses or an operator right before ")".');
      depth--;
    } else {
      if (!expectOperand) out.push({ type: 'op', op: 'AND' }); // adjacency means AND
      if (t.type === 'open') depth++;
      expectOperand = t.type === 'open';
    }
    out.push(t);
  }
  if (out.length === 0) throw invalid('The query is empty.');
  if (depth > 0) throw invalid('Unbalanced parentheses: "(" without ")".');
  if (expectOperand) throw invalid('The query ends with an operator.');
  return out;
}

function tokenText(t: QueryToken): string {
  switch (t.type) {
    case 'term':
      return `${t.field}:${t.phrase ? `"${t.value}"` : t.value}`;
    case 'date':
      return `submittedDate:[${t.from} TO ${t.to}]`;
    case 'op':
      return t.op;
    case 'open':
      return '(';
    case 'close':
      return ')';
  }
}

/** The canonical query text, e.g. `all:deep AND all:dream`. Throws 'invalid-query'. */
export function normalizeQuery(input: string): string {
  let text = '';
  let prev: QueryToken | undefined;
  for (const t of parseQuery(input)) {
    if (prev && prev.type !== 'open' && t.type !== 'close') text += ' ';
    text += tokenText(t);
    prev = t;
  }
  return text;
}

/** URL-encodes one parameter value the way arXiv documents it. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/%3A/gi, ':')
    .replace(/%5B/gi, '[')
    .replace(/%5D/gi, ']')
    .replace(/%2F/gi, '/')
    .replace(/%2C/gi, ',');
}

export type ApiSortBy = 'relevance' | 'lastUpdatedDate' | 'submittedDate';
export type SortOrder = 'ascending' | 'descending';

export interface ApiQueryParams {
  /** Already normalized (see normalizeQuery). */
  searchQuery?: string;
  idList?: string[];
  start?: number;
  maxResults?: number;
  sortBy?: ApiSortBy;
  sortOrder?: SortOrder;
}

/** A full API URL with parameters in a fixed order, so equal requests make equal cache keys. */
export function buildApiUrl(base: string, p: ApiQueryParams): string {
  const start = p.start ?? 0;
  const max = p.maxResults ?? 10;
  if (!Number.isInteger(start) || start < 0) throw invalid(`start must be a non-negative integer, not ${start}.`);
  if (!Number.isInteger(max) || max < 1 || max > MAX_PAGE_SIZE) {
    throw invalid(`max_results must be an integer from 1 to ${MAX_PAGE_SIZE}, not ${max}.`);
  }
  if (start + max > MAX_REACHABLE_RESULTS) throw invalid(`arXiv serves at most ${MAX_REACHABLE_RESULTS} results per query.`);
  if (!p.searchQuery && !(p.idList && p.idList.length)) throw invalid('Give a search query or a list of ids.');
  const params: string[] = [];
  if (p.searchQuery) params.push(`search_query=${encodeQueryValue(p.searchQuery)}`);
  if (p.idList && p.idList.length) params.push(`id_list=${p.idList.map(encodeQueryValue).join(',')}`);
  params.push(`start=${start}`, `max_results=${max}`);
  if (p.sortBy) params.push(`sortBy=${p.sortBy}`);
  if (p.sortOrder) params.push(`sortOrder=${p.sortOrder}`);
  return `${base}?${params.join('&')}`;
}

/** A Date (or a 12-digit stamp) as arXiv's YYYYMMDDTTTT in GMT. */
export function formatSubmittedDate(d: Date | string): string {
  if (typeof d === 'string') return checkStamp(d);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return (
    pad(d.getUTCFullYear(), 4) + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate()) + pad(d.getUTCHours()) + pad(d.getUTCMinutes())
  );
}

/** True when `expr` is a single operand (term, date, or one parenthesised group). */
function isAtomic(expr: string): boolean {
  const tokens = tokenizeQuery(expr);
  if (tokens.length <= 1) return true;
  if (tokens[0].type !== 'open') return false;
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].type === 'open') depth++;
    if (tokens[k].type === 'close') depth--;
    if (depth === 0 && k < tokens.length - 1) return false;
  }
  return true;
}

const wrap = (e: string): string => (isAtomic(e) ? e : `(${e})`);

/** Small builder producing query text; every result passes normalizeQuery. */
export const q = {
  term(field: FieldPrefix, value: string): string {
    const v = value.trim();
    if (!v) throw invalid(`Empty ${field}: term.`);
    if (v.includes('"')) throw invalid('Terms cannot contain double quotes.');
    return /[\s()]/.test(v) ? `${field}:"${v.replace(/\s+/g, ' ')}"` : `${field}:${v}`;
  },
  and: (...parts: string[]): string => parts.map(wrap).join(' AND '),
  or: (...parts: string[]): string => parts.map(wrap).join(' OR '),
  andNot: (a: string, b: string): string => `${wrap(a)} ANDNOT ${wrap(b)}`,
  submittedDate: (from: Date | string, to: Date | string): string =>
    `submittedDate:[${formatSubmittedDate(from)} TO ${formatSubmittedDate(to)}]`,
};
