/**
 * Citation keys from a template such as `{auth}{year}{shorttitle}` (-> `vaswani2017attention`, the
 * form Google Scholar and arXiv use). Keys are unique across an export: papers whose keys
 * collide are ordered by arXiv id, the first keeps the key and the others get `a`, `b`, `c` ...
 * so the result does not depend on the order the papers were listed in, and an older paper keeps
 * its key when a newer one joins the library.
 */
import type { Paper } from '../arxiv/types';
import { asciiFold, keySurname } from './names';
import { plainText, readTexText } from './texText';
import { paperYear } from './year';

export const DEFAULT_KEY_TEMPLATE = '{auth}{year}{shorttitle}';

type KeyPaper = Pick<Paper, 'id' | 'version' | 'title' | 'authors' | 'published'>;

/** Words a key skips when it takes words of the title. */
const STOPWORDS = new Set(
  'a an the of on in into for to and or with from by at as is are be was were via vs versus toward towards using use do does what how why when where which can we our your you its it this that these those all not no new'.split(
    ' ',
  ),
);

const FIELDS: Readonly<Record<string, (p: KeyPaper) => string>> = {
  auth: (p) => surnames(p)[0] ?? '',
  Auth: (p) => capitalize(surnames(p)[0] ?? ''),
  /** One or two surnames, or the first and "etal". */
  authors: (p) => {
    const s = surnames(p);
    return s.length <= 2 ? s.join('') : `${s[0]}etal`;
  },
  year: (p) => paperYear(p),
  yy: (p) => paperYear(p).slice(2),
  shorttitle: (p) => titleWords(p, 1).join(''),
  Shorttitle: (p) => titleWords(p, 1).map(capitalize).join(''),
  /** The first three significant words. */
  title: (p) => titleWords(p, 3).join(''),
  Title: (p) => titleWords(p, 3).map(capitalize).join(''),
  id: (p) => p.id.replace(/\//g, '_'),
};

export const KEY_FIELDS: readonly string[] = Object.keys(FIELDS);

/** Characters safe in a key for BibTeX, biber and LaTeX's \cite. */
const UNSAFE = /[^A-Za-z0-9_:.+-]/g;

/** A message for the user, or undefined when the template is usable. */
export function validateKeyTemplate(template: string): string | undefined {
  const unknown = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).filter((f) => !(f in FIELDS));
  if (unknown.length) return `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `{${f}}`).join(', ')} in the citation key template; use ${KEY_FIELDS.map((f) => `{${f}}`).join(' ')}`;
  if (!/\{[^{}]*\}/.test(template)) return 'The citation key template needs at least one field, e.g. {auth}{year}{shorttitle}';
  return undefined;
}

export function citeKeyBase(paper: KeyPaper, template: string = DEFAULT_KEY_TEMPLATE): string {
  const problem = validateKeyTemplate(template);
  if (problem) throw new Error(problem);
  const key = template.replace(/\{([^{}]*)\}/g, (_m, f: string) => FIELDS[f](paper)).replace(UNSAFE, '');
  // A paper with no usable author or title still needs a key.
  return /[A-Za-z]/.test(key) ? key : `arxiv${key || paper.id.replace(UNSAFE, '_')}`;
}

/** One key per paper, in the order given, all different. */
export function assignCiteKeys(papers: readonly KeyPaper[], template: string = DEFAULT_KEY_TEMPLATE): string[] {
  const bases = papers.map((p) => citeKeyBase(p, template));
  const groups = new Map<string, number[]>();
  bases.forEach((b, i) => groups.set(b, [...(groups.get(b) ?? []), i]));
  const taken = new Set(bases);
  const keys = [...bases];
  for (const [base, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (members.length < 2) continue;
    const ordered = [...members].sort((a, b) => compareIds(papers[a], papers[b]) || a - b);
    let n = 0;
    for (const i of ordered.slice(1)) {
      let key: string;
      do key = base + suffix(n++);
      while (taken.has(key));
      taken.add(key);
      keys[i] = key;
    }
  }
  return keys;
}

function compareIds(a: KeyPaper, b: KeyPaper): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version;
}

/** a, b, ..., z, aa, ab, ... */
function suffix(n: number): string {
  let s = '';
  for (let k = n; k >= 0; k = Math.floor(k / 26) - 1) s = String.fromCharCode(97 + (k % 26)) + s;
  return s;
}

function surnames(p: KeyPaper): string[] {
  return p.authors.map((a) => keySurname(a.name)).filter(Boolean);
}

function titleWords(p: KeyPaper, n: number): string[] {
  return plainText(readTexText(p.title))
    .split(/[\s\-–—/:]+/)
    .map((w) => asciiFold(w).toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((w) => w && !STOPWORDS.has(w))
    .slice(0, n);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
