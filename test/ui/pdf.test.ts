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

  it('keeps "Quote in Notes" in reach when the PDF shares a small window with its note', async () => {
    // The quote above opened the note beside the PDF; a small window leaves each a narrow column.
    await page.setViewportSize({ width: 900, height: 700 });
    const frame = webviewFrame(page);
    const quote = frame.locator('#quote');
    const webview = await page.locator('iframe.webview.ready').boundingBox();
    assert.ok(webview && webview.width < 420, `the PDF is not narrow: ${JSON.stringify(webview)}`);
    await quote.waitFor({ state: 'visible' });
    const box = await quote.boundingBox();
    assert.ok(box, 'the Quote button has no box');
    assert.ok(box.x >= webview.x && box.x + box.width <= webview.x + webview.width, `the Quote button is cut off: ${JSON.stringify(box)} in ${JSON.stringify(webview)}`);
    // The wrapped toolbar does not cover the pages: the first visible page starts below it.
    const toolbar = await frame.locator('.toolbar').boundingBox();
    const viewer = await frame.locator('#viewerContainer').boundingBox();
    assert.ok(toolbar && viewer && viewer.y >= toolbar.y + toolbar.height - 1, 'the toolbar overlaps the pages');

    // "Page width" follows the narrower tab: the page fits beside the note, not cut off on the right.
    const fits = async () => {
      const pageBox = await frame.locator('.page[data-page-number="3"]').boundingBox();
      return !!pageBox && !!viewer && pageBox.x + pageBox.width <= viewer.x + viewer.width;
    };
    for (let i = 0; i < 50 && !(await fits()); i++) await page.waitForTimeout(100);
    assert.ok(await fits(), 'the page is wider than the narrow tab');

    const span = frame.locator('.page[data-page-number="3"] .textLayer span', { hasText: 'Results' }).first();
    await span.scrollIntoViewIfNeeded();
    await span.selectText();
    await frame.locator('#quote:not([disabled])').click();
    await page.locator('.editor-instance .view-lines').filter({ hasText: '— p. 3' }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'pdf-narrow');
  });
});
