/**
 * `npm run test:integration`: runs the integration suites inside a real VS Code extension host.
 * code-server serves the workbench offline; headless Chromium opens it with the extension under
 * development and a suite's test module in the payload; the in-host mocha run writes results we
 * print. Each suite gets a fresh workspace and a fresh browser context (so a new extension host).
 */
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot, testOutputDir } from '../support/paths';
import { printResults, readResults, type SuiteResults } from '../support/results';
import { resultsFile } from '../integration/runSuite';
import { launchBrowser, openPage } from './browser';
import { ensureCodeServer, startCodeServer } from './codeServer';
import { prepareWorkspace } from './workspace';
import { startFakeArxivProcess } from './fakeArxivProcess';

const TIMEOUT_MS = 10 * 60_000;
const SUITES: { name: string; entry: string }[] = [
  { name: 'main', entry: 'index.js' },
  { name: 'pdf', entry: path.join('pdf', 'index.js') },
];

async function main(): Promise<number> {
  const outDir = path.join(testOutputDir, 'integration');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const logFile = fs.createWriteStream(path.join(outDir, 'workbench.log'));
  const log = (line: string) => logFile.write(line + '\n');

  const bin = ensureCodeServer();
  const arxiv = await startFakeArxivProcess(log);
  const browser = await launchBrowser();
  const total: SuiteResults = { passed: [], failed: [], pending: [], done: true };
  try {
    for (const suite of SUITES) {
      const workspace = prepareWorkspace(`integration-${suite.name}`, { apiUrl: arxiv.apiUrl, rssUrl: arxiv.rssUrl, pdfUrl: arxiv.pdfUrl, hfUrl: arxiv.hfUrl });
      const server = await startCodeServer(bin, { workspace, log: (l) => log(`[code-server ${suite.name}] ${l}`) });
      const page = await openPage(browser, (l) => log(`[workbench ${suite.name}] ${l}`));
      try {
        await page.goto(
          server.workbenchUrl({
            extensionDevelopmentPath: projectRoot,
            extensionTestsPath: path.join(projectRoot, 'out', 'test', 'integration', suite.entry),
          }),
        );
        const results = await waitForResults(resultsFile(suite.name), TIMEOUT_MS);
        if (!results) {
          await page.screenshot({ path: path.join(outDir, `${suite.name}-timeout.png`) });
          total.failed.push({ title: `${suite.name} suite`, error: `no results within ${TIMEOUT_MS / 1000} s; see test-output/integration/workbench.log` });
          continue;
        }
        printResults(`integration ${suite.name}`, results);
        total.passed.push(...results.passed);
        total.failed.push(...results.failed);
        total.pending.push(...results.pending);
      } finally {
        await page.context().close();
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    await arxiv.stop();
    logFile.end();
  }
  console.log(`\nintegration: ${total.passed.length} passed, ${total.failed.length} failed${total.pending.length ? `, ${total.pending.length} skipped` : ''}`);
  return total.failed.length === 0 && total.passed.length > 0 ? 0 : 1;
}

async function waitForResults(file: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const results = readResults(file);
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
