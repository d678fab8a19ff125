import * as path from 'path';
import type { Context } from 'mocha';
import { stopWorkbench, uiOutputDir, workbench } from './workbench';

/**
 * Mocha root hooks: a failed test leaves a screenshot of the workbench as it was (to see why), and
 * the shared workbench is closed once all UI tests ran.
 */
export const mochaHooks = {
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const { page } = await workbench();
    const name = test.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page.screenshot({ path: path.join(uiOutputDir, `failed-${name}.png`) }).catch(() => undefined);
  },
  async afterAll(): Promise<void> {
    await stopWorkbench();
  },
};
