import * as assert from 'assert';
import { IdStream } from '../../../src/core/ranking/idStream';

describe('id stream (word ids kept between the two passes of a fit)', () => {
  // Documents of 1,000 ids of all sizes (one to five bytes each), enough to fill several chunks.
  const docs = Array.from({ length: 1_500 }, (_, d) => Array.from({ length: 1_000 }, (_, k) => ((d * 7919 + k * 104729) % 2_000_000_011) >>> (k % 31)));

  function write(stream: IdStream): number[] {
    const starts = [0];
    for (const ids of docs) {
      stream.reserve(ids.length);
      for (const id of ids) stream.push(id);
      starts.push(stream.length);
    }
    return starts;
  }

  it('reads every document back exactly, across chunks', () => {
    const stream = new IdStream(4096);
    const starts = write(stream);
    assert.ok(stream.length > 3 << 20, `${stream.length} bytes span several chunks`);
    const out = new Int32Array(5_000);
    for (let d = docs.length - 1; d >= 0; d--) {
      const n = stream.read(starts[d], starts[d + 1], out);
      assert.deepStrictEqual(Array.from(out.subarray(0, n)), docs[d], `document ${d}`);
    }
  });

  it('still reads the documents after those it has given back', () => {
    const stream = new IdStream(4096);
    const starts = write(stream);
    const out = new Int32Array(5_000);
    for (let d = 0; d < docs.length; d++) {
      stream.releaseBefore(starts[d]);
      const n = stream.read(starts[d], starts[d + 1], out);
      assert.deepStrictEqual(Array.from(out.subarray(0, n)), docs[d], `document ${d}`);
    }
  });
});
