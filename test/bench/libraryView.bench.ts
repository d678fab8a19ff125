/**
 * First render of the Library view on a 10,000-paper library, in a real extension host: the
 * library loaded from disk (no cache yet), grouped by status, and the tree items of the expanded
 * groups built, as VS Code asks for them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../support/paths';
import { launchBrowser, openPage } from '../harness/browser';
import { ensureCodeServer, startCodeServer } from '../harness/codeServer';
import { prepareWorkspace } from '../harness/workspace';
import { writeLibrary } from './library.bench';
import { LIBRARY_VIEW_RESULT } from './libraryView/paths';

export async function run(): Promise<void> {
  fs.rmSync(LIBRARY_VIEW_RESULT, { force: true });
  const workspace = prepareWorkspace('bench-library', { apiUrl: 'http://127.0.0.1:9/api/query', rssUrl: 'http://127.0.0.1:9' });
  writeLibrary(path.join(workspace, 'papers'));
  const server = await startCodeServer(ensureCodeServer(), { workspace });
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser);
    await page.goto(
      server.workbenchUrl({
        extensionDevelopmentPath: projectRoot,
        extensionTestsPath: path.join(projectRoot, 'out', 'test', 'bench', 'libraryView', 'probe.js'),
      }),
    );
    const deadline = Date.now() + 120_000;
    while (!fs.existsSync(LIBRARY_VIEW_RESULT)) {
      if (Date.now() > deadline) throw new Error('the Library view probe wrote no result');
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
  const r = JSON.parse(fs.readFileSync(LIBRARY_VIEW_RESULT, 'utf8')) as {
    papers: number;
    first: { ms: number; items: number };
    again: { ms: number; items: number };
    focusMs: number;
  };
  console.log(`Library view, ${r.papers.toLocaleString('en-US')} papers, real extension host:`);
  console.log(`  first render (load from disk, group, ${r.first.items} tree items): ${r.first.ms.toFixed(0)} ms`);
  console.log(`  render again (library loaded): ${r.again.ms.toFixed(0)} ms`);
  console.log(`  focus the view: ${r.focusMs.toFixed(0)} ms`);
}
