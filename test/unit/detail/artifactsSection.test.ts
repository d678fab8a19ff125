import * as assert from 'assert';
import { renderArtifactsBody, renderArtifactsSection } from '../../../src/core/detail/artifactsSection';
import { renderPaperPage } from '../../../src/core/detail/paperPage';
import { fetchHfArtifacts, type HfArtifacts } from '../../../src/core/replication/huggingFace';
import { makePaper } from '../../support/paperFactory';
import { startHfServer } from '../replication/hfServer';

const now = () => new Date('2026-03-01T10:00:00Z');

function nothing(indexed: boolean): HfArtifacts {
  return { indexed, paperUrl: null, githubRepo: null, githubStars: null, projectPage: null, models: [], datasets: [], checkedAt: '2026-03-01T10:00:00.000Z' };
}

/** The text a reader sees: tags dropped, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('paper detail page: code and artifacts', () => {
  it('lists the code repository, project page, models and datasets the Hub answers with', async () => {
    const hf = await startHfServer();
    try {
      const a = await fetchHfArtifacts('2604.26951', { baseUrl: hf.url, now });
      const html = renderArtifactsBody({ kind: 'found', artifacts: a });
      assert.match(html, /<dt>Code<\/dt><dd><a href="https:\/\/github\.com\/PKU-YuanGroup\/TIDE" [^>]*>PKU-YuanGroup\/TIDE<\/a> <span class="muted">\(212 stars\)<\/span>/);
      assert.match(html, /<a href="https:\/\/pku-yuangroup\.github\.io\/TIDE\/"/);
      assert.deepStrictEqual(
        [...html.matchAll(/<li><a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1].replace(hf.url, 'HUB'), m[2]]),
        [
          ['HUB/PKU-YuanGroup/TIDE-0.6B-from-LLaDA-8B', 'PKU-YuanGroup/TIDE-0.6B-from-LLaDA-8B'],
          ['HUB/PKU-YuanGroup/TIDE-0.6B-from-MoE-16B', 'PKU-YuanGroup/TIDE-0.6B-from-MoE-16B'],
          ['HUB/datasets/PKU-YuanGroup/TIDE-distillation-mix', 'PKU-YuanGroup/TIDE-distillation-mix'],
        ],
      );
      assert.match(text(html), /\(1,342 downloads\)/);
      assert.match(text(html), /From Hugging Face ?, as of 2026-03-01\.$/);
    } finally {
      await hf.close();
    }
  });

  it('says plainly when there is nothing, when the lookup failed, and while it runs', () => {
    assert.strictEqual(
      text(renderArtifactsBody({ kind: 'found', artifacts: nothing(false) })),
      'None found: as of 2026-03-01, Hugging Face has not indexed this paper and lists no code repository, project page, model or dataset for it.',
    );
    assert.match(text(renderArtifactsBody({ kind: 'found', artifacts: nothing(true) })), /has a page for this paper but lists no code repository/);
    assert.strictEqual(
      text(renderArtifactsBody({ kind: 'failed', message: 'Hugging Face answered 503 Service Unavailable for http://hub/api/models' })),
      'Could not look up official code and artifacts: Hugging Face answered 503 Service Unavailable for http://hub/api/models. Open the paper again to retry.',
    );
    assert.match(text(renderArtifactsBody({ kind: 'loading' })), /^Looking up official code and artifacts on Hugging Face…$/);
    assert.match(renderArtifactsSection({ kind: 'loading' }), /<div id="artifacts" aria-live="polite" aria-busy="true">/);
    assert.match(text(renderArtifactsBody({ kind: 'off' })), /setting is empty/);
  });

  it('escapes everything from the Hub and makes only http(s) links clickable', () => {
    const hostile: HfArtifacts = {
      ...nothing(true),
      githubRepo: 'javascript:alert(1)',
      projectPage: '"><img src=x onerror=alert(2)>',
      models: [{ id: '<script>alert(3)</script>', url: 'https://hub/<script>alert(3)</script>', likes: null, downloads: null }],
      datasets: [{ id: 'a" onmouseover="x', url: 'https://hub/datasets/a" onmouseover="x', likes: null, downloads: 5 }],
    };
    const html = renderArtifactsBody({ kind: 'found', artifacts: hostile });
    for (const bad of ['<script>', '<img', 'href="javascript:', '" onmouseover="', 'href="&quot;']) assert.ok(!html.includes(bad), bad);
    assert.ok(html.includes('<a href="#" title="javascript:alert(1)">javascript:alert(1)</a>'));
    assert.ok(html.includes('&lt;script&gt;alert(3)&lt;/script&gt;'));
    assert.ok(!/\sstyle="/.test(html), 'no inline styles for the CSP to forbid');
  });

  it('is on the page only when the view asks for it, under the same CSP', () => {
    const assets = { cspSource: 'vscode-resource:', nonce: 'n0nce', styleUri: 'style.css', scriptUri: 'detail.js' };
    const model = { paper: makePaper(), status: null, statuses: [], tags: [] };
    assert.ok(!renderPaperPage(model, assets).includes('Code and artifacts'));
    const page = renderPaperPage({ ...model, artifacts: { kind: 'loading' } }, assets);
    assert.match(page, /<section class="artifacts" aria-label="Code and artifacts">\s*<h2>Code and artifacts<\/h2>/);
    assert.strictEqual((page.match(/<script[^>]*>/g) ?? []).length, 1);
  });
});
