import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { parseAny } from '../../src/core/arxiv/parse';
import { renderNote } from '../../src/core/library/note';
import { NOTE_FILE, paperFolderName } from '../../src/core/library/paperFolder';
import { localDay, recordFromPaper, type PaperStatus } from '../../src/core/library/record';
import { arxivFixturesDir } from '../support/paths';
import { freshWindow, runCommand, screenshot, showPaperPractice, sidebar, webviewFrame, workbench } from './workbench';

const DAY = 86_400_000;

/**
 * A practice folder with a history, as a clone of someone's folder would bring it: quant-ph papers
 * read over the last ten weeks (two this week), one replicated, one being read.
 */
function writeHistory(workspace: string): number {
  const feed = parseAny(fs.readFileSync(path.join(arxivFixturesDir, 'rss-quant-ph-2025-04-28.xml'), 'utf8'));
  const papers = feed.papers.filter((p) => /entangle|qubit/i.test(`${p.title} ${p.summary}`)).slice(0, 14);
  const now = Date.now();
  papers.forEach((paper, i) => {
    const status: PaperStatus = i === 0 ? 'replicated' : i === papers.length - 1 ? 'reading' : 'read';
    // Two this week (days 0 and 1 are never in the future), then one or two a week before that.
    const finished = i < 2 ? localDay(new Date(now - i * 60_000)) : localDay(new Date(now - (7 + (i - 2) * 5) * DAY));
    const record = { ...recordFromPaper(paper, { status, added: localDay(new Date(now - 80 * DAY)) }), started: localDay(new Date(now - (90 - i) * DAY)) };
    if (status !== 'reading') record.finished = finished;
    const folder = path.join(workspace, 'papers', paperFolderName(paper.id, paper.title));
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, NOTE_FILE), renderNote(record, `\n# ${record.title}\n\n`));
  });
  return papers.length;
}

/** Drags the side bar's edge so descriptions (scores, goals) fit, as a user would. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const box = await sidebar(page).boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

describe('Recommendations and practice in the real workbench', () => {
  let page: Page;

  before(async () => {
    const { workspace } = await workbench();
    assert.ok(writeHistory(workspace) >= 8, 'the fixture has enough papers on entanglement');
    page = await freshWindow();
  });

  it('shows a Recommended group ranked by the library, each paper with its score', async () => {
    await showPaperPractice(page);
    await widenSidebar(page, 520);
    const group = sidebar(page).locator('.monaco-list-row', { hasText: 'Recommended' });
    await group.filter({ hasText: /by your library \(\d+ papers\)/ }).waitFor({ timeout: 60_000 });
    // The score leads each label, so a long title cannot push it out of sight.
    const scored = sidebar(page).locator('.monaco-list-row .label-name', { hasText: /^[+−]\d\.\d\d · \S/ });
    await scored.first().waitFor({ timeout: 30_000 });
    assert.ok((await scored.count()) >= 5, 'recommended papers show their scores');
    await screenshot(page, 'feeds-recommended');
  });

  it('explains the top recommendation in its detail tab', async () => {
    const top = sidebar(page).locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^[+−]\d\.\d\d · / }) }).first();
    await top.click();
    const frame = webviewFrame(page);
    const why = frame.locator('section.recommendation');
    await why.locator('.terms li').first().waitFor({ timeout: 30_000 });
    assert.match((await why.locator('h2').textContent()) ?? '', /Why recommended/i);
    assert.match((await why.textContent()) ?? '', /Score [+−]\d\.\d\d from a ranker trained on your library/);
    assert.ok((await why.locator('.terms li').count()) >= 3, 'shared terms are listed');
    await screenshot(page, 'detail-why-recommended');
    await runCommand(page, 'View: Close All Editors');
  });

  it('shows the week in the status bar and the Practice view', async () => {
    const status = page.locator('.statusbar-item', { hasText: 'this week' });
    await status.waitFor({ timeout: 30_000 });
    assert.match((await status.textContent()) ?? '', /2\/2 this week/);
    const header = sidebar(page).locator('.pane-header', { hasText: 'Practice' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const week = sidebar(page).locator('.monaco-list-row', { hasText: 'This week' });
    await week.waitFor({ timeout: 30_000 });
    assert.match((await week.textContent()) ?? '', /2\/2 papers · goal met/);
    assert.match((await sidebar(page).locator('.monaco-list-row', { hasText: 'Streak' }).textContent()) ?? '', /[1-9]\d* weeks? · longest/);
    await screenshot(page, 'practice-view');
  });

  it('opens the Practice page with the goals, recent weeks and a year heat map', async () => {
    await page.locator('.statusbar-item', { hasText: 'this week' }).click();
    const frame = webviewFrame(page);
    await frame.locator('svg.heatmap').waitFor({ timeout: 30_000 });
    assert.ok((await frame.locator('svg.heatmap rect.cell[data-date]:not(.l0)').count()) >= 10, 'active days are coloured');
    assert.match((await frame.locator('.card', { hasText: 'This week' }).textContent()) ?? '', /2\s*\/ 2/);
    assert.ok((await frame.locator('.recent li').count()) >= 5, 'recently finished papers are listed');
    await screenshot(page, 'practice-page');
  });
});
