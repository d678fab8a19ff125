/**
 * `npm start`: serves a real VS Code (code-server) on 127.0.0.1 with Paper Practice loaded from this
 * checkout on a demo practice folder, and prints the URL to open. Ctrl+C stops it.
 *   npm start -- --port 8080     choose the port (default 8080, or $PORT)
 *   npm start -- --offline       point the extension at a local server replaying recorded arXiv responses
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { practiceFolderFiles } from '../../src/core/practiceFolder';
import { projectRoot } from '../support/paths';
import { ensureCodeServer, startCodeServer } from './codeServer';
import { startFakeArxivProcess, type FakeArxivProcess } from './fakeArxivProcess';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, offline: { type: 'boolean', default: false } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  const workspace = path.join(projectRoot, '.demo-workspace');
  for (const file of practiceFolderFiles('papers')) {
    const target = path.join(workspace, file.relativePath);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }

  let arxiv: FakeArxivProcess | undefined;
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  if (values.offline) {
    arxiv = await startFakeArxivProcess((line) => console.error(line));
    const settings = { 'paperPractice.arxiv.apiUrl': arxiv.apiUrl, 'paperPractice.arxiv.rssUrl': arxiv.rssUrl, 'paperPractice.arxiv.pdfUrl': arxiv.pdfUrl, 'paperPractice.huggingFace.url': arxiv.hfUrl };
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  } else if (fs.existsSync(settingsFile)) {
    fs.rmSync(settingsFile); // an earlier --offline run pointed the demo at a server that is gone
  }

  const bin = ensureCodeServer();
  const server = await startCodeServer(bin, {
    workspace,
    port,
    stateDir: path.join(projectRoot, '.vscode-test', 'demo-state'),
  });
  const url = server.workbenchUrl({ extensionDevelopmentPath: projectRoot });
  console.log(`\nPaper Practice is running in VS Code (code-server) on ${workspace}${values.offline ? ', with recorded arXiv responses' : ''}.`);
  console.log(`Open this URL in a browser:\n\n  ${url}\n`);
  console.log('Press Ctrl+C to stop.');

  const stop = async () => {
    await server.stop();
    await arxiv?.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.once('exit', (code) => {
    console.error(`code-server exited (${code})`);
    process.exit(code ?? 1);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
