/**
 * Heavy libraries loaded on first use instead of when the extension starts: KaTeX, node-fetch,
 * yaml and fast-xml-parser together cost about as much start-up time as everything else. The
 * bundler keeps a module reached through require() uninitialised until that require runs.
 */
import type * as FastXmlParserModule from 'fast-xml-parser';
import type * as KatexModule from 'katex';
import type NodeFetch from 'node-fetch';
import type * as YamlModule from 'yaml';

let katexModule: typeof KatexModule | undefined;
let fetchModule: typeof NodeFetch | undefined;
let yamlModule: typeof YamlModule | undefined;
let fxpModule: typeof FastXmlParserModule | undefined;

export function katex(): typeof KatexModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  katexModule ??= require('katex') as typeof KatexModule;
  return katexModule;
}

export function nodeFetch(): typeof NodeFetch {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fetchModule ??= require('node-fetch') as typeof NodeFetch;
  return fetchModule;
}

export function yaml(): typeof YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlModule ??= require('yaml') as typeof YamlModule;
  return yamlModule;
}

export function fastXmlParser(): typeof FastXmlParserModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fxpModule ??= require('fast-xml-parser') as typeof FastXmlParserModule;
  return fxpModule;
}
