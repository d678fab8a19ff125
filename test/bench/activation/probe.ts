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
  // Paper Practice activates lazily, when the user first opens its view or runs a command, not
  // while the window is starting: wait until the host's event loop is quiet (built-in extensions
  // done starting) so the figure is this extension's cost, not a queue behind others.
  await hostSettled();
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

/** Resolves once timers have fired on time (under 2 ms late) for 500 ms in a row, or after 10 s. */
async function hostSettled(): Promise<void> {
  const deadline = performance.now() + 10_000;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    const asked = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const late = performance.now() - asked - 20;
    if (late > 2) quietSince = performance.now();
    else if (performance.now() - quietSince >= 500) return;
  }
}
