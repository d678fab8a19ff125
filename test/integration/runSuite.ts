/**
 * Runs the mocha files of one folder inside the real extension host and writes their results where
 * the runner on the outside reads them (test-output/integration/<suite>.json).
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { testOutputDir } from '../support/paths';
import { writeResults, type SuiteResults } from '../support/results';

export function resultsFile(suite: string): string {
  return path.join(testOutputDir, 'integration', `${suite}.json`);
}

export async function runSuite(suite: string, dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, forbidOnly: true });
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, file));
  const results: SuiteResults = { passed: [], failed: [], pending: [], done: false };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => results.passed.push({ title: test.fullTitle(), durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, err: Error) => results.failed.push({ title: test.fullTitle(), error: `${err.message}\n${err.stack ?? ''}` }));
    runner.on('pending', (test) => results.pending.push({ title: test.fullTitle() }));
  });
  results.done = true;
  writeResults(resultsFile(suite), results);
  if (results.failed.length) throw new Error(`${results.failed.length} ${suite} test(s) failed`);
}
