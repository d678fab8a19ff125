/**
 * `npm run test:desktop`: the integration tests in desktop VS Code via @vscode/test-electron.
 * It downloads VS Code, so it needs internet access; `npm test` uses code-server instead.
 */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { projectRoot } from '../support/paths';
import { printResults, readResults } from '../support/results';
import { resultsFile } from '../integration/runSuite';
import { startFakeArxivProcess } from './fakeArxivProcess';
import { prepareWorkspace } from './workspace';

async function main(): Promise<number> {
  const arxiv = await startFakeArxivProcess((line) => console.error(line));
  try {
    const workspace = prepareWorkspace('desktop', { apiUrl: arxiv.apiUrl, rssUrl: arxiv.rssUrl, pdfUrl: arxiv.pdfUrl, hfUrl: arxiv.hfUrl });
    const code = await runTests({
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: path.join(projectRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    }).catch(() => 1);
    const results = readResults(resultsFile('main'));
    if (results) printResults('desktop', results);
    return code;
  } finally {
    await arxiv.stop();
  }
}

main().then((code) => process.exit(code));
