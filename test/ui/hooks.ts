import { stopWorkbench } from './workbench';

/** Mocha root hooks: the shared workbench is closed once all UI tests ran. */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopWorkbench();
  },
};
