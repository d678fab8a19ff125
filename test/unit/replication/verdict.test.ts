import * as assert from 'assert';
import fc from 'fast-check';
import type { Claim } from '../../../src/core/replication/manifest';
import { runStats } from '../../../src/core/replication/stats';
import { claimVerdictText, summarizeManifest, suggestStatus } from '../../../src/core/replication/summary';
import { claimVerdict } from '../../../src/core/replication/verdict';

export function claim(over: Partial<Claim> & { values?: Array<number | [number, number | null]> } = {}): Claim {
  const { values = [], ...rest } = over;
  return {
    id: 'c1',
    description: 'BLEU on WMT 2014 English-to-German',
    metric: 'BLEU',
    dataset: 'WMT 2014 English-to-German',
    reported: 28.4,
    reportedStd: null,
    unit: 'BLEU',
    tolerance: 0.5,
    higherIsBetter: true,
    runsPlanned: 3,
    runs: values.map((v, i) => ({ value: Array.isArray(v) ? v[0] : v, seed: Array.isArray(v) ? v[1] : i, at: '2026-01-01T00:00:00Z', how: 'test' })),
    measured: null,
    measuredAt: null,
    measuredHow: null,
    source: { where: 'Table 2', page: 8, quote: null },
    confirmed: true,
    ...rest,
  };
}

describe('replication: seed-aware verdicts', () => {
  it('mean and sample std of the runs', () => {
    assert.strictEqual(runStats([]), null);
    assert.deepStrictEqual(runStats([2]), { n: 1, mean: 2, std: 0 });
    const s = runStats([27.6, 27.9, 28.2])!;
    assert.ok(Math.abs(s.mean - 27.9) < 1e-12 && Math.abs(s.std - 0.3) < 1e-12);
  });

  it('higher is better: the band mean ± std against reported - tolerance', () => {
    assert.strictEqual(claimVerdict(claim()).verdict, 'pending');
    assert.strictEqual(claimVerdict(claim({ values: [28.1, 28.2, 28.3] })).verdict, 'reproduced');
    assert.strictEqual(claimVerdict(claim({ values: [29.5, 29.9, 30.1] })).verdict, 'reproduced', 'beating the paper counts');
    assert.strictEqual(claimVerdict(claim({ values: [26.0, 26.2, 26.4] })).verdict, 'not-reproduced');
    // mean 27.9 = the edge, std 0.3: the band straddles it
    assert.strictEqual(claimVerdict(claim({ values: [27.6, 27.9, 28.2] })).verdict, 'inconclusive');
    // exactly on the edge with no spread counts (edges are inclusive, float noise aside)
    assert.strictEqual(claimVerdict(claim({ reported: 0.3, tolerance: 0.1, values: [0.1 + 0.1] })).verdict, 'reproduced');
  });

  it('lower is better and two-sided claims', () => {
    const fid = { reported: 1.98, tolerance: 0.05, higherIsBetter: false, unit: null };
    assert.strictEqual(claimVerdict(claim({ ...fid, values: [1.5, 1.6] })).verdict, 'reproduced');
    assert.strictEqual(claimVerdict(claim({ ...fid, values: [2.3, 2.4] })).verdict, 'not-reproduced');
    assert.strictEqual(claimVerdict(claim({ ...fid, values: [1.9, 2.1] })).verdict, 'inconclusive');
    const two = { reported: 10, tolerance: 1, higherIsBetter: null };
    assert.strictEqual(claimVerdict(claim({ ...two, values: [9.5, 10.5] })).verdict, 'reproduced');
    assert.strictEqual(claimVerdict(claim({ ...two, values: [12, 12.2] })).verdict, 'not-reproduced', 'too good is a discrepancy too');
    assert.strictEqual(claimVerdict(claim({ ...two, values: [10.5, 11.5] })).verdict, 'inconclusive');
  });

  it('property: a larger tolerance never makes a verdict worse', () => {
    const rank = { 'not-reproduced': 0, inconclusive: 1, reproduced: 2, pending: -1 } as const;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.constantFrom(true, false, null),
        (values, reported, t1, extra, higherIsBetter) => {
          const a = claimVerdict(claim({ values, reported, tolerance: t1, higherIsBetter })).verdict;
          const b = claimVerdict(claim({ values, reported, tolerance: t1 + extra, higherIsBetter })).verdict;
          return rank[b] >= rank[a];
        },
      ),
    );
  });

  it('says it in one line, with runs done against runs planned', () => {
    assert.strictEqual(
      claimVerdictText(claim({ values: [27.6, 27.9, 28.2], tolerance: 0.3, higherIsBetter: null })),
      'reported 28.4 BLEU · measured 27.9 ± 0.3 (3/3 seeds) · inconclusive',
    );
    assert.strictEqual(claimVerdictText(claim({ values: [28.3, 28.5] })), 'reported 28.4 BLEU · measured 28.4 ± 0.1 (2/3 seeds) · reproduced');
    assert.strictEqual(
      claimVerdictText(claim({ reported: 76.1, unit: '%', tolerance: 0.5, values: [[75.0, null]] })),
      'reported 76.1% · measured 75.0 (1/3 runs) · not reproduced',
    );
    assert.strictEqual(claimVerdictText(claim()), 'reported 28.4 BLEU · not measured yet (0/3 seeds) · pending');
    assert.strictEqual(claimVerdictText(claim({ reported: 94.5, reportedStd: 0.3, unit: '%' })), 'reported 94.5 ± 0.3% · not measured yet (0/3 seeds) · pending');
  });

  it('summarises a manifest and suggests its status', () => {
    const claims = [
      claim({ id: 'a', values: [28.4, 28.5, 28.3] }),
      claim({ id: 'b', values: [28.4, 28.5, 28.3] }),
      claim({ id: 'c', values: [20, 20.1, 20.2] }),
      claim({ id: 'd', values: [27.6, 27.9, 28.2] }),
      claim({ id: 'e' }),
    ];
    const s = summarizeManifest({ claims });
    assert.strictEqual(s.text, '2/5 claims reproduced');
    assert.strictEqual(s.detail, '1 not reproduced · 1 inconclusive · 1 pending');
    assert.strictEqual(suggestStatus({ claims, status: 'planned' }), 'running');
    assert.strictEqual(suggestStatus({ claims: [claim(), claim({ id: 'x' })], status: 'running' }), 'planned');
    assert.strictEqual(suggestStatus({ claims: claims.slice(0, 2), status: 'running' }), 'reproduced');
    assert.strictEqual(suggestStatus({ claims: claims.slice(0, 3), status: 'running' }), 'partially-reproduced');
    assert.strictEqual(suggestStatus({ claims: [claims[2]], status: 'running' }), 'not-reproduced');
    assert.strictEqual(suggestStatus({ claims: [claim({ values: [28.4] })], status: 'running' }), 'running', '1 of 3 seeds is not final');
    assert.strictEqual(summarizeManifest({ claims: [] }).text, 'no claims yet');
  });
});
