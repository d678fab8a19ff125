/**
 * Runs inside the real VS Code extension host (code-server, or desktop VS Code via
 * @vscode/test-electron). Executes the mocha suites in this folder and writes the results where
 * the runner on the outside reads them.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { testOutputDir } from '../support/paths';
import { writeResults, type SuiteResults } from '../support/results';

export const RESULTS_FILE = path.join(testOutputDir, 'integration', 'results.json');

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, forbidOnly: true });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const results: SuiteResults = { passed: [], failed: [], pending: [], done: false };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => results.passed.push({ title: test.fullTitle(), durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, err: Error) =>
      results.failed.push({ title: test.fullTitle(), error: `${err.message}\n${err.stack ?? ''}` }),
    );
    runner.on('pending', (test) => results.pending.push({ title: test.fullTitle() }));
  });
  results.done = true;
  writeResults(RESULTS_FILE, results);
  if (results.failed.length) throw new Error(`${results.failed.length} integration test(s) failed`);
}
