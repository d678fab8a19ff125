import * as assert from 'assert';
import type { PaperDetails } from '../../../src/core/arxiv/types';
import { renderPaperPage, renderRecommendationSection, type PaperPageModel } from '../../../src/core/detail/paperPage';
import { makePaper } from '../../support/paperFactory';

function paper(overrides: Partial<PaperDetails> = {}): PaperDetails {
  return makePaper({
    version: 2,
    title: 'Bounds of order $1/\\sqrt{n}$ for learning',
    summary: 'First paragraph with $\\ln\\ln T$.\n\nSecond paragraph.',
    authors: [{ name: 'Jörg Pintér', affiliations: ['ETH Zürich'] }],
    updated: '2026-04-30T10:00:00.000Z',
    categories: ['cs.LG', 'math.OC'],
    comment: '12 pages',
    ...overrides,
  });
}

const assets = { cspSource: 'vscode-resource:', nonce: 'abc123', styleUri: 'style.css', scriptUri: 'detail.js' };
const statuses = [
  { value: 'inbox', label: 'inbox' },
  { value: 'to-read', label: 'to read' },
];

function render(p: PaperDetails, extra: Partial<PaperPageModel> = {}): string {
  return renderPaperPage({ paper: p, status: null, statuses, tags: [], ...extra }, assets);
}

describe('paper detail page', () => {
  it('shows a hostile title as text, never as markup', () => {
    const html = render(paper({ title: '<img src=x onerror=alert(1)> and <script>alert(2)</script>' }));
    assert.ok(!html.includes('<img src=x'));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  it('escapes hostile authors, comments and categories', () => {
    const html = render(
      paper({
        authors: [{ name: '"><svg onload=x>', affiliations: ['<b>lab</b>'] }],
        comment: '<iframe src=//evil>',
        categories: ['cs.LG', '"><x>'],
      }),
    );
    for (const bad of ['<svg onload', '<b>lab', '<iframe', '"><x>']) assert.ok(!html.includes(bad), bad);
  });

  it('renders TeX math as MathML, with no inline styles for the CSP to forbid', () => {
    const html = render(paper());
    assert.match(html, /<math[^>]*>.*<msqrt>/s);
    assert.ok(!/\sstyle="/.test(html), 'inline style attribute found');
  });

  it('does not let TeX smuggle links or HTML through KaTeX', () => {
    const html = render(paper({ summary: 'See $\\href{javascript:alert(1)}{x}$ and $\\htmlClass{a}{b}$.' }));
    assert.ok(!html.includes('javascript:alert(1)"'));
    assert.ok(!/href="javascript:/i.test(html));
  });

  it('keeps a strict Content-Security-Policy with the script allowed only by nonce', () => {
    const html = render(paper());
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.ok(scripts.length === 1 && scripts[0].includes('nonce="abc123"'));
  });

  it('keeps abstract paragraphs and lists every version', () => {
    const html = render(paper());
    assert.strictEqual((html.match(/<p>/g) ?? []).length, 2);
    assert.ok(html.includes('https://arxiv.org/abs/2604.26951v1') && html.includes('v2</a> (this version)'));
  });

  it('offers Save for a new paper and the status selector for a saved one', () => {
    assert.match(render(paper()), /data-action="save"/);
    const saved = render(paper(), { status: 'to read', tags: ['<t>'] });
    assert.match(saved, /<option value="to-read" selected>to read<\/option>/);
    assert.ok(saved.includes('&lt;t&gt;'));
  });

  it('makes only http(s) links clickable', () => {
    const html = render(paper({ license: 'javascript:alert(1)' }));
    assert.ok(!html.includes('href="javascript:'));
  });

  it('explains a recommendation: score, basis and the shared words with their library counts, escaped', () => {
    const html = render(paper(), {
      recommendation: { basis: 'your library', score: 0.8449, reason: null, terms: [{ term: 'diffusion', libraryPapers: 4 }, { term: '<b>x</b>', libraryPapers: 1 }] },
    });
    const section = html.slice(html.indexOf('<section class="recommendation"'), html.indexOf('</section>', html.indexOf('<section class="recommendation"')));
    assert.match(section, /Score <strong class="score">\+0\.84<\/strong> from a ranker trained on your library/);
    assert.match(section, /<span class="term">diffusion<\/span> <span class="count">4 papers<\/span>/);
    assert.ok(section.includes('&lt;b&gt;x&lt;/b&gt;</span> <span class="count">1 paper</span>'));
  });

  it('says why a paper is ranked by date instead of scoring it', () => {
    const reason = 'Sorted by date: recommendations start when your library has 3 papers (it has 1).';
    const html = render(paper(), { recommendation: { basis: 'your library', score: null, reason, terms: [] } });
    assert.ok(html.includes(`<p>${reason}</p>`));
    assert.ok(html.includes('It shares no distinctive words with your library.'));
    assert.ok(!html.includes('class="score"'));
  });

  it('keeps an empty place for "Why recommended" until the ranker answers, and none for a library paper', () => {
    const waiting = render(paper());
    assert.ok(!waiting.includes('Why recommended'));
    assert.match(waiting, /<div id="recommendation" aria-live="polite"><\/div>\s*<section class="abstract"/);
    const inLibrary = render(paper(), { status: 'reading', recommendation: { basis: 'your library', score: 1, reason: null, terms: [] } });
    assert.ok(!inLibrary.includes('id="recommendation"') && !inLibrary.includes('Why recommended'));
  });

  it('renders the section the page script fills in, the same as a page that had it from the start', () => {
    const r = { basis: 'papers tagged <rl>', score: -0.2, reason: null, terms: [{ term: 'policy', libraryPapers: 2 }] };
    const section = renderRecommendationSection(r);
    assert.ok(section.includes('papers tagged &lt;rl&gt;') && !section.includes('<rl>'));
    assert.ok(render(paper(), { recommendation: r }).includes(`<div id="recommendation" aria-live="polite">${section}</div>`));
  });
});
