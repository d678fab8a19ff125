import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { freshWindow, runCommand, screenshot, webviewFrame } from './workbench';

/** Runs after the Feeds/Library tests, which saved the "Squint Bound" paper to the library. */
describe('The PDF of a paper in an editor tab', () => {
  let page: Page;

  before(async () => {
    page = await freshWindow();
  });

  it('opens the PDF from the command palette, rendered by pdf.js with its page count', async () => {
    await runCommand(page, 'Paper Practice: Open PDF');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Squint Bound' }).first().click();
    const frame = webviewFrame(page);
    await frame.locator('.page[data-page-number="1"] canvas').waitFor({ timeout: 60_000 });
    await frame.locator('#pageCount', { hasText: 'of 3' }).waitFor();
    await frame.locator('.textLayer span', { hasText: 'Scaled Dot-Product Attention' }).first().waitFor();
    await screenshot(page, 'pdf');
  });

  it('navigates pages with the toolbar', async () => {
    const frame = webviewFrame(page);
    await frame.locator('#next').click();
    for (let i = 0; i < 50 && (await frame.locator('#pageNumber').inputValue()) !== '2'; i++) await page.waitForTimeout(100);
    assert.strictEqual(await frame.locator('#pageNumber').inputValue(), '2');
    await frame.locator('#pageNumber').fill('3');
    await frame.locator('#pageNumber').press('Enter');
    await frame.locator('.page[data-page-number="3"] .textLayer span', { hasText: 'Results' }).first().waitFor();
  });

  it('finds text in the document', async () => {
    const frame = webviewFrame(page);
    await frame.locator('#findInput').fill('BLEU');
    await frame.locator('#findResult', { hasText: /of \d+/ }).waitFor({ timeout: 30_000 });
    // "BLEU" occurs 16 times in the fixture; the search starts from the current page.
    assert.match((await frame.locator('#findResult').textContent()) ?? '', /^\d+ of 16$/);
    await screenshot(page, 'pdf-find');
  });

  it('quotes the selected text into the paper’s notes with its page', async () => {
    const frame = webviewFrame(page);
    await frame.locator('#findInput').fill('');
    const span = frame.locator('.page[data-page-number="2"] .textLayer span', { hasText: 'Multi-head attention' }).first();
    await span.scrollIntoViewIfNeeded();
    await span.selectText();
    await frame.locator('#quote:not([disabled])').click();
    const note = page.locator('.editor-instance .view-lines').filter({ hasText: '— p. 2' }).first();
    await note.waitFor({ timeout: 30_000 });
    assert.match(((await note.textContent()) ?? '').replace(/\u00a0/g, ' '), /> Multi-head attention allows the model/);
    await screenshot(page, 'pdf-quote');
  });
});
