/**
 * `npm run bench`: runs every `*.bench.js` module next to this file (or those named on the command
 * line) one after another. Each module exports `run()`, which prints its own figures.
 */
import * as fs from 'fs';
import * as path from 'path';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const file of files) {
    console.log(`\n=== ${file.replace(/\.bench\.js$/, '')} ===`);
    const mod = (await import(path.join(__dirname, file))) as BenchModule;
    await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
