// Bundles the extension host entry and the CLI into one file each with esbuild.
// `--production` minifies (for `npm run package`); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  // `vscode` is provided by the extension host at run time.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

const existing = [];
for (const options of builds) {
  const fs = await import('node:fs');
  if (fs.existsSync(options.entryPoints[0])) existing.push(options);
}

if (watch) {
  for (const options of existing) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  const started = Date.now();
  await Promise.all(existing.map((options) => esbuild.build(options)));
  console.log(`esbuild: built ${existing.map((o) => o.outfile).join(', ')} in ${Date.now() - started} ms`);
}
