// Entry of dist/vendor/fast-xml-parser.js: fast-xml-parser, bundled apart and loaded on first use (see scripts/build.mjs).
export = require('fast-xml-parser');
