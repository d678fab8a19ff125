/** Shared helpers for tests that run inside the real extension host. */
import * as vscode from 'vscode';
import type { PaperPracticeExports } from '../../src/extension';
import type { RecordedRequest } from '../support/fakeArxiv';

export const EXTENSION_ID = 'paper-practice.paper-practice';

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string | (() => string), timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function api(): Promise<PaperPracticeExports> {
  const ext = vscode.extensions.getExtension<PaperPracticeExports>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return folder.uri;
}

/** The fake arXiv's control endpoint (its base URL is the workspace's apiUrl setting). */
export function fakeArxivBase(): string {
  const apiUrl = vscode.workspace.getConfiguration('paperPractice.arxiv').get<string>('apiUrl') ?? '';
  return new URL(apiUrl).origin;
}

export async function fakeRequests(): Promise<RecordedRequest[]> {
  const response = await fetch(`${fakeArxivBase()}/__fake/requests`);
  return (await response.json()) as RecordedRequest[];
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  const [section, ...rest] = key.split('.');
  await vscode.workspace.getConfiguration(section).update(rest.join('.'), value, vscode.ConfigurationTarget.Workspace);
}

/** Makes the fake arXiv misbehave for the next `times` requests whose path starts with `match`. */
export async function injectFault(fault: Record<string, unknown>, match: string, times = 1): Promise<void> {
  await fetch(`${fakeArxivBase()}/__fake/fault`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fault, match, times }),
  });
}
