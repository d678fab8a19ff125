import * as assert from 'assert';
import type { PracticeRecord } from '../../../src/core/practice/activity';
import { renderPracticePage } from '../../../src/core/practice/practicePage';
import { practiceSummary } from '../../../src/core/practice/summary';

const assets = { cspSource: 'vscode-resource:', nonce: 'n0nce', styleUri: 'practice.css', scriptUri: 'practice.js' };
/** Thursday 2026-11-26, noon UTC: ISO week 48. */
const NOW = new Date('2026-11-26T12:00:00Z');

function page(records: PracticeRecord[], goals = { papersReadPerWeek: 2, replicationsPerMonth: 1 }): string {
  return renderPracticePage(practiceSummary(records, { goals, now: NOW, timeZone: 'UTC', recent: 8 }), assets);
}

const read = (id: string, finished: string, title = `Paper ${id}`): PracticeRecord => ({ id, title, status: 'read', started: finished, finished });

describe('practice page', () => {
  it('shows this week and this month against the goals', () => {
    const html = page([read('a', '2026-11-23'), read('b', '2026-11-26'), { id: 'c', title: 'C', status: 'replicated', started: '2026-10-01', finished: '2026-11-02' }]);
    assert.match(html, /<h2>This week<\/h2>\s*<p class="big">2<span class="unit"> \/ 2<\/span> <span class="unit">papers read<\/span>/);
    assert.match(html, /<h2>November 2026<\/h2>\s*<p class="big">1<span class="unit"> \/ 1<\/span>/);
    assert.strictEqual((html.match(/<div class="card met">/g) ?? []).length, 2);
    assert.match(html, /Week 48 · 2026-11-26 · UTC/);
  });

  it('draws one heat map cell per past day of the year, today included, with its activity', () => {
    const html = page([read('a', '2026-11-26'), read('b', '2026-11-26'), read('c', '2026-06-01')]);
    const cells = html.match(/<rect class="cell l\d" [^>]*data-date="[^"]+"/g) ?? [];
    // 52 full weeks before this one, and Monday to Thursday of this one.
    assert.strictEqual(cells.length, 52 * 7 + 4);
    assert.match(html, /data-date="2026-11-26" data-count="4"><title>2026-11-26: 2 started, 2 read<\/title>/);
    assert.match(html, /<rect class="cell l0" [^>]*data-date="2026-11-25" data-count="0"><title>2026-11-25: nothing<\/title>/);
    assert.ok(!html.includes('data-date="2026-11-27"'), 'no cells for days to come');
  });

  it('labels months where they begin, never two labels crowded together', () => {
    const html = page([]);
    const xs = [...html.matchAll(/<text class="label" x="(\d+)" y="10">(\w+)<\/text>/g)].map((m) => [Number(m[1]), m[2]] as const);
    assert.ok(xs.length >= 11, `${xs.length} month labels`);
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i][0] - xs[i - 1][0] >= 3 * 14, `${xs[i - 1][1]} and ${xs[i][1]} crowd each other`);
    assert.deepStrictEqual(xs.slice(-3).map(([, m]) => m), ['Sep', 'Oct', 'Nov']);
  });

  it('lists recently finished papers, their titles escaped and TeX made plain text', () => {
    const html = page([read('2401.00001', '2026-11-25', 'Attacks with <img src=x onerror=alert(1)> on $\\alpha$-nets')]);
    assert.ok(!html.includes('<img src=x'));
    assert.ok(html.includes('<a href="#" data-paper-id="2401.00001">Attacks with &lt;img src=x onerror=alert(1)&gt; on alpha-nets</a> <span class="badge read">read</span> <span class="sub">yesterday</span>'));
  });

  it('says how to start when nothing is finished and no goal is set', () => {
    const html = page([], { papersReadPerWeek: 0, replicationsPerMonth: 0 });
    assert.ok(html.includes('Nothing finished yet.'));
    assert.strictEqual((html.match(/No goal set/g) ?? []).length, 2);
    assert.ok(html.includes('set a weekly goal to keep a streak'));
  });

  it('keeps to the strict CSP: scripts by nonce, no inline styles', () => {
    const html = page([read('a', '2026-11-26')]);
    assert.match(html, /script-src 'nonce-n0nce'/);
    assert.ok(!/\sstyle="/.test(html), 'no inline style attributes');
    assert.strictEqual((html.match(/<script /g) ?? []).length, 1);
  });
});
