import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { screenshot, showPaperPractice, sidebar as sidebarOf, uiOutputDir, workbench } from './workbench';

describe('Paper Practice in the real workbench', () => {
  it('opens its container from the activity bar and greets a new user in every view', async () => {
    const { page } = await workbench();
    await page.locator('.activitybar .action-label[aria-label^="Paper Practice"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    await showPaperPractice(page);
    const sidebar = sidebarOf(page);
    await sidebar.getByRole('button', { name: /^Feeds/ }).first().waitFor({ timeout: 30_000 });
    for (const name of ['Feeds', 'Library', 'Practice']) {
      assert.ok(await sidebar.locator('.pane-header', { hasText: name }).count(), `${name} view header is missing`);
    }
    const feedsWelcome = sidebar.getByText("Follow arXiv's daily announcements", { exact: false });
    await feedsWelcome.waitFor({ timeout: 30_000 });
    await sidebar.getByText('Your library is empty', { exact: false }).waitFor();
    await sidebar.getByText('Practise deliberately', { exact: false }).waitFor();
    assert.ok(await sidebar.getByRole('button', { name: 'Follow Categories' }).isVisible());
    // A folder is open: no view offers to open one.
    assert.strictEqual(await sidebar.getByRole('button', { name: 'Open Folder' }).count(), 0, 'a welcome offers Open Folder in a folder');
    await screenshot(page, 'container-welcome');
    // The package this workbench installed, as a user would: small enough to ship.
    assert.ok(fs.statSync(path.join(uiOutputDir, 'paper-practice.vsix')).size < 2 * 1024 * 1024, 'the .vsix is 2 MB or more');
  });
});
