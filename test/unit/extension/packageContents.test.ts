import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { projectRoot } from '../../support/paths';

describe('what the .vsix ships', () => {
  it('holds the bundles, media and grammar, and no sources, tests, source maps or node_modules', function () {
    this.timeout(60_000);
    const vsce = path.join(projectRoot, 'node_modules', '.bin', 'vsce');
    const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: projectRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/extension.js', 'dist/cli.js', 'dist/rankingWorker.js', 'dist/replicationTools.js', 'dist/webview/pdf.js', 'dist/vendor/katex.js', 'media/icon.png', 'syntaxes/arxiv-reference.injection.tmLanguage.json', 'media/schemas/replication.schema.json']) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    const unwanted = files.filter((f) => /^(src|test|out|scripts|node_modules|\.vscode-test|test-output)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepStrictEqual(unwanted, []);
  });
});
