import * as fs from 'fs';
import * as path from 'path';

/** The project root: the nearest folder above this file holding package.json (works from out/ too). */
export const projectRoot: string = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
})();

/** Real recorded arXiv responses, shared read-only beside the project. */
export const arxivFixturesDir = path.resolve(projectRoot, '..', 'shared', 'fixtures', 'arxiv');

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(arxivFixturesDir, name), 'utf8');
}

/** Where tests write screenshots, logs and results (git-ignored). */
export const testOutputDir = path.join(projectRoot, 'test-output');
