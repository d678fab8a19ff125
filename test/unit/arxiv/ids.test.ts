import * as assert from 'assert';
import * as fc from 'fast-check';
import { ArxivError } from '../../../src/core/arxiv/errors';
import {
  fileSafeId,
  formatArxivId,
  normalizeArxivId,
  OLD_STYLE_ARCHIVES,
  oldArchiveRange,
  parseArxivId,
} from '../../../src/core/arxiv/ids';

function ok(input: string, id: string, version: number | null, scheme: 'new' | 'old'): void {
  const r = parseArxivId(input);
  assert.ok(r.ok, `rejected ${JSON.stringify(input)}: ${r.ok ? '' : r.reason}`);
  assert.deepStrictEqual(r.id, { id, version, scheme }, JSON.stringify(input));
}

function bad(input: string, reason: RegExp): void {
  const r = parseArxivId(input);
  assert.ok(!r.ok, `accepted ${JSON.stringify(input)} as ${JSON.stringify(r.ok && r.id)}`);
  assert.match(r.reason, reason, JSON.stringify(input));
}

describe('arXiv identifiers', () => {
  describe('accepted forms (table)', () => {
    const table: Array<[string, string, number | null, 'new' | 'old']> = [
      ['2401.12345', '2401.12345', null, 'new'],
      ['2401.12345v2', '2401.12345', 2, 'new'],
      ['0704.0001', '0704.0001', null, 'new'],
      ['1412.9999v13', '1412.9999', 13, 'new'],
      ['1501.00001', '1501.00001', null, 'new'],
      ['arXiv:1605.08386', '1605.08386', null, 'new'],
      ['ARXIV:1605.08386v1', '1605.08386', 1, 'new'],
      ['arxiv: 1605.08386', '1605.08386', null, 'new'],
      ['  arXiv:2604.26951v1\n', '2604.26951', 1, 'new'],
      ['hep-th/9901001', 'hep-th/9901001', null, 'old'],
      ['hep-th/9108001', 'hep-th/9108001', null, 'old'],
      ['arXiv:hep-th/9901001v3', 'hep-th/9901001', 3, 'old'],
      ['math.GT/0309136', 'math/0309136', null, 'old'],
      ['math.CA/0611800v2', 'math/0611800', 2, 'old'],
      ['physics.acc-ph/0601001', 'physics/0601001', null, 'old'],
      ['cond-mat/0703999', 'cond-mat/0703999', null, 'old'],
      ['https://arxiv.org/abs/2401.12345', '2401.12345', null, 'new'],
      ['http://arxiv.org/abs/1611.09520v2', '1611.09520', 2, 'new'],
      ['https://www.arxiv.org/abs/2401.12345v3', '2401.12345', 3, 'new'],
      ['https://export.arxiv.org/abs/2401.12345', '2401.12345', null, 'new'],
      ['https://arxiv.org/pdf/2401.12345', '2401.12345', null, 'new'],
      ['https://arxiv.org/pdf/2401.12345v2.pdf', '2401.12345', 2, 'new'],
      ['https://arxiv.org/pdf/2401.12345.pdf', '2401.12345', null, 'new'],
      ['https://arxiv.org/html/2401.12345v1', '2401.12345', 1, 'new'],
      ['https://arxiv.org/html/2401.12345v1/', '2401.12345', 1, 'new'],
      ['https://arxiv.org/abs/2401.12345?context=cs.LG', '2401.12345', null, 'new'],
      ['https://arxiv.org/pdf/2401.12345v2#page=3', '2401.12345', 2, 'new'],
      ['HTTPS://ArXiv.org/abs/2401.12345', '2401.12345', null, 'new'],
      ['arxiv.org/abs/2401.12345', '2401.12345', null, 'new'],
      ['http://arxiv.org/abs/hep-ex/0307015v1', 'hep-ex/0307015', 1, 'old'],
      ['https://arxiv.org/abs/math.GT/0309136', 'math/0309136', null, 'old'],
      ['https://arxiv.org/pdf/hep-th/9901001v1.pdf', 'hep-th/9901001', 1, 'old'],
    ];
    for (const [input, id, version, scheme] of table) {
      it(`${JSON.stringify(input)} -> ${id}${version ? 'v' + version : ''}`, () => ok(input, id, version, scheme));
    }
  });

  describe('rejected look-alikes (table)', () => {
    const table: Array<[string, RegExp]> = [
      ['', /empty/],
      ['   ', /empty/],
      ['arXiv:', /nothing after/],
      ['2413.12345', /month 13/],
      ['2400.12345', /month 00/],
      ['1412.12345', /4 digits/],
      ['0801.00001', /4 digits/],
      ['1501.1234', /5 digits/],
      ['2401.1234', /5 digits/],
      ['0703.1234', /April 2007/],
      ['2401.123456', /5 digits/],
      ['24011.2345', /YYMM/],
      ['2401.00000', /never issued/],
      ['2401.12345v0', /v0 does not exist/],
      ['2401.12345v01', /leading zero/],
      ['2401.12345v', /invalid version/],
      ['2401.12345vx', /invalid version/],
      ['2401.12345abc', /trailing text "abc"/],
      ['2401.12345.pdf', /trailing text/],
      ['2401.12345 v2', /whitespace/],
      ['foo-th/9901001', /unknown arXiv archive "foo-th"/],
      ['HEP-TH/9901001', /lower-case/],
      ['stat/0601001', /unknown arXiv archive/],
      ['hep-th/990100', /7 digits/],
      ['hep-th/99010011', /7 digits/],
      ['hep-th/9913001', /month 13/],
      ['hep-th/1001001', /1991 to 2007/],
      ['hep-th/0704001', /ended in March 2007/],
      ['hep-th/9107001', /1991-08/],
      ['q-bio/0201001', /2003-09/],
      ['hep-th/9901000', /000/],
      ['math.gt1/0309136', /subject class/],
      ['hep-th/9901001v0', /v0 does not exist/],
      ['cond—mat/0709123', /not an arXiv identifier/],
      ['1234.1234', /month 34/],
      ['https://example.org/abs/2401.12345', /not an arXiv URL/],
      ['https://arxiv.org/list/cs.LG/recent', /not an arXiv paper URL/],
      ['https://arxiv.org/abs/', /not an arXiv paper URL/],
      ['https://arxiv.org/abs/2401.12345v2.pdf', /invalid version/],
      ['https://arxiv.org/abs/2401.1234', /5 digits/],
      ['10.1103/PhysRevD.76.013009', /is a DOI/],
      ['doi:10.48550/arXiv.2401.12345', /is a DOI/],
      ['arXiv.2401.12345', /not an arXiv identifier/],
    ];
    for (const [input, reason] of table) {
      it(`rejects ${JSON.stringify(input)}`, () => bad(input, reason));
    }
  });

  it('normalizeArxivId returns the versionless id and throws invalid-id with the reason', () => {
    assert.strictEqual(normalizeArxivId('arXiv:math.GT/0309136v2'), 'math/0309136');
    assert.strictEqual(normalizeArxivId('https://arxiv.org/pdf/2401.12345v2.pdf'), '2401.12345');
    assert.throws(
      () => normalizeArxivId('2413.12345'),
      (e: unknown) => e instanceof ArxivError && e.code === 'invalid-id' && /month 13/.test(e.message),
    );
  });

  it('formatArxivId appends a version only when there is one', () => {
    assert.strictEqual(formatArxivId('2401.12345'), '2401.12345');
    assert.strictEqual(formatArxivId('2401.12345', 3), '2401.12345v3');
    assert.strictEqual(formatArxivId('hep-th/9901001', null), 'hep-th/9901001');
    assert.strictEqual(formatArxivId({ id: '2401.12345', version: 2, scheme: 'new' }), '2401.12345v2');
    assert.strictEqual(formatArxivId({ id: '2401.12345', version: 2, scheme: 'new' }, null), '2401.12345');
  });

  it('fileSafeId replaces the slash of old-style ids', () => {
    assert.strictEqual(fileSafeId('hep-th/9901001'), 'hep-th_9901001');
    assert.strictEqual(fileSafeId('hep-th/9901001v2'), 'hep-th_9901001v2');
    assert.strictEqual(fileSafeId('2401.12345v2'), '2401.12345v2');
  });

  describe('properties', () => {
    const versionArb = fc.option(fc.integer({ min: 1, max: 999 }), { nil: null });

    const newIdArb = fc
      .record({ y: fc.integer({ min: 7, max: 99 }), m: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 99999 }) })
      .filter(({ y, m }) => y * 100 + m >= 704)
      .map(({ y, m, n }) => {
        const yymm = `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}`;
        const digits = y * 100 + m <= 1412 ? 4 : 5;
        const num = String((n % 10 ** digits) || 1).padStart(digits, '0');
        return { id: `${yymm}.${num}`, written: `${yymm}.${num}`, scheme: 'new' as const };
      });

    const oldIdArb = fc
      .record({
        archive: fc.constantFrom(...OLD_STYLE_ARCHIVES),
        pick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        n: fc.integer({ min: 1, max: 999 }),
        subject: fc.option(fc.constantFrom('GT', 'AI', 'CA', 'stat-mech', 'acc-ph'), { nil: undefined }),
      })
      .map(({ archive, pick, n, subject }) => {
        const [from, to] = oldArchiveRange(archive) as readonly [number, number];
        const months = (Math.floor(to / 100) - Math.floor(from / 100)) * 12 + (to % 100) - (from % 100);
        const k = Math.floor(pick * (months + 1));
        const total = Math.floor(from / 100) * 12 + (from % 100) - 1 + k;
        const year = Math.floor(total / 12);
        const month = (total % 12) + 1;
        const digits = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(n).padStart(3, '0')}`;
        const id = `${archive}/${digits}`;
        return { id, written: subject ? `${archive}.${subject}/${digits}` : id, scheme: 'old' as const };
      });

    const pastedForm = fc.constantFrom<(s: string) => string>(
      (s) => s,
      (s) => `arXiv:${s}`,
      (s) => `ARXIV:${s}`,
      (s) => ` arxiv:${s} `,
      (s) => `https://arxiv.org/abs/${s}`,
      (s) => `http://arxiv.org/abs/${s}`,
      (s) => `https://www.arxiv.org/abs/${s}`,
      (s) => `https://export.arxiv.org/abs/${s}`,
      (s) => `http://export.arxiv.org/abs/${s}/`,
      (s) => `https://arxiv.org/pdf/${s}`,
      (s) => `https://arxiv.org/pdf/${s}.pdf`,
      (s) => `http://www.arxiv.org/pdf/${s}.pdf`,
      (s) => `https://arxiv.org/html/${s}`,
      (s) => `https://arxiv.org/html/${s}/`,
      (s) => `arxiv.org/abs/${s}`,
    );

    it('every generated valid id round-trips through every pasted form', () => {
      fc.assert(
        fc.property(fc.oneof(newIdArb, oldIdArb), versionArb, pastedForm, (gen, version, form) => {
          const written = version === null ? gen.written : `${gen.written}v${version}`;
          const r = parseArxivId(form(written));
          if (!r.ok) throw new Error(`${form(written)}: ${r.reason}`);
          assert.deepStrictEqual(r.id, { id: gen.id, version, scheme: gen.scheme });
          assert.strictEqual(formatArxivId(r.id), version === null ? gen.id : `${gen.id}v${version}`);
          // the normal form parses to itself
          const again = parseArxivId(formatArxivId(r.id));
          assert.ok(again.ok && again.id.id === gen.id && again.id.version === version);
          assert.ok(!fileSafeId(gen.id).includes('/'));
        }),
        { numRuns: 2000 },
      );
    });

    const yymm = (y: number, m: number): string => `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}`;
    const digitsOf = (n: number, len: number): string => String(n).padStart(len, '0').slice(-len);

    const invalidArb = fc.oneof(
      // month 00 or 13-99
      fc.record({ y: fc.integer({ min: 8, max: 99 }), m: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })), n: fc.integer({ min: 1, max: 99999 }) })
        .map(({ y, m, n }) => `${yymm(y, m)}.${digitsOf(n, 5)}`),
      // 5 digits before 2015
      fc.record({ y: fc.integer({ min: 7, max: 14 }), m: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 99999 }) })
        .filter(({ y, m }) => y * 100 + m >= 704)
        .map(({ y, m, n }) => `${yymm(y, m)}.${digitsOf(n, 5)}`),
      // 4 digits after 2014
      fc.record({ y: fc.integer({ min: 15, max: 99 }), m: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 9999 }) })
        .map(({ y, m, n }) => `${yymm(y, m)}.${digitsOf(n, 4)}`),
      // new-style form before April 2007
      fc.record({ y: fc.integer({ min: 0, max: 7 }), m: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 9999 }) })
        .filter(({ y, m }) => y * 100 + m < 704)
        .map(({ y, m, n }) => `${yymm(y, m)}.${digitsOf(n, 4)}`),
      // unknown archive
      fc.stringMatching(/^[a-z]{2,8}(-[a-z]{2,4})?$/)
        .filter((a) => !OLD_STYLE_ARCHIVES.includes(a))
        .map((a) => `${a}/9901001`),
      // version v0
      fc.constantFrom('2401.12345', 'hep-th/9901001', '0801.1234').map((s) => `${s}v0`),
      // trailing junk that is not a version
      fc.tuple(fc.constantFrom('2401.12345', 'hep-th/9901001', '0801.1234v2'), fc.stringMatching(/^[a-uw-z_*.,;:!-][a-z0-9]{0,5}$/).filter((j) => j !== '.pdf'))
        .map(([s, junk]) => `${s}${junk}`),
      // wrong digit counts
      fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 6, max: 9 })).map(([a, b]) => `${'2'.repeat(a)}.${'1'.repeat(b)}`),
    );

    it('every generated invalid id is rejected, in every pasted form, with a reason', () => {
      fc.assert(
        fc.property(invalidArb, pastedForm, (s, form) => {
          const r = parseArxivId(form(s));
          assert.ok(!r.ok, `accepted ${form(s)}`);
          assert.ok(r.reason.length > 10);
        }),
        { numRuns: 2000 },
      );
    });

    it('never throws on arbitrary input', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 60 }), (s) => {
          const r = parseArxivId(s);
          assert.ok(r.ok || typeof r.reason === 'string');
        }),
        { numRuns: 2000 },
      );
    });
  });
});
