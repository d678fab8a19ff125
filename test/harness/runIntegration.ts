/**
 * `npm run test:integration`: runs test/integration/*.test.ts inside a real VS Code extension host.
 * code-server serves the workbench offline; headless Chromium opens it with the extension under
 * development and the test module in the payload; the in-host mocha run writes results we print.
 */
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot, testOutputDir } from '../support/paths';
import { printResults, readResults } from '../support/results';
import { RESULTS_FILE } from '../integration/index';
import { launchBrowser, openPage } from './browser';
import { ensureCodeServer, startCodeServer } from './codeServer';
import { prepareWorkspace } from './workspace';
import { startFakeArxivProcess } from './fakeArxivProcess';

const TIMEOUT_MS = 15 * 60_000;

async function main(): Promise<number> {
  const outDir = path.join(testOutputDir, 'integration');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const logFile = fs.createWriteStream(path.join(outDir, 'workbench.log'));
  const log = (line: string) => logFile.write(line + '\n');

  const bin = ensureCodeServer();
  const arxiv = await startFakeArxivProcess(log);
  const workspace = prepareWorkspace('integration', { apiUrl: arxiv.apiUrl, rssUrl: arxiv.rssUrl });
  const server = await startCodeServer(bin, { workspace, log: (l) => log(`[code-server] ${l}`) });
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser, (l) => log(`[workbench] ${l}`));
    await page.goto(
      server.workbenchUrl({
        extensionDevelopmentPath: projectRoot,
        extensionTestsPath: path.join(projectRoot, 'out', 'test', 'integration', 'index.js'),
      }),
    );
    const results = await waitForResults(TIMEOUT_MS);
    if (!results) {
      await page.screenshot({ path: path.join(outDir, 'timeout.png') });
      console.error(`integration: no results within ${TIMEOUT_MS / 1000} s; see ${path.relative(projectRoot, outDir)}/workbench.log`);
      return 1;
    }
    printResults('integration', results);
    return results.failed.length === 0 && results.passed.length > 0 ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
    await arxiv.stop();
    logFile.end();
  }
}

async function waitForResults(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const results = readResults(RESULTS_FILE);
    if (results?.done) return results;
    await new Promise((r) => setTimeout(r, 500));
  }
  return undefined;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
