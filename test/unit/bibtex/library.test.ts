import * as assert from 'assert';
import type { Paper } from '../../../src/core/arxiv/types';
import { bibtexEntries, exportBibtex } from '../../../src/core/bibtex/export';
import { splitMath } from '../../../src/core/bibtex/texText';
import { paperYear } from '../../../src/core/bibtex/year';
import { libraryOf } from './support/fixturePapers';
import { parseWithPython, type RoundTripEntry, type SourceFields } from './support/python';

/**
 * Both sides go through the same LaTeX reader (pylatexenc), so what is compared is meaning, not
 * spelling. What is left to normalise: pylatexenc reads a source `~` as a tie (no-break space) and
 * `\textasciicircum{}` as U+02C6, and TeX swallows the space after a control word in the source
 * (`\alpha parameter`) but not after our `$\alpha$`, so whitespace is ignored.
 */
function norm(s: string | null): string | null {
  return s === null ? null : s.normalize('NFC').replace(/\u02c6/g, '^').replace(/[\s\u00a0~]+/g, '');
}

function check(papers: Paper[], unicode: 'tex' | 'utf8'): void {
  const bib = exportBibtex(papers, { unicode });
  const entries = bibtexEntries(papers, { unicode });
  const sources: Record<string, SourceFields> = {};
  entries.forEach((e, i) => {
    sources[e.key] = { title: papers[i].title, authors: papers[i].authors.map((a) => a.name), journalRef: papers[i].journalRef };
  });
  const parsed = parseWithPython(bib, sources);
  assert.strictEqual(parsed.entries.length, papers.length, 'bibtexparser read a different number of entries');
  assert.strictEqual(parsed.comments, 0, 'bibtexparser found stray text between entries');
  const byKey = new Map<string, RoundTripEntry>(parsed.entries.map((e) => [e.key, e]));
  const problems: string[] = [];
  entries.forEach((e, i) => {
    const p = papers[i];
    const got = byKey.get(e.key);
    if (!got) return problems.push(`${p.id}: key ${e.key} not read back`);
    const want = (field: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${p.id} ${field}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    };
    want('title', norm(got.title), norm(got.expectedTitle));
    want('authors', got.authors.map(norm), got.expectedAuthors.map(norm));
    want('journal (or note)', norm(got.journal), norm(got.expectedJournal));
    want('eprint', got.raw.eprint, p.id);
    want('year', got.raw.year, paperYear(p));
    want('type', got.type, p.journalRef && p.doi ? 'article' : 'misc');
    want('doi', got.raw.doi ?? null, p.doi);
    want('archivePrefix', got.raw.archiveprefix, 'arXiv');
    want('url', got.raw.url, `https://arxiv.org/abs/${p.id}`);
    // pylatexenc reads a bare `_` or `#` leniently, so escaping is also checked on the raw text.
    for (const field of ['title', 'author', 'journal', 'note']) {
      const outside = (got.raw[field] ?? '').replace(/\$[^$]*\$/g, '');
      const bare = /(?<!\\)[&%#_$]/.exec(outside);
      if (bare) problems.push(`${p.id} ${field}: unescaped ${bare[0]} in ${got.raw[field]}`);
    }
    // Math is written back exactly as arXiv has it.
    for (const seg of splitMath(p.title.replace(/\s+/g, ' ').trim())) {
      if (seg.math && !got.raw.title.includes(seg.s)) problems.push(`${p.id} title: math ${seg.s} not kept verbatim in ${got.raw.title}`);
    }
  });
  assert.deepStrictEqual(problems, [], `${problems.length} field(s) changed meaning:\n${problems.slice(0, 40).join('\n')}`);
}

describe('BibTeX export of a 200-paper library, read back by bibtexparser', function () {
  this.timeout(120000);
  const papers = libraryOf(200);

  it('has 200 papers with TeX titles, accented names, journal refs and DOIs', () => {
    assert.strictEqual(papers.length, 200);
    assert.ok(papers.filter((p) => p.title.includes('\\')).length >= 20);
    assert.ok(papers.filter((p) => p.authors.some((a) => /[^\x00-\x7f]/.test(a.name))).length >= 30);
    assert.ok(papers.filter((p) => p.journalRef && p.doi).length >= 10);
  });

  it('keeps title, authors, journal, eprint, year and doi of every entry (TeX accents)', () => {
    check(papers, 'tex');
  });

  it('keeps them with UTF-8 kept as is (biblatex)', () => {
    check(papers, 'utf8');
  });

  it('gives every entry its own key', () => {
    const keys = bibtexEntries(papers).map((e) => e.key);
    assert.strictEqual(new Set(keys).size, keys.length);
  });

  it('writes only ASCII with TeX accents', () => {
    const bib = exportBibtex(papers);
    const nonAscii = [...new Set(bib.match(/[^\x00-\x7f]/gu) ?? [])];
    // What has no TeX spelling stays UTF-8; in this library that is nothing but math symbols and CJK.
    assert.ok(nonAscii.every((c) => !/\p{Script=Latin}/u.test(c)), `Latin letters left in UTF-8: ${nonAscii.join(' ')}`);
  });
});
