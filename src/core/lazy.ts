/**
 * Heavy libraries loaded on first use instead of when the extension starts: KaTeX, node-fetch,
 * yaml and fast-xml-parser together cost about as much start-up time as everything else. The
 * bundler keeps a module reached through require() uninitialised until that require runs, so each
 * require below stays a literal the bundler can see.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as FastXmlParserModule from 'fast-xml-parser';
import type * as KatexModule from 'katex';
import type NodeFetch from 'node-fetch';
import type * as YamlModule from 'yaml';

/** `load` run once, on the first call; its result kept for the calls after. */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

export const katex = onFirstUse(() => require('katex') as typeof KatexModule);
export const nodeFetch = onFirstUse(() => require('node-fetch') as typeof NodeFetch);
export const yaml = onFirstUse(() => require('yaml') as typeof YamlModule);
export const fastXmlParser = onFirstUse(() => require('fast-xml-parser') as typeof FastXmlParserModule);
