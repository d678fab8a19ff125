/**
 * Runs the injection grammar's patterns over text the way a TextMate tokenizer does: line by
 * line, taking at each step the earliest match of any pattern (the first pattern on a tie) and
 * continuing after it. Two engines: JavaScript RegExp, and Oniguruma (the engine VS Code uses).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArxivId } from '../../../src/core/arxiv/ids';
import { projectRoot } from '../../support/paths';

export interface Grammar {
  patterns: { include: string }[];
  repository: Record<string, { match: string }>;
}

export const grammarPath = path.join(projectRoot, 'syntaxes', 'arxiv-reference.injection.tmLanguage.json');

export function readGrammar(): Grammar {
  return JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as Grammar;
}

export function grammarSources(g: Grammar): string[] {
  return g.patterns.map((p) => g.repository[p.include.replace(/^#/, '')].match);
}

export interface LineMatch {
  start: number;
  end: number;
  /** Capture group 1, the id as written. */
  id: string;
}

/** `1706.03762v5` as the table writes it; an id the parser rejects stays as written (a false positive). */
export function normalizeFound(id: string): string {
  const r = parseArxivId(id);
  return r.ok ? (r.id.version ? `${r.id.id}v${r.id.version}` : r.id.id) : id;
}

export function scanWithJs(sources: string[], text: string): LineMatch[] {
  const res = sources.map((s) => new RegExp(s, 'g'));
  const out: LineMatch[] = [];
  for (const line of text.split('\n')) {
    let pos = 0;
    for (;;) {
      let best: RegExpExecArray | null = null;
      for (const re of res) {
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m && (best === null || m.index < best.index)) best = m;
      }
      if (!best) break;
      out.push({ start: best.index, end: best.index + best[0].length, id: best[1] });
      pos = Math.max(best.index + best[0].length, best.index + 1);
    }
  }
  return out;
}

interface OnigModule {
  loadWASM(data: ArrayBuffer | { data: ArrayBuffer }): Promise<void>;
  OnigScanner: new (sources: string[]) => {
    findNextMatchSync(s: unknown, start: number): { index: number; captureIndices: { start: number; end: number }[] } | null;
    dispose(): void;
  };
  OnigString: new (s: string) => { dispose(): void };
}

/**
 * vscode-oniguruma from the project's dependencies, or else the copy inside the code-server that
 * the integration tests install. Returns a reason when neither is there.
 */
export function findOniguruma(): { dir: string } | { missing: string } {
  try {
    return { dir: path.dirname(require.resolve('vscode-oniguruma/package.json', { paths: [projectRoot] })) };
  } catch {
    const testDir = path.join(projectRoot, '.vscode-test');
    const servers = fs.existsSync(testDir) ? fs.readdirSync(testDir).filter((d) => d.startsWith('code-server-')) : [];
    for (const s of servers) {
      const dir = path.join(testDir, s, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', 'vscode-oniguruma');
      if (fs.existsSync(path.join(dir, 'package.json'))) return { dir };
    }
    return {
      missing:
        'vscode-oniguruma is not installed: add it as a devDependency (npm i -D vscode-oniguruma) so the grammar can be checked with the engine VS Code uses',
    };
  }
}

let loaded: Promise<OnigModule> | undefined;
export function loadOniguruma(dir: string): Promise<OnigModule> {
  loaded ??= (async () => {
    const onig = require(path.join(dir, 'release', 'main.js')) as OnigModule;
    const wasm = fs.readFileSync(path.join(dir, 'release', 'onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return onig;
  })();
  return loaded;
}

/** Oniguruma counts UTF-16 code units too (vscode-oniguruma converts offsets), so results compare directly. */
export function scanWithOniguruma(onig: OnigModule, sources: string[], text: string): LineMatch[] {
  const scanner = new onig.OnigScanner(sources);
  const out: LineMatch[] = [];
  try {
    for (const line of text.split('\n')) {
      const s = new onig.OnigString(line + '\n');
      try {
        let pos = 0;
        for (;;) {
          const m = scanner.findNextMatchSync(s, pos);
          if (!m) break;
          const [whole, id] = m.captureIndices;
          out.push({ start: whole.start, end: whole.end, id: line.slice(id.start, id.end) });
          pos = Math.max(whole.end, whole.start + 1);
        }
      } finally {
        s.dispose();
      }
    }
  } finally {
    scanner.dispose();
  }
  return out;
}
