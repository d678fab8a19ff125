// Entry of dist/vendor/node-fetch.js: node-fetch, bundled apart and loaded on first use (see scripts/build.mjs).
export = require('node-fetch');
