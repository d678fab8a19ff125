/** `npm run test:ui`: mocha over test/ui, which drives the real workbench in headless Chromium. */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { projectRoot } from '../support/paths';

const mocha = path.join(projectRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--config', path.join(projectRoot, '.mocharc.ui.json')], {
  cwd: projectRoot,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
