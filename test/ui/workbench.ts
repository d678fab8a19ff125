/**
 * One real workbench shared by the UI tests: the packaged .vsix installed into code-server the way
 * a user installs it, a workspace pointed at the local fake arXiv, and headless Chromium on it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot, testOutputDir } from '../support/paths';
import { launchBrowser, openPage, waitForWorkbench } from '../harness/browser';
import { ensureCodeServer, installVsix, startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { startFakeArxivProcess, type FakeArxivProcess } from '../harness/fakeArxivProcess';
import { prepareWorkspace } from '../harness/workspace';

export const uiOutputDir = path.join(testOutputDir, 'ui');

export interface Workbench {
  page: Page;
  server: RunningCodeServer;
  arxiv: FakeArxivProcess;
  workspace: string;
  browser: Browser;
}

let current: Promise<Workbench> | undefined;
let log: fs.WriteStream | undefined;

export function workbench(): Promise<Workbench> {
  current ??= start();
  return current;
}

async function start(): Promise<Workbench> {
  fs.rmSync(uiOutputDir, { recursive: true, force: true });
  fs.mkdirSync(uiOutputDir, { recursive: true });
  log = fs.createWriteStream(path.join(uiOutputDir, 'workbench.log'));
  const write = (line: string) => log?.write(line + '\n');

  const vsix = path.join(uiOutputDir, 'paper-practice.vsix');
  execFileSync(path.join(projectRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bin = ensureCodeServer();
  const arxiv = await startFakeArxivProcess(write);
  const workspace = prepareWorkspace('ui', { apiUrl: arxiv.apiUrl, rssUrl: arxiv.rssUrl, pdfUrl: arxiv.pdfUrl, hfUrl: arxiv.hfUrl });
  const stateDir = fs.mkdtempSync(path.join(path.dirname(workspace), 'state-'));
  fs.mkdirSync(path.join(stateDir, 'extensions'), { recursive: true });
  installVsix(bin, path.join(stateDir, 'extensions'), vsix);
  const server = await startCodeServer(bin, { workspace, stateDir, log: (l) => write(`[code-server] ${l}`) });
  const browser = await launchBrowser();
  const page = await openPage(browser, (l) => write(`[workbench] ${l}`));
  await page.goto(server.workbenchUrl());
  await waitForWorkbench(page);
  return { page, server, arxiv, workspace, browser };
}

/**
 * A second window on the same workbench, in a fresh browser context. Browser-hosted VS Code gives
 * all webviews one origin and one service worker; a window of its own lets a webview test start
 * without another webview's worker in the way.
 */
export async function freshWindow(): Promise<Page> {
  const wb = await workbench();
  const page = await openPage(wb.browser, (l) => log?.write(`[window 2] ${l}\n`));
  await page.goto(wb.server.workbenchUrl());
  await waitForWorkbench(page);
  return page;
}

export async function stopWorkbench(): Promise<void> {
  if (!current) return;
  const wb = await current.catch(() => undefined);
  current = undefined;
  if (!wb) return;
  await wb.browser.close();
  await wb.server.stop();
  await wb.arxiv.stop();
  log?.end();
}

/** Shows the Paper Practice container in the side bar (clicking its icon again would hide it). */
export async function showPaperPractice(page: Page): Promise<void> {
  const title = page.locator('#workbench\\.parts\\.sidebar .composite.title h2');
  if ((await title.isVisible()) && /paper practice/i.test((await title.textContent()) ?? '')) return;
  await page.locator('.activitybar .action-label[aria-label^="Paper Practice"]').first().click();
  await title.filter({ hasText: /paper practice/i }).waitFor();
}

export function sidebar(page: Page) {
  return page.locator('#workbench\\.parts\\.sidebar');
}

/** Runs a command through the command palette, as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // A window that has just opened may reset the palette while it finishes starting: try again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 5000 });
      break;
    } catch (e) {
      if (attempt >= 4) throw e;
      await page.keyboard.press('Escape');
    }
  }
  await row.click();
}

/** The document inside a webview editor (VS Code nests it in two iframes). */
export function webviewFrame(page: Page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(uiOutputDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
