/**
 * Starts code-server (a real VS Code, installed offline from the npm registry) for the integration
 * and UI tests, `npm start` and the benchmarks. See test/harness/install-code-server.sh.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { projectRoot } from '../support/paths';

export const CODE_SERVER_VERSION = '4.100.3';

/** Installs code-server once under .vscode-test/ and returns its binary. */
export function ensureCodeServer(): string {
  const script = path.join(projectRoot, 'test', 'harness', 'install-code-server.sh');
  const out = execFileSync('bash', [script], {
    env: { ...process.env, CODE_SERVER_VERSION },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const bin = out.trim().split('\n').pop() ?? '';
  if (!fs.existsSync(bin)) throw new Error(`code-server was not installed (got "${bin}")`);
  return bin;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServerOptions {
  workspace: string;
  /** Folder for user data and extensions; a fresh temp folder when omitted. */
  stateDir?: string;
  port?: number;
  /** Receives code-server's own log lines. */
  log?: (line: string) => void;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  process: ChildProcess;
  /** Workbench URL for a folder, optionally loading a development extension and its tests. */
  workbenchUrl(opts?: { extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
  stop(): Promise<void>;
}

export function codeServerArgs(port: number, userDataDir: string, extensionsDir: string): string[] {
  return [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
}

/** Installs a packaged .vsix into an extensions folder, as a user would. */
export function installVsix(bin: string, extensionsDir: string, vsix: string): void {
  execFileSync(bin, ['--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: codeServerEnv(path.dirname(extensionsDir)),
  });
}

function codeServerEnv(stateDir: string): NodeJS.ProcessEnv {
  // Keep code-server's config file out of the user's home folder.
  return { ...process.env, XDG_CONFIG_HOME: path.join(stateDir, 'config'), XDG_DATA_HOME: path.join(stateDir, 'data') };
}

export async function startCodeServer(bin: string, options: CodeServerOptions): Promise<RunningCodeServer> {
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'paper-practice-cs-'));
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);
  const port = options.port ?? (await freePort());
  const child = spawn(bin, [...codeServerArgs(port, userDataDir, extensionsDir), options.workspace], {
    env: codeServerEnv(stateDir),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log = options.log ?? (() => undefined);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => chunk.split('\n').filter(Boolean).forEach(log));
  }
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, child, 60_000);

  return {
    url,
    port,
    userDataDir,
    extensionsDir,
    process: child,
    workbenchUrl(opts = {}) {
      const query = new URLSearchParams({ folder: options.workspace });
      const payload: [string, string][] = [];
      if (opts.extensionDevelopmentPath) {
        payload.push(['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${opts.extensionDevelopmentPath}`]);
      }
      if (opts.extensionTestsPath) {
        payload.push(['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${opts.extensionTestsPath}`]);
      }
      if (payload.length) query.set('payload', JSON.stringify(payload));
      return `${url}/?${query.toString()}`;
    },
    stop: () => stopProcessGroup(child),
  };
}

/** Settings that make a headless workbench quiet and predictable. */
function writeUserSettings(userDataDir: string): void {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.colorTheme': 'Default Dark Modern',
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

export function stopProcessGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
