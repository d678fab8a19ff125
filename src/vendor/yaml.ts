// Entry of dist/vendor/yaml.js: yaml, bundled apart and loaded on first use (see scripts/build.mjs).
export = require('yaml');
