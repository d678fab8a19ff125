import * as assert from 'assert';
import * as fs from 'fs';
import { injectionGrammarJson, INJECTION_SELECTOR, REFERENCE_SCOPE } from '../../../src/core/references/grammar';
import { findOniguruma, grammarPath, grammarSources, loadOniguruma, normalizeFound, readGrammar, scanWithJs, scanWithOniguruma } from './grammarScan';
import { describeMistakes, describeScore, loadTable, score } from './table';

describe('arXiv reference injection grammar', () => {
  const rows = loadTable();

  it('is the file generated from the matcher patterns', () => {
    const expected = injectionGrammarJson();
    const actual = fs.readFileSync(grammarPath, 'utf8');
    assert.ok(
      actual === expected,
      `${grammarPath} is out of date with src/core/references/patterns.ts; regenerate it with\n` +
        `  node -e "process.stdout.write(require('./out/src/core/references/grammar.js').injectionGrammarJson())" > syntaxes/arxiv-reference.injection.tmLanguage.json`,
    );
  });

  it('injects into comments, docstrings, markdown, LaTeX and BibTeX with a link scope', () => {
    const g = JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as { injectionSelector: string; repository: Record<string, { name: string }> };
    assert.strictEqual(g.injectionSelector, INJECTION_SELECTOR);
    for (const sel of ['L:comment', 'L:text.html.markdown', 'L:text.tex']) assert.ok(g.injectionSelector.includes(sel), sel);
    for (const rule of Object.values(g.repository)) assert.strictEqual(rule.name, REFERENCE_SCOPE);
  });

  it('compiles as JavaScript RegExp (no flags) and highlights the table with precision >= 0.9 and recall >= 0.95', () => {
    const sources = grammarSources(readGrammar());
    for (const s of sources) assert.doesNotThrow(() => new RegExp(s), s);
    const sc = score(rows, (text) => scanWithJs(sources, text).map((m) => normalizeFound(m.id)));
    // The grammar sees one line through a regex: it cannot apply the matcher's line-level checks
    // (tables of numbers, phone numbers), so its precision is lower than the matcher's.
    console.log(`      ${describeScore('grammar (JS RegExp)', sc)}`);
    assert.ok(sc.precision >= 0.9 && sc.recall >= 0.95, `${describeScore('grammar', sc)}\n${describeMistakes(sc)}`);
  });

  it('matches exactly the same text under Oniguruma, the engine VS Code runs it with', async () => {
    const found = findOniguruma();
    if ('missing' in found) assert.fail(found.missing);
    const onig = await loadOniguruma(found.dir);
    const sources = grammarSources(readGrammar());
    const probes = [...rows.map((r) => r.text), 'x arXiv:1706.03762v5 y', 'https://arxiv.org/pdf/hep-th/9901001v2.pdf', 'Ünïcödé → 1706.03762 ✓'];
    for (const text of probes) {
      assert.deepStrictEqual(scanWithOniguruma(onig, sources, text), scanWithJs(sources, text), `engines differ on ${JSON.stringify(text)}`);
    }
  });
});
