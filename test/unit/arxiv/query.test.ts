import * as assert from 'assert';
import * as fc from 'fast-check';
import { ArxivError } from '../../../src/core/arxiv/errors';
import {
  FIELD_PREFIXES,
  FieldPrefix,
  buildApiUrl,
  encodeQueryValue,
  formatSubmittedDate,
  normalizeQuery,
  q,
} from '../../../src/core/arxiv/query';

function invalid(input: string, pattern?: RegExp): void {
  assert.throws(
    () => normalizeQuery(input),
    (e: unknown) => e instanceof ArxivError && e.code === 'invalid-query' && (!pattern || pattern.test(e.message)),
    `accepted ${JSON.stringify(input)}`,
  );
}

describe('query builder / validator', () => {
  it('turns plain words into all: terms joined with AND', () => {
    assert.strictEqual(normalizeQuery('deep dream'), 'all:deep AND all:dream');
    assert.strictEqual(normalizeQuery('  diffusion  '), 'all:diffusion');
    assert.strictEqual(normalizeQuery('"deep dream" vision'), 'all:"deep dream" AND all:vision');
  });

  it('keeps field prefixes, operators, groups, phrases and date ranges', () => {
    assert.strictEqual(normalizeQuery('au:del_maestro ANDNOT ti:checkerboard'), 'au:del_maestro ANDNOT ti:checkerboard');
    assert.strictEqual(
      normalizeQuery('(cat:cs.LG OR cat:cs.AI) AND ti:"quantum   criticality"'),
      '(cat:cs.LG OR cat:cs.AI) AND ti:"quantum criticality"',
    );
    assert.strictEqual(
      normalizeQuery('au:del_maestro AND submittedDate:[202301010600 TO 202401010600]'),
      'au:del_maestro AND submittedDate:[202301010600 TO 202401010600]',
    );
    assert.strictEqual(normalizeQuery('TI:transformer cat:cs.CL'), 'ti:transformer AND cat:cs.CL');
    assert.strictEqual(normalizeQuery('ti:a (au:b OR au:c)'), 'ti:a AND (au:b OR au:c)');
    for (const f of FIELD_PREFIXES) assert.strictEqual(normalizeQuery(`${f}:x`), `${f}:x`);
  });

  it('encodes like the User\'s Manual: + for spaces, %22, %28 %29, literal : [ ]', () => {
    assert.strictEqual(encodeQueryValue('ti:"quantum criticality"'), 'ti:%22quantum+criticality%22');
    assert.strictEqual(encodeQueryValue('(cat:cs.LG OR cat:cs.AI)'), '%28cat:cs.LG+OR+cat:cs.AI%29');
    assert.strictEqual(
      encodeQueryValue('au:del_maestro AND submittedDate:[202301010600 TO 202401010600]'),
      'au:del_maestro+AND+submittedDate:[202301010600+TO+202401010600]',
    );
    assert.strictEqual(encodeQueryValue('all:C++ & more#1'), 'all:C%2B%2B+%26+more%231');
    assert.strictEqual(encodeQueryValue('all:café'), 'all:caf%C3%A9');
  });

  it('builds API URLs with parameters in a fixed order', () => {
    assert.strictEqual(
      buildApiUrl('https://export.arxiv.org/api/query', {
        searchQuery: normalizeQuery('cat:cs.LG OR cat:cs.AI'),
        start: 20,
        maxResults: 20,
        sortBy: 'submittedDate',
        sortOrder: 'descending',
      }),
      'https://export.arxiv.org/api/query?search_query=cat:cs.LG+OR+cat:cs.AI&start=20&max_results=20&sortBy=submittedDate&sortOrder=descending',
    );
    assert.strictEqual(
      buildApiUrl('https://export.arxiv.org/api/query', { idList: ['2604.26951v1', 'hep-th/9901001'], maxResults: 2 }),
      'https://export.arxiv.org/api/query?id_list=2604.26951v1,hep-th/9901001&start=0&max_results=2',
    );
  });

  it('refuses paging arXiv will not serve', () => {
    const base = 'https://export.arxiv.org/api/query';
    const bad = (p: Parameters<typeof buildApiUrl>[1]): void =>
      assert.throws(() => buildApiUrl(base, p), (e: ArxivError) => e.code === 'invalid-query');
    bad({ searchQuery: 'all:x', maxResults: 2001 });
    bad({ searchQuery: 'all:x', maxResults: 0 });
    bad({ searchQuery: 'all:x', start: -1 });
    bad({ searchQuery: 'all:x', start: 29_000, maxResults: 2000 });
    bad({ maxResults: 10 });
    buildApiUrl(base, { searchQuery: 'all:x', start: 28_000, maxResults: 2000 });
  });

  it('rejects unbalanced parentheses and quotes, dangling operators and bad dates', () => {
    invalid('(ti:a OR ti:b', /Unbalanced parentheses/);
    invalid('ti:a) OR (ti:b', /Unbalanced parentheses/);
    invalid('ti:"quantum criticality', /Unbalanced double quote/);
    invalid('"deep', /Unbalanced double quote/);
    invalid('');
    invalid('   ');
    invalid('()');
    invalid('AND ti:a');
    invalid('ti:a OR');
    invalid('ti:a AND OR ti:b');
    invalid('(ti:a AND)');
    invalid('ti:');
    invalid('foo:bar', /Unknown field/);
    invalid('submittedDate:[2007 TO 2008]', /YYYYMMDDTTTT/);
    invalid('submittedDate:2007*');
    invalid('submittedDate:[202313010000 TO 202401010000]');
    invalid('submittedDate:[202402300000 TO 202403010000]');
    invalid('submittedDate:[202401010000 TO 202301010000]', /reversed/);
    invalid('submittedDate:[202301010600 TO 202401010600');
  });

  it('builder: terms, groups and date ranges compose into valid queries', () => {
    const built = q.and(q.or(q.term('cat', 'cs.LG'), q.term('cat', 'cs.AI')), q.term('ti', 'graph neural'));
    assert.strictEqual(built, '(cat:cs.LG OR cat:cs.AI) AND ti:"graph neural"');
    assert.strictEqual(normalizeQuery(built), built);
    assert.strictEqual(q.andNot(q.term('au', 'del_maestro'), q.term('ti', 'checkerboard')), 'au:del_maestro ANDNOT ti:checkerboard');
    assert.strictEqual(
      q.submittedDate(new Date(Date.UTC(2023, 0, 1, 6)), '202401010600'),
      'submittedDate:[202301010600 TO 202401010600]',
    );
    assert.strictEqual(formatSubmittedDate(new Date(Date.UTC(2024, 11, 31, 23, 59))), '202412312359');
    assert.throws(() => q.term('ti', ' '), (e: ArxivError) => e.code === 'invalid-query');
  });

  it('property: builder output is valid, normalization is idempotent, encoding is URL-safe', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9._\-]{1,12}$/).filter((w) => !['AND', 'OR', 'ANDNOT'].includes(w));
    const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
    const field = fc.constantFrom<FieldPrefix>(...FIELD_PREFIXES);
    const term = fc.tuple(field, fc.oneof(word, phrase)).map(([f, v]) => q.term(f, v));
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        term,
        fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((xs) => q.and(...xs)),
        fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((xs) => q.or(...xs)),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => q.andNot(a, b)),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (e) => {
        const n = normalizeQuery(e);
        assert.strictEqual(normalizeQuery(n), n);
        const enc = encodeQueryValue(n);
        assert.doesNotMatch(enc, /[\s"()&#?%](?![0-9A-F]{2})/);
        assert.strictEqual(decodeURIComponent(enc.replace(/\+/g, ' ')), n);
      }),
      { numRuns: 300 },
    );
  });

  it('property: random text is either rejected with invalid-query or normalized idempotently', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '(', ')', '"', ':', 'ti', 'AND', 'OR', 'ANDNOT', 'x');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 14 }).map((xs) => xs.join('')), (s) => {
        let n: string;
        try {
          n = normalizeQuery(s);
        } catch (e) {
          assert.ok(e instanceof ArxivError && e.code === 'invalid-query', String(e));
          return;
        }
        assert.strictEqual(normalizeQuery(n), n);
        assert.strictEqual((n.match(/"/g) ?? []).length % 2, 0);
        const outsidePhrases = n.replace(/"[^"]*"/g, '""');
        assert.strictEqual((outsidePhrases.match(/\(/g) ?? []).length, (outsidePhrases.match(/\)/g) ?? []).length);
      }),
      { numRuns: 500 },
    );
  });
});
