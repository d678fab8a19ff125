import * as assert from 'assert';
import { artifactsMarkdown, fetchHfArtifacts, HfError, noArtifacts } from '../../../src/core/replication/huggingFace';
import { startHfServer } from './hfServer';

const now = () => new Date('2026-03-01T10:00:00Z');

describe('replication: official code and artifacts from Hugging Face', () => {
  it('reads the paper page, the models and the datasets citing the paper', async () => {
    const hf = await startHfServer();
    try {
      const a = await fetchHfArtifacts('1706.03762', { baseUrl: `${hf.url}/`, now });
      assert.strictEqual(a.indexed, true);
      assert.strictEqual(a.githubRepo, 'https://github.com/tensorflow/tensor2tensor');
      assert.strictEqual(a.githubStars, 16230);
      assert.strictEqual(a.projectPage, null);
      assert.deepStrictEqual(a.models.map((m) => [m.id, m.url]), [
        ['google-t5/t5-small', `${hf.url}/google-t5/t5-small`],
        ['someone/transformer-wmt14-en-de', `${hf.url}/someone/transformer-wmt14-en-de`],
      ]);
      assert.deepStrictEqual(a.datasets.map((d) => d.url), [`${hf.url}/datasets/wmt/wmt14`]);
      assert.ok(hf.requests.some((r) => r.startsWith('GET /api/models?filter=arxiv%3A1706.03762')));
      assert.ok(hf.requests.every((r) => r.includes('ua=PaperPractice/')), 'identifies itself');
      const md = artifactsMarkdown(a);
      assert.match(md, /- Code: https:\/\/github\.com\/tensorflow\/tensor2tensor \(16230 stars\)/);
      assert.match(md, /- Datasets citing it: \[wmt\/wmt14\]/);
    } finally {
      await hf.close();
    }
  });

  it('a paper the Hub has not indexed (404) is "none found", not an error', async () => {
    const hf = await startHfServer();
    try {
      const a = await fetchHfArtifacts('hep-th/9901001', { baseUrl: hf.url, now });
      assert.strictEqual(a.indexed, false);
      assert.ok(noArtifacts(a));
      assert.strictEqual(
        artifactsMarkdown(a),
        'None found: as of 2026-03-01, Hugging Face has not indexed this paper and lists no code repository, project page, model or dataset for it.',
      );
    } finally {
      await hf.close();
    }
  });

  it('server errors and stalls are HfErrors the README turns into "could not check"', async () => {
    const broken = await startHfServer('error');
    const stalled = await startHfServer('stall');
    try {
      await assert.rejects(fetchHfArtifacts('1706.03762', { baseUrl: broken.url }), (e: unknown) => e instanceof HfError && e.status === 500);
      await assert.rejects(fetchHfArtifacts('1706.03762', { baseUrl: stalled.url, timeoutMs: 200 }), /timed out/);
      assert.match(artifactsMarkdown(null, 'Could not reach Hugging Face (timed out)'), /^Could not check Hugging Face/);
    } finally {
      await broken.close();
      await stalled.close();
    }
  });
});
