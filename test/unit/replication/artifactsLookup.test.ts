import * as assert from 'assert';
import { ArtifactsLookup, type ArtifactsState } from '../../../src/core/replication/artifactsLookup';
import { type HfArtifacts, HfError, type HfOptions } from '../../../src/core/replication/huggingFace';
import { startHfServer } from './hfServer';

function artifacts(id: string): HfArtifacts {
  return { indexed: false, paperUrl: null, githubRepo: `https://github.com/x/${id}`, githubStars: null, projectPage: null, models: [], datasets: [], checkedAt: '2026-03-01T10:00:00.000Z' };
}

describe('replication: official code and artifacts looked up once per session', () => {
  it('asks the Hub once per paper, shares a lookup in flight, and remembers the answer', async () => {
    const calls: Array<[string, HfOptions]> = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const lookup = new ArtifactsLookup(async (id, opts) => {
      calls.push([id, opts]);
      await gate;
      return artifacts(id);
    });
    assert.deepStrictEqual(lookup.peek('2604.26951', 'http://hub'), { kind: 'loading' });
    const a = lookup.lookup('2604.26951', 'http://hub/');
    const b = lookup.lookup('2604.26951', 'http://hub');
    release();
    const [sa, sb] = await Promise.all([a, b]);
    assert.strictEqual(calls.length, 1, 'one request for two callers');
    assert.strictEqual(calls[0][1].baseUrl, 'http://hub/');
    assert.ok(calls[0][1].signal, 'the request can be aborted');
    assert.strictEqual(sa.kind === 'found' && sa.artifacts.githubRepo, 'https://github.com/x/2604.26951');
    assert.deepStrictEqual(sb, sa);
    assert.deepStrictEqual(lookup.peek('2604.26951', 'http://hub'), sa);
    await lookup.lookup('2604.26951', 'http://hub');
    assert.strictEqual(calls.length, 1, 'remembered for the session');
    await lookup.lookup('2604.26951', 'http://other-hub');
    assert.strictEqual(calls.length, 2, 'another base URL is another Hub');
  });

  it('turns a failure into a sentence and does not remember it, so a later lookup retries', async () => {
    let fail = true;
    const lookup = new ArtifactsLookup(async (id) => {
      if (fail) throw new HfError('Could not reach Hugging Face (timed out)', `http://hub/api/papers/${id}`, null);
      return artifacts(id);
    });
    const first: ArtifactsState = await lookup.lookup('1706.03762', 'http://hub');
    assert.deepStrictEqual(first, { kind: 'failed', message: 'Could not reach Hugging Face (timed out)' });
    assert.deepStrictEqual(lookup.peek('1706.03762', 'http://hub'), { kind: 'loading' });
    fail = false;
    assert.strictEqual((await lookup.lookup('1706.03762', 'http://hub')).kind, 'found');
  });

  it('an empty base URL means the user turned the lookup off: nothing is asked', async () => {
    const lookup = new ArtifactsLookup(async () => assert.fail('no request when the lookup is off'));
    assert.deepStrictEqual(await lookup.lookup('1706.03762', '  '), { kind: 'off' });
  });

  it('dispose aborts what is in flight against a real (stalled) server', async () => {
    const stalled = await startHfServer('stall');
    try {
      const lookup = new ArtifactsLookup(undefined, { timeoutMs: 30_000 });
      const pending = lookup.lookup('1706.03762', stalled.url);
      await new Promise((r) => setTimeout(r, 50));
      lookup.dispose();
      const state = await pending;
      assert.deepStrictEqual(state, { kind: 'failed', message: 'Could not reach Hugging Face (cancelled)' });
    } finally {
      await stalled.close();
    }
  });
});
