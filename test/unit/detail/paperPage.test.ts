import * as assert from 'assert';
import type { PaperDetails } from '../../../src/core/arxiv/types';
import { renderPaperPage, type PaperPageModel } from '../../../src/core/detail/paperPage';
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
});
