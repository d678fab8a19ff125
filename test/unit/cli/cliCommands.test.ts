import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { VirtualClock } from '../../../src/core/http/clock';
import { RequestGate } from '../../../src/core/http/gate';
import { FakeArxiv } from '../../support/fakeArxiv';

/** The bibtex and scaffold commands reached through the CLI's entry point, with its cached client. */
describe('paper-practice bibtex and scaffold', () => {
  let fake: FakeArxiv;
  let home: string;

  before(async () => (fake = await FakeArxiv.start()));
  after(() => fake.close());
  beforeEach(() => {
    fake.reset();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-cli-cmd-'));
  });

  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { XDG_CACHE_HOME: home, HOME: home },
      gate: new RequestGate({ clock: new VirtualClock() }),
    });
    return { code, stdout, stderr };
  }

  it('prints arXiv-style BibTeX for ids looked up through the API, and caches the lookup', async () => {
    const first = await run('bibtex', '2604.26926', '--api-url', fake.apiUrl);
    assert.strictEqual(first.code, 0, first.stderr);
    assert.match(first.stdout, /^@misc\{orabona2026/m);
    assert.match(first.stdout, /eprint\s*=\s*\{2604\.26926\}/);
    assert.match(first.stdout, /archivePrefix\s*=\s*\{arXiv\}/);
    const requests = fake.requests.length;
    const again = await run('bibtex', '2604.26926', '--api-url', fake.apiUrl);
    assert.strictEqual(again.stdout, first.stdout);
    assert.strictEqual(fake.requests.length, requests, 'the second lookup was not served from the cache');
  });

  it('scaffolds a replication for a paper looked up through the API', async () => {
    const cwd = process.cwd();
    process.chdir(home);
    try {
      const result = await run('scaffold', '2604.26926', '--api-url', fake.apiUrl, '--no-hf', '--dir', path.join(home, 'paper'));
      assert.strictEqual(result.code, 0, result.stderr);
      const manifest = JSON.parse(fs.readFileSync(path.join(home, 'paper', 'replication', 'replication.json'), 'utf8')) as { paper: { id: string } };
      assert.strictEqual(manifest.paper.id, '2604.26926');
      assert.ok(fs.existsSync(path.join(home, 'paper', 'replication', 'notebook.ipynb')));
    } finally {
      process.chdir(cwd);
    }
  });
});
