// Entry of dist/vendor/katex.js: KaTeX, bundled apart and loaded on first use (see scripts/build.mjs).
export = require('katex');
