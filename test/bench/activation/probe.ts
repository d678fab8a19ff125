/**
 * Runs inside the extension host as the "tests" of a bench window: activates Paper Practice once
 * and writes how long that took (loading the bundle plus activate()).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { PROBE_DIR } from './paths';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension('paper-practice.paper-practice');
  if (!ext) throw new Error('extension not found');
  const wasActive = ext.isActive;
  const started = performance.now();
  await ext.activate();
  const activationMs = performance.now() - started;
  fs.mkdirSync(PROBE_DIR, { recursive: true });
  const file = path.join(PROBE_DIR, `run-${Date.now()}-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ wasActive, activationMs }));
}
