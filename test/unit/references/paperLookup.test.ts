import * as assert from 'assert';
import type { PaperDetails } from '../../../src/core/arxiv/types';
import { PaperLookup, isAbortError, type GetByIds } from '../../../src/vscode/references/paperLookup';

const paper = (id: string) => ({ id, version: 1, title: `Paper ${id}` }) as PaperDetails;

/** A fake getByIds whose answers the test releases by hand. */
function fakeClient(known: string[]) {
  const calls: { ids: string[]; signal?: AbortSignal; release: () => void }[] = [];
  const getByIds: GetByIds = (ids, opts) =>
    new Promise((resolve, reject) => {
      const release = () => {
        const papers = Object.fromEntries(ids.filter((id) => known.includes(id)).map((id) => [id, paper(id)]));
        resolve({ papers, missing: ids.filter((id) => !known.includes(id)), provenance: [{ origin: 'network' }] });
      };
      opts.signal?.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { name: 'ArxivCancelled' })));
      calls.push({ ids, signal: opts.signal, release });
    });
  return { calls, getByIds };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('PaperLookup (hover cache)', () => {
  it('asks arXiv once per id and answers again from memory', async () => {
    const client = fakeClient(['1706.03762']);
    const lookup = new PaperLookup(() => client.getByIds);
    const a = lookup.get('1706.03762');
    const b = lookup.get('1706.03762');
    await tick();
    assert.strictEqual(client.calls.length, 1, 'concurrent requests share one call');
    client.calls[0].release();
    assert.strictEqual((await a).paper?.id, '1706.03762');
    assert.strictEqual((await b).paper?.id, '1706.03762');
    assert.strictEqual((await lookup.get('1706.03762')).paper?.title, 'Paper 1706.03762');
    assert.strictEqual(client.calls.length, 1);
  });

  it('remembers that arXiv has no such paper, for a shorter time', async () => {
    let now = 0;
    const client = fakeClient([]);
    const lookup = new PaperLookup(() => client.getByIds, { missingTtlMs: 1000, ttlMs: 10_000, now: () => now });
    const first = lookup.get('2604.99999');
    await tick();
    client.calls[0].release();
    assert.strictEqual((await first).paper, null);
    assert.strictEqual(lookup.peek('2604.99999')?.paper, null);
    now = 1001;
    assert.strictEqual(lookup.peek('2604.99999'), undefined, 'expired');
  });

  it('aborts the request only when every caller has given up', async () => {
    const client = fakeClient(['1706.03762']);
    const lookup = new PaperLookup(() => client.getByIds);
    const one = new AbortController();
    const two = new AbortController();
    const p1 = lookup.get('1706.03762', one.signal);
    const p2 = lookup.get('1706.03762', two.signal);
    await tick();
    one.abort();
    await assert.rejects(p1, (e) => isAbortError(e));
    assert.strictEqual(client.calls[0].signal?.aborted, false, 'aborted while another hover still waits');
    two.abort();
    await assert.rejects(p2, (e) => isAbortError(e));
    assert.strictEqual(client.calls[0].signal?.aborted, true);
    // Nothing was remembered; the next hover asks again.
    const p3 = lookup.get('1706.03762');
    await tick();
    assert.strictEqual(client.calls.length, 2);
    client.calls[1].release();
    assert.strictEqual((await p3).paper?.id, '1706.03762');
  });

  it('rejects at once when already cancelled, and forgets the least recently used beyond its size', async () => {
    const client = fakeClient([]);
    const lookup = new PaperLookup(() => client.getByIds, { maxEntries: 2 });
    const done = new AbortController();
    done.abort();
    await assert.rejects(lookup.get('1706.03762', done.signal), (e) => isAbortError(e));
    assert.strictEqual(client.calls.length, 0);
    lookup.remember([paper('a'), paper('b')]);
    assert.ok(lookup.peek('a'));
    lookup.remember([paper('c')]);
    assert.ok(lookup.peek('a') && lookup.peek('c'));
    assert.strictEqual(lookup.peek('b'), undefined);
  });

  it('does not remember a stale copy', async () => {
    const stale: GetByIds = async () => ({ papers: { x: paper('x') }, missing: [], provenance: [{ origin: 'stale' }] });
    let calls = 0;
    const lookup = new PaperLookup(() => (ids, opts) => (calls++, stale(ids, opts)));
    assert.strictEqual((await lookup.get('x')).stale, true);
    await lookup.get('x');
    assert.strictEqual(calls, 2);
  });
});
