import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { runCommand, screenshot, showPaperPractice, sidebar, workbench } from './workbench';

/** A paper the fake arXiv serves for id lookups (a recorded 2026 entry). */
const TIDE = { id: '2604.26951', title: 'Turning the TIDE' };

/** The text of the editor's CodeLens line(s), spaces normalised. */
async function codeLensText(page: Page): Promise<string> {
  const texts = await page.locator('.editor-instance .codelens-decoration').allTextContents();
  return texts.join(' | ').replace(/\u00a0/g, ' ');
}

async function waitForCodeLens(page: Page, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const text = await codeLensText(page);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`the CodeLens line never matched ${pattern}: "${await codeLensText(page)}"`);
}

describe('Reading a paper: its note, the CodeLens line and reference hovers', () => {
  let page: Page;

  before(async () => {
    ({ page } = await workbench());
    await page.keyboard.press('Escape');
  });

  afterEach(async function () {
    // What the window showed when a step failed, to tell a slow workbench from a wrong one.
    if (this.currentTest?.state === 'failed') await screenshot(page, `reading-failed-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  it('adds a paper by id and opens its note with the status and next steps on top', async () => {
    await runCommand(page, 'Paper Practice: Add Paper…');
    const input = page.locator('.quick-input-widget input');
    await input.fill(TIDE.id);
    await page.keyboard.press('Enter');
    // Saved once arXiv answered: it shows in the Library view.
    await showPaperPractice(page);
    await sidebar(page).locator('.monaco-list-row', { hasText: TIDE.title }).first().waitFor({ timeout: 30_000 });

    await runCommand(page, 'Paper Practice: Open Notes');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: TIDE.title }).first().click({ timeout: 30_000 });
    await page.locator('.tab.active', { hasText: 'notes.md' }).waitFor({ timeout: 30_000 });
    const lens = await waitForCodeLens(page, /Start reading/);
    for (const part of ['Inbox', 'Start reading', 'Start replication', 'Open PDF', 'Paper details']) assert.ok(lens.includes(part), `"${part}" is not in the CodeLens line: ${lens}`);
    // Codicons render as icons, not as "$(…)" text.
    assert.doesNotMatch(lens, /\$\(/);
    await screenshot(page, 'note-codelens');
  });

  it('starts reading from the CodeLens line, which then offers "Mark read"', async () => {
    await page.locator('.editor-instance .codelens-decoration a', { hasText: 'Start reading' }).first().click();
    const lens = await waitForCodeLens(page, /Mark read/);
    assert.match(lens, /Reading/);
    assert.doesNotMatch(lens, /Start reading/);
    await screenshot(page, 'note-codelens-reading');
  });

  it('shows the paper’s title and library status when hovering a reference in a Python comment', async () => {
    const { workspace } = await workbench();
    fs.writeFileSync(path.join(workspace, 'distill.py'), `import torch\n\n# Distillation loss from arXiv:${TIDE.id} (eq. 3)\nloss = torch.zeros(())\n`);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('distill.py');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'distill.py' }).first().click({ timeout: 30_000 });
    await page.locator('.tab.active', { hasText: 'distill.py' }).waitFor();

    // The editor re-renders its lines as tokens and links arrive: find the reference once it settles.
    const reference = page.locator('.editor-instance .view-lines span', { hasText: TIDE.id }).last();
    let box: Awaited<ReturnType<typeof reference.boundingBox>> = null;
    for (let i = 0; i < 50 && !box; i++) {
      box = await reference.boundingBox().catch(() => null);
      if (!box) await page.waitForTimeout(100);
    }
    assert.ok(box, 'the reference is not on screen');
    const hover = page.locator('.monaco-hover:visible', { hasText: TIDE.title });
    for (let attempt = 0; attempt < 5 && !(await hover.isVisible()); attempt++) {
      // Hovers appear after the mouse rests; move within the reference to (re)start the delay.
      await page.mouse.move(box.x + box.width - 8 - attempt, box.y + box.height / 2);
      await hover.waitFor({ timeout: 5000 }).catch(() => undefined);
    }
    await hover.waitFor();
    const text = ((await hover.textContent()) ?? '').replace(/\u00a0/g, ' ');
    assert.match(text, /Turning the TIDE: Cross-Architecture Distillation/);
    assert.match(text, /In your library: reading/);
    await screenshot(page, 'hover');
  });
});
