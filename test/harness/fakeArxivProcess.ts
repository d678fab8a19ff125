/**
 * Runs the fake arXiv server (test/support/fakeArxivMain) in its own process, so the workbench's
 * extension host can reach it over 127.0.0.1 while this runner waits.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import * as readline from 'readline';
import { projectRoot } from '../support/paths';
import { stopProcessGroup } from './codeServer';

export interface FakeArxivProcess {
  url: string;
  apiUrl: string;
  rssUrl: string;
  pdfUrl: string;
  /** The Hugging Face Hub look-alike on the same server. */
  hfUrl: string;
  stop(): Promise<void>;
}

/** The real multi-page PDF the fake serves for every paper. */
export const PDF_FIXTURE = path.join(projectRoot, 'test', 'fixtures', 'pdf', 'paper.pdf');

export function startFakeArxivProcess(log: (line: string) => void): Promise<FakeArxivProcess> {
  const main = path.join(__dirname, '..', 'support', 'fakeArxivMain.js');
  const child = spawn(process.execPath, [main, '--pdf', PDF_FIXTURE], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stderr.setEncoding('utf8').on('data', (d: string) => log(`[fake-arxiv] ${d.trimEnd()}`));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fake arXiv server did not start within 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`fake arXiv server exited with code ${code}`)));
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; apiUrl?: string; rssUrl?: string; pdfUrl?: string; hfUrl?: string };
      resolve({
        url: info.url,
        apiUrl: info.apiUrl ?? `${info.url}/api/query`,
        rssUrl: info.rssUrl ?? info.url,
        pdfUrl: info.pdfUrl ?? `${info.url}/pdf`,
        hfUrl: info.hfUrl ?? info.url,
        stop: () => stopProcessGroup(child),
      });
    });
  });
}
