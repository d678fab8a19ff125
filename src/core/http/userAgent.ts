/**
 * arXiv throttles anonymous-looking clients (the default Python-urllib UA was singled out), so we
 * always identify ourselves. The version comes from our own package.json, found by walking up
 * from this file: that works from out/ (tests), dist/ (bundles) and the extension install alike.
 */
import * as fs from 'fs';
import * as path from 'path';

export const PROJECT_URL = 'https://github.com/paper-practice/paper-practice';

let cachedVersion: string | undefined;

export function productVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  cachedVersion = '0.0.0';
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const file = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'paper-practice' && typeof pkg.version === 'string') {
        cachedVersion = pkg.version;
        break;
      }
    } catch {
      // not here (or unreadable): keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return cachedVersion;
}

/** `PaperPractice/<version> (+<project url>; mailto-less)`. */
export function defaultUserAgent(version: string = productVersion()): string {
  return `PaperPractice/${version} (+${PROJECT_URL}; mailto-less)`;
}
