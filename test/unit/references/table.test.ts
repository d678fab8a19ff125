import * as assert from 'assert';
import { findArxivReferences } from '../../../src/core/references/matcher';
import { describeMistakes, describeScore, loadTable, score } from './table';

/**
 * Precision and recall of the matcher on real-world snippets. The table's first part was used to
 * shape the context rules; the two later batches were written before the matcher saw them (their
 * first-run figures are in the commit message of the matcher), so regressions there are telling.
 */
describe('arXiv reference matcher on the reference table', () => {
  const rows = loadTable();

  it('has at least 60 snippets, positives and negatives', () => {
    assert.ok(rows.length >= 60, `only ${rows.length} rows`);
    assert.ok(rows.filter((r) => r.expect.length > 0).length >= 30);
    assert.ok(rows.filter((r) => r.expect.length === 0).length >= 30);
  });

  it('finds references with precision >= 0.98 and recall >= 0.95', () => {
    const s = score(rows, (text) => findArxivReferences(text).map((r) => (r.version ? `${r.id}v${r.version}` : r.id)));
    console.log(`      ${describeScore('matcher', s)} over ${rows.length} snippets`);
    assert.ok(s.precision >= 0.98 && s.recall >= 0.95, `${describeScore('matcher', s)}\n${describeMistakes(s)}`);
  });
});
