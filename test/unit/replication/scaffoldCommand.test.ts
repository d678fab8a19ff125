import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scaffoldCommand } from '../../../src/cli/scaffoldCommand';
import type { Paper } from '../../../src/core/arxiv/types';
import { renderNote } from '../../../src/core/library/note';
import { paperFolderName } from '../../../src/core/library/paperFolder';
import { recordFromPaper } from '../../../src/core/library/record';
import { fixturePaper, oldStylePaper, RSS } from './papers';

function io(cwd: string, papers: Paper[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const looked: string[] = [];
  return {
    out,
    err,
    looked,
    io: {
      cwd,
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      lookupPaper: async (id: string) => {
        looked.push(id);
        return papers.find((p) => p.id === id) ?? null;
      },
    },
  };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pp-cli-'));

describe('replication: paper-practice scaffold', () => {
  it('uses the paper\'s folder and record from the library; a second run reports that it exists', async () => {
    const cwd = tmp();
    const paper = fixturePaper(RSS, '2411.11082');
    const folder = path.join(cwd, 'papers', '2411.11082-stop-spatiotemporal');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'notes.md'), renderNote(recordFromPaper(paper, { added: '2026-03-01' }), '# My notes\n'));
    const a = io(cwd);
    assert.strictEqual(await scaffoldCommand(['arXiv:2411.11082v2', '--no-hf'], a.io), 0, a.err.join(''));
    assert.deepStrictEqual(a.looked, [], 'found in the library, not looked up');
    assert.ok(fs.existsSync(path.join(folder, 'replication', 'notebook.ipynb')));
    assert.match(a.out.join(''), /^Created papers\/2411\.11082-stop-spatiotemporal\/replication\/: replication\.json, notebook\.ipynb/);
    assert.match(a.out.join(''), /4 claims prefilled from the abstract/);
    assert.match(a.out.join(''), /c1 {2}recognition accuracy of 94\.84% on CIFAR-10/);

    const b = io(cwd);
    assert.strictEqual(await scaffoldCommand(['2411.11082', '--json', '--no-hf'], b.io), 0);
    assert.deepStrictEqual(JSON.parse(b.out.join('')), {
      status: 'exists',
      dir: 'papers/2411.11082-stop-spatiotemporal/replication',
      manifest: 'papers/2411.11082-stop-spatiotemporal/replication/replication.json',
      notebook: 'papers/2411.11082-stop-spatiotemporal/replication/notebook.ipynb',
    });
  });

  it('looks a paper up when it is not in the library; --dir and --framework', async () => {
    const cwd = tmp();
    const a = io(cwd, [oldStylePaper()]);
    const code = await scaffoldCommand(['math.GT/0309136', '--dir', 'work/knots', '--framework', 'keras', '--seeds', '7,8', '--estimate', '12', '--no-hf'], a.io);
    assert.strictEqual(code, 0, a.err.join(''));
    assert.deepStrictEqual(a.looked, ['math/0309136']);
    const m = JSON.parse(fs.readFileSync(path.join(cwd, 'work', 'knots', 'replication', 'replication.json'), 'utf8'));
    assert.deepStrictEqual([m.framework, m.seeds, m.compute.estimatedHours, m.paper.id], ['keras', [7, 8], 12, 'math/0309136']);

    const b = io(cwd, [oldStylePaper()]);
    assert.strictEqual(await scaffoldCommand(['math/0309136', '--no-hf'], b.io), 0, b.err.join(''));
    const folder = paperFolderName(oldStylePaper().id, oldStylePaper().title);
    assert.ok(fs.existsSync(path.join(cwd, folder, 'replication', 'README.md')), 'no library folder: in the cwd');
  });

  it('usage errors exit 64 with a reason; an unknown paper exits 1', async () => {
    const cwd = tmp();
    const cases: Array<[string[], RegExp]> = [
      [[], /exactly one arXiv id/],
      [['1234.5'], /not an arXiv id/],
      [['1706.03762', '--framework', 'jax'], /--framework must be pytorch or keras/],
      [['1706.03762', '--seeds', 'a,b'], /--seeds must be whole numbers/],
      [['1706.03762', '--estimate', 'lots'], /--estimate must be a number/],
      [['1706.03762', '--bogus'], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const x = io(cwd);
      assert.strictEqual(await scaffoldCommand(args, x.io), 64, args.join(' '));
      assert.match(x.err.join(''), message);
    }
    const missing = io(cwd);
    assert.strictEqual(await scaffoldCommand(['1706.03762', '--no-hf'], missing.io), 1);
    assert.match(missing.err.join(''), /arXiv has no paper 1706\.03762/);
    const help = io(cwd);
    assert.strictEqual(await scaffoldCommand(['--help'], help.io), 0);
    assert.match(help.out.join(''), /^Usage: paper-practice scaffold ID/);
  });
});
