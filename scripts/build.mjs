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

// Libraries the extension needs only for some features are bundled on their own and required on
// first use (src/core/lazy.ts), so the extension host compiles a smaller file at activation.
const VENDORED = ['katex', 'yaml', 'node-fetch', 'fast-xml-parser'];
const vendorOnDemand = {
  name: 'vendor-on-demand',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${VENDORED.join('|')})$`) }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};

// Parts of our own that the editor loads on first use get a bundle of their own too.
const ownOnDemand = {
  name: 'own-on-demand',
  setup(build) {
    build.onResolve({ filter: /core\/replication\/tools$/ }, (args) =>
      args.kind === 'require-call' ? { path: './replicationTools.js', external: true } : undefined,
    );
  },
};

const builds = [
  // `vscode` is provided by the extension host at run time.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [vendorOnDemand, ownOnDemand] },
  { ...common, entryPoints: ['src/core/replication/tools.ts'], outfile: 'dist/replicationTools.js', plugins: [vendorOnDemand] },
  ...VENDORED.map((name) => ({ ...common, entryPoints: [`src/vendor/${name}.ts`], outfile: `dist/vendor/${name}.js` })),
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Recommendations train and rank in a worker thread; the engine lives only in this file.
  { ...common, entryPoints: ['src/core/ranking/worker.ts'], outfile: 'dist/rankingWorker.js' },
];

// The PDF tab's webview: pdf.js and its viewer components for the browser, with their styles.
builds.push(
  {
    ...common,
    platform: 'browser',
    format: 'esm',
    target: 'chrome114',
    entryPoints: ['src/webview/pdf/main.ts'],
    outfile: 'dist/webview/pdf.js',
    sourcemap: false,
    minify: true,
  },
  {
    ...common,
    platform: 'browser',
    entryPoints: ['src/webview/pdf/style.css'],
    outfile: 'dist/webview/pdf.css',
    loader: { '.svg': 'file', '.gif': 'file', '.png': 'file' },
    assetNames: 'images/[name]',
    sourcemap: false,
    minify: true,
  },
);

const fs = await import('node:fs');
const existing = builds.filter((options) => fs.existsSync(options.entryPoints[0]));
// pdf.js parses in a worker; the webview starts it from this file's text.
fs.mkdirSync('dist/webview', { recursive: true });
fs.copyFileSync('node_modules/pdfjs-dist/build/pdf.worker.min.mjs', 'dist/webview/pdf.worker.min.mjs');

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
