import * as assert from 'assert';
import { runCommand, screenshot, showPaperPractice, sidebar, webviewFrame, workbench } from './workbench';

describe('Feeds, Library and the paper detail tab in the real workbench', () => {
  it('follows a category from the welcome button and lists its papers by day, new ones marked', async () => {
    const { page } = await workbench();
    await showPaperPractice(page);
    await sidebar(page).getByRole('button', { name: 'Follow Categories' }).click();
    // Type only once the picker is ours and settled: on a busy machine a value typed while it is
    // still being set up is cleared, and Enter then follows nothing.
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Follow arXiv categories' }).waitFor();
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'cs.LG' }).first().waitFor();
    const input = widget.locator('input');
    await input.fill('quant-ph');
    for (let tries = 0; (await input.inputValue()) !== 'quant-ph'; tries++) {
      if (tries > 20) throw new Error(`the picker holds "${await input.inputValue()}"`);
      await page.waitForTimeout(100);
      await input.fill('quant-ph');
    }
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    // Following refreshes at once; the recorded quant-ph announcement is Monday 28 April 2025.
    await sidebar(page).locator('.monaco-list-row', { hasText: 'Mon, 28 Apr 2025' }).waitFor({ timeout: 60_000 });
    await sidebar(page).locator('.monaco-list-row', { hasText: '81 papers · 81 new' }).waitFor();
    const badge = page.locator('.activitybar li', { has: page.locator('.action-label[aria-label^="Paper Practice"]') }).locator('.badge-content');
    await badge.filter({ hasText: '81' }).waitFor();
    assert.ok((await sidebar(page).locator('.monaco-list-row .codicon-circle-filled').count()) > 5, 'unseen papers are not marked');
    await screenshot(page, 'feeds');
  });

  it('searches arXiv from the command palette and opens a paper whose math renders', async () => {
    const { page } = await workbench();
    await runCommand(page, 'Paper Practice: Search arXiv…');
    const input = page.locator('.quick-input-widget input');
    await input.fill('squint bound');
    await page.keyboard.press('Enter');
    const result = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Squint Bound' }).first();
    await result.waitFor({ timeout: 30_000 });
    await screenshot(page, 'search-results');
    await result.click();

    const frame = webviewFrame(page);
    const heading = frame.locator('h1');
    await heading.waitFor({ timeout: 30_000 });
    assert.match((await heading.textContent()) ?? '', /Remove the .*Term from the Squint Bound/);
    assert.ok((await frame.locator('h1 math').count()) >= 1, 'the title formula is not typeset');
    assert.ok((await frame.locator('.abstract math').count()) >= 1, 'the abstract formulas are not typeset');
    await screenshot(page, 'detail');
  });

  it('saves the paper from the detail tab into the Library view', async () => {
    const { page } = await workbench();
    const frame = webviewFrame(page);
    await frame.locator('button[data-action="save"]').click();
    await frame.locator('select[data-action="setStatus"]').waitFor({ timeout: 30_000 });
    await showPaperPractice(page);
    await sidebar(page).locator('.monaco-list-row', { hasText: 'Inbox' }).waitFor({ timeout: 30_000 });
    await sidebar(page).locator('.monaco-list-row', { hasText: 'Squint Bound' }).first().waitFor();
    await screenshot(page, 'library');
  });
});
