/**
 * Runs the fake arXiv as its own process, for tests that cannot host it in-process (the VS Code
 * extension host, spawned CLIs):
 *
 *   node out/test/support/fakeArxivMain.js [--port N] [--feed-max-age S] [--pdf FILE] [--exit-with-stdin]
 *
 * Prints ONE line of JSON on stdout once listening:
 *   {"url":"http://127.0.0.1:PORT","apiUrl":".../api/query","rssUrl":"...","pdfUrl":".../pdf","hfUrl":"...","port":PORT,"pid":PID}
 * and serves until SIGTERM/SIGINT (or, with --exit-with-stdin, until its stdin closes, so it cannot
 * outlive a parent that dies). Faults and the request log are reachable over HTTP:
 *   POST /__fake/fault {"fault":{"kind":"rate-limit"},"match":"/api/query","times":2}
 *   GET  /__fake/requests      POST /__fake/reset      POST /__fake/api-total {"totalResults":N}
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import { parseArgs } from 'util';
import { FakeArxiv } from './fakeArxiv';

export interface FakeArxivInfo {
  url: string;
  apiUrl: string;
  rssUrl: string;
  pdfUrl: string;
  hfUrl: string;
  port: number;
  pid: number;
}

export async function startFromArgs(argv: string[]): Promise<FakeArxiv> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      'feed-max-age': { type: 'string' },
      'exit-with-stdin': { type: 'boolean', default: false },
      pdf: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, not ${values.port}`);
  const maxAge = values['feed-max-age'];
  const pdfBody = values.pdf ? fs.readFileSync(values.pdf) : undefined;
  return FakeArxiv.start({ port, feedMaxAgeSeconds: maxAge === undefined ? undefined : Number(maxAge), pdfBody });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const fake = await startFromArgs(argv);
  const stop = (): void => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (argv.includes('--exit-with-stdin')) {
    process.stdin.on('end', stop).on('close', stop).resume();
  }
  process.stdout.write(
    JSON.stringify({ url: fake.url, apiUrl: fake.apiUrl, rssUrl: fake.rssUrl, pdfUrl: fake.pdfUrl, hfUrl: fake.hfUrl, port: fake.port, pid: process.pid }) +
      '\n',
  );
}

/**
 * Starts the fake in a child process (from any test host) and resolves with its URLs once it
 * listens; `stop()` ends it. The child also exits if this process dies (its stdin closes).
 */
export function spawnFakeArxiv(args: string[] = []): Promise<FakeArxivInfo & { stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [__filename, '--exit-with-stdin', ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, // lets the VS Code extension host spawn it too
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      child.stdout.off('data', onData);
      const info = JSON.parse(out.slice(0, nl)) as FakeArxivInfo;
      const stop = (): Promise<void> =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      resolve({ ...info, stop });
    };
    child.stdout.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fake arXiv exited early with code ${code}`)));
  });
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`fake arXiv: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
