/**
 * The TextMate injection grammar that highlights arXiv references in markdown, LaTeX, BibTeX and
 * in the comments and docstrings of any language. It is built from the matcher's own patterns, and
 * syntaxes/arxiv-reference.injection.tmLanguage.json is this object written out (a unit test
 * keeps the two identical), so the editor and the matcher agree on what a reference looks like.
 * The grammar cannot apply the matcher's context checks for bare ids (context.ts), so in a
 * comment it may underline a number the matcher would not link.
 */
import { referencePatterns } from './patterns';

export const GRAMMAR_SCOPE_NAME = 'text.arxiv-reference.injection.paper-practice';
export const REFERENCE_SCOPE = 'markup.underline.link.arxiv.paper-practice';

/** Markdown outside fenced code, LaTeX, BibTeX, and comments and docstrings everywhere. */
export const INJECTION_SELECTOR = [
  'L:comment',
  'L:string.quoted.docstring',
  'L:text.html.markdown -markup.fenced_code',
  'L:text.tex',
  'L:text.bibtex',
].join(', ');

/** Languages the grammar is injected into (package.json `injectTo`). */
export const INJECT_TO = [
  'text.html.markdown',
  'text.tex.latex',
  'text.tex',
  'text.bibtex',
  'source.python',
  'source.ts',
  'source.tsx',
  'source.js',
  'source.js.jsx',
  'source.c',
  'source.cpp',
  'source.rust',
  'source.go',
  'source.java',
  'source.julia',
  'source.r',
  'source.shell',
  'source.yaml',
];

export interface InjectionGrammar {
  name: string;
  scopeName: string;
  injectionSelector: string;
  patterns: { include: string }[];
  repository: Record<string, { match: string; name: string; captures: Record<string, { name: string }> }>;
}

export function buildInjectionGrammar(): InjectionGrammar {
  const repository: InjectionGrammar['repository'] = {};
  for (const p of referencePatterns()) {
    repository[`arxiv-${p.form}`] = {
      match: p.source,
      name: REFERENCE_SCOPE,
      captures: { '1': { name: 'constant.other.arxiv-id.paper-practice' } },
    };
  }
  return {
    name: 'arXiv references (Paper Practice)',
    scopeName: GRAMMAR_SCOPE_NAME,
    injectionSelector: INJECTION_SELECTOR,
    // Order matters on ties: TextMate takes the first pattern that matches at the earliest position.
    patterns: referencePatterns().map((p) => ({ include: `#arxiv-${p.form}` })),
    repository,
  };
}

/** The grammar file's text: two-space JSON with a final newline. */
export function injectionGrammarJson(): string {
  return JSON.stringify(buildInjectionGrammar(), null, 2) + '\n';
}
