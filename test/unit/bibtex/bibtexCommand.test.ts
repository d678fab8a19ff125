import * as assert from 'assert';
import { runBibtexCommand, type BibtexClient } from '../../../src/cli/bibtexCommand';
import { ArxivError } from '../../../src/core/arxiv/errors';
import type { Paper } from '../../../src/core/arxiv/types';
import { fixturePapers } from './support/fixturePapers';

const apiPapers = fixturePapers('api-legacy-search-deep-dream-2017.xml');

function run(argv: string[], client: Partial<BibtexClient> = {}) {
  let stdout = '';
  let stderr = '';
  const calls: { apiUrl?: string; ids?: string[] }[] = [];
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
  const factory = (opts: { apiUrl?: string }): BibtexClient => {
    const call: { apiUrl?: string; ids?: string[] } = { apiUrl: opts.apiUrl };
    calls.push(call);
    return {
      getByIds: async (ids) => {
        call.ids = ids;
        if (client.getByIds) return client.getByIds(ids);
        const papers: Record<string, Paper> = {};
        for (const k of ids) {
          const hit = apiPapers.find((p) => p.id === k.replace(/v\d+$/, ''));
          if (hit) papers[k] = hit;
        }
        return { papers, missing: ids.filter((k) => !(k in papers)) };
      },
    };
  };
  return runBibtexCommand(argv, io, factory).then((code) => ({ code, stdout, stderr, calls }));
}

describe('paper-practice bibtex', () => {
  const [a, b] = apiPapers;

  it('prints the entries in the order asked, passing --api-url to the client', async () => {
    const r = await run([`arXiv:${b.id}`, `https://arxiv.org/abs/${a.id}v1`, '--api-url', 'http://127.0.0.1:9/api/query']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(r.calls, [{ apiUrl: 'http://127.0.0.1:9/api/query', ids: [b.id, `${a.id}v1`] }]);
    const eprints = [...r.stdout.matchAll(/eprint = \{([^}]+)\}/g)].map((m) => m[1]);
    assert.deepStrictEqual(eprints, [b.id, a.id]);
    assert.strictEqual(r.stderr, '');
  });

  it('keeps UTF-8 with --unicode utf8 and uses --key-template', async () => {
    const withUmlaut = apiPapers.find((p) => p.authors.some((x) => /[^\x00-\x7f]/.test(x.name))) as Paper;
    const r = await run([withUmlaut.id, '--unicode', 'utf8', '--key-template', 'arXiv:{id}']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith(`@misc{arXiv:${withUmlaut.id},`) || r.stdout.startsWith(`@article{arXiv:${withUmlaut.id},`), r.stdout);
    assert.ok(/[^\x00-\x7f]/.test(r.stdout));
  });

  it('prints what it found and names the missing ids, exit 1', async () => {
    const r = await run([a.id, '2401.99999']);
    assert.strictEqual(r.code, 1);
    assert.ok(r.stdout.includes(`eprint = {${a.id}}`));
    assert.strictEqual(r.stderr, 'not found: 2401.99999\n');
  });

  it('rejects bad ids and options before asking arXiv, exit 64', async () => {
    for (const argv of [['1713.01234'], [], ['1706.03762', '--unicode', 'latin1'], ['1706.03762', '--key-template', '{nope}'], ['1706.03762', '--bogus']]) {
      const r = await run(argv);
      assert.strictEqual(r.code, 64, `${argv.join(' ')}: ${r.stderr}`);
      assert.deepStrictEqual(r.calls, []);
      assert.match(r.stderr, /^paper-practice bibtex: /);
    }
  });

  it('reports arXiv errors and network failures', async () => {
    const api = await run(['1706.03762'], { getByIds: async () => Promise.reject(new ArxivError('arxiv-api-error', 'incorrect id format')) });
    assert.deepStrictEqual([api.code, api.stderr], [2, 'arXiv error: incorrect id format\n']);
    const net = await run(['1706.03762'], { getByIds: async () => Promise.reject(new ArxivError('offline', 'arXiv is unreachable')) });
    assert.deepStrictEqual([net.code, net.stderr], [1, 'paper-practice: arXiv is unreachable [offline]\n']);
  });

  it('prints help', async () => {
    const r = await run(['--help']);
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout, /^Usage: paper-practice bibtex ID\.\.\./);
  });
});
