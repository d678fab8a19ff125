import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { freshWindow, runCommand, screenshot, webviewFrame, workbench } from './workbench';

/** "Turning the TIDE" is in the recorded arXiv fixtures, and the fake Hub knows its code, models and datasets. */
const TIDE = { id: '2604.26951', title: 'Turning the TIDE' };

/** Where Start Replication put the manifest of a paper, in the workbench's workspace. */
async function manifestPath(id: string): Promise<string> {
  const papers = path.join((await workbench()).workspace, 'papers');
  const folder = fs.readdirSync(papers).find((d) => d.startsWith(id));
  assert.ok(folder, `no folder for ${id} in ${papers}`);
  return path.join(papers, folder, 'replication', 'replication.json');
}

/** An editor tab by its label. */
function tab(page: Page, label: string) {
  return page.locator('.tabs-container .tab', { hasText: label }).first();
}

describe('A replication in the real workbench', () => {
  let page: Page;

  before(async () => {
    page = await freshWindow();
  });

  it('lists a paper’s official code, models and datasets in its detail tab', async () => {
    await runCommand(page, 'Paper Practice: Search arXiv…');
    await page.locator('.quick-input-widget input').fill('diffusion distillation');
    await page.keyboard.press('Enter');
    const result = page.locator('.quick-input-list .monaco-list-row', { hasText: TIDE.title }).first();
    await result.waitFor({ timeout: 30_000 });
    await result.click();

    const frame = webviewFrame(page);
    const code = frame.locator('#artifacts a', { hasText: 'PKU-YuanGroup/TIDE' }).first();
    await code.waitFor({ timeout: 30_000 });
    assert.strictEqual(await code.getAttribute('href'), 'https://github.com/PKU-YuanGroup/TIDE');
    const refs = await frame.locator('#artifacts ul.refs li a').allTextContents();
    assert.deepStrictEqual(refs, ['PKU-YuanGroup/TIDE-0.6B-from-LLaDA-8B', 'PKU-YuanGroup/TIDE-0.6B-from-MoE-16B', 'PKU-YuanGroup/TIDE-distillation-mix']);
    assert.strictEqual(await frame.locator('#artifacts').getAttribute('aria-busy'), 'false');
    await frame.locator('section.artifacts').scrollIntoViewIfNeeded();
    await screenshot(page, 'detail-artifacts');
  });

  it('starts a replication from the detail tab: notebook and manifest open side by side', async () => {
    await webviewFrame(page).locator('button[data-action="startReplication"]').click();
    const pytorch = page.locator('.quick-input-list .monaco-list-row', { hasText: 'PyTorch' }).first();
    await pytorch.waitFor({ timeout: 30_000 });
    await pytorch.click();
    await tab(page, 'notebook.ipynb').waitFor({ timeout: 60_000 });
    await tab(page, 'replication.json').waitFor({ timeout: 60_000 });
    const readme = fs.readFileSync(path.join(path.dirname(await manifestPath(TIDE.id)), 'README.md'), 'utf8');
    assert.ok(readme.includes('- Code: https://github.com/PKU-YuanGroup/TIDE (212 stars)'), readme);
  });

  it('shows each claim’s verdict as a CodeLens, and a warning on a claim measured outside tolerance', async () => {
    // Runs recorded as the Python helper records them: c1 (HumanEval 48.78 ± 0.49) falls short;
    // c2, added by hand as a user confirms the paper's claims, is reproduced.
    const file = await manifestPath(TIDE.id);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    const run = (value: number, seed: number) => ({ value, seed, at: '2026-05-02T10:00:00Z', how: 'notebook.ipynb, cell 14' });
    manifest.claims[0].runs = [run(44.1, 0), run(44.6, 1), run(43.9, 2)];
    manifest.claims[0].measured = 44.2;
    manifest.claims.push({
      ...manifest.claims[0],
      id: 'c2',
      description: 'average gain of 1.53 points over the AR baseline across eight benchmarks',
      metric: 'average gain',
      dataset: 'eight benchmarks',
      reported: 1.53,
      tolerance: 0.3,
      runs: [run(1.48, 0), run(1.55, 1), run(1.51, 2)],
      measured: 1.513,
    });
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');

    await tab(page, 'replication.json').click();
    const lens = page.locator('.contentWidgets .codelens-decoration');
    await lens.filter({ hasText: /c1: .*not reproduced/ }).first().waitFor({ timeout: 30_000 });
    // c2 is further down than the editor shows; Monaco keeps its lens in the DOM, hidden.
    await lens.filter({ hasText: /c2: .*· reproduced/ }).first().waitFor({ state: 'attached' });
    const texts = (await lens.allTextContents()).map((t) => t.replace(/\u00a0/g, ' '));
    assert.ok(texts.some((t) => /^c1: reported 48\.78 · measured 44\.20 ± 0\.36 \(3\/3 seeds\) · not reproduced$/.test(t)), texts.join('\n'));
    await page.locator('.view-overlays .squiggly-warning').first().waitFor({ timeout: 30_000 });

    await page.keyboard.press('Control+Shift+M'); // the Problems panel
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'Claim c1 not reproduced' }).first();
    await problem.waitFor({ timeout: 30_000 });
    assert.match((await problem.textContent()) ?? '', /measured 44\.20 ± 0\.36 is outside the tolerance/);

    // For the screenshot: room for the manifest, and the warning's hover on its squiggle.
    await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.keyboard.press('Control+B'); // hide the side bar
    await tab(page, 'replication.json').click();
    // The text above the squiggle takes the pointer; Monaco hovers by position all the same.
    await page.locator('.view-overlays .squiggly-warning').first().hover({ force: true });
    await page.locator('.monaco-hover', { hasText: 'Claim c1 not reproduced' }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500); // the hover fades in
    await screenshot(page, 'replication-manifest');
  });

  it('shows the replication’s status on the notebook', async () => {
    await page.keyboard.press('Escape');
    await tab(page, 'notebook.ipynb').click();
    // The item is on the first code cell, below the title and the claims: scroll down to it.
    const item = page.locator('.notebookOverlay .cell-statusbar-container .cell-status-item', { hasText: 'claims reproduced' }).first();
    const notebook = page.locator('.notebookOverlay .cell-list-container').first();
    await notebook.waitFor({ timeout: 30_000 });
    await notebook.hover();
    const inView = async (): Promise<boolean> => {
      if ((await item.count()) === 0) return false; // not rendered yet: the list renders what is near the viewport
      const [box, list] = [await item.boundingBox(), await notebook.boundingBox()];
      return !!box && !!list && box.height > 0 && box.y >= list.y && box.y + box.height <= list.y + list.height - 40;
    };
    for (let i = 0; i < 40 && !(await inView()); i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(150);
    }
    assert.ok(await inView(), 'the first code cell and its status bar never scrolled into view');
    assert.match((await item.textContent()) ?? '', /1\/2 claims reproduced/);
    await screenshot(page, 'replication-notebook');
  });
});
