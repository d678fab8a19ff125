import * as assert from 'assert';
import { screenshot, workbench } from './workbench';

describe('Paper Practice in the real workbench', () => {
  it('opens its container from the activity bar and greets a new user in every view', async () => {
    const { page } = await workbench();
    const item = page.locator('.activitybar .action-label[aria-label^="Paper Practice"]').first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await item.click();

    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.getByRole('button', { name: /^Feeds/ }).first().waitFor({ timeout: 30_000 });
    for (const name of ['Feeds', 'Library', 'Practice']) {
      assert.ok(await sidebar.locator('.pane-header', { hasText: name }).count(), `${name} view header is missing`);
    }
    const feedsWelcome = sidebar.getByText("Follow arXiv's daily announcements", { exact: false });
    await feedsWelcome.waitFor({ timeout: 30_000 });
    await sidebar.getByText('Your library is empty', { exact: false }).waitFor();
    await sidebar.getByText('Practise deliberately', { exact: false }).waitFor();
    assert.ok(await sidebar.getByRole('button', { name: 'Choose Categories and Searches' }).isVisible());
    await screenshot(page, 'container-welcome');
  });
});
