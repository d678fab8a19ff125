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
  const cpu = process.cpuUsage();
  const exports = (await ext.activate()) as { activationMs?: number };
  const activationMs = performance.now() - started;
  // CPU time of the host process meanwhile: unlike wall time, barely moved by other work on the machine.
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const bodyMs = exports.activationMs ?? NaN;
  // How much of it is loading the bundle: a fresh copy of the module, evaluated on its own.
  const bundle = require.resolve(path.join(ext.extensionPath, 'dist', 'extension.js'));
  delete require.cache[bundle];
  const loadStarted = performance.now();
  require(bundle);
  const loadMs = performance.now() - loadStarted;
  fs.mkdirSync(PROBE_DIR, { recursive: true });
  const file = path.join(PROBE_DIR, `run-${Date.now()}-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ wasActive, activationMs, cpuMs, loadMs, bodyMs }));
}
