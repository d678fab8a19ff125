/** The results file an in-host mocha run writes and the outside runner prints. */
import * as fs from 'fs';
import * as path from 'path';

export interface SuiteResults {
  passed: { title: string; durationMs: number }[];
  failed: { title: string; error: string }[];
  pending: { title: string }[];
  done: boolean;
}

export function writeResults(file: string, results: SuiteResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(results, null, 2));
  fs.renameSync(temp, file);
}

export function readResults(file: string): SuiteResults | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined;
  }
}

/** Prints results like mocha's spec reporter and returns the closing counts line. */
export function printResults(label: string, results: SuiteResults): string {
  console.log(`\n  ${label}`);
  for (const t of results.passed) console.log(`    ✔ ${t.title} (${t.durationMs} ms)`);
  for (const t of results.pending) console.log(`    - ${t.title} (pending)`);
  results.failed.forEach((t, i) => console.log(`    ${i + 1}) ${t.title}`));
  results.failed.forEach((t, i) => console.log(`\n  ${i + 1}) ${t.title}\n     ${t.error.split('\n').join('\n     ')}`));
  const line = `${results.passed.length} passed, ${results.failed.length} failed` +
    (results.pending.length ? `, ${results.pending.length} skipped` : '');
  console.log(`\n  ${label}: ${line}`);
  return line;
}
