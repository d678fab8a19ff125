/** A fresh temporary folder per test, removed afterwards. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function useTempDir(): { readonly path: string } {
  const holder = { path: '' };
  beforeEach(() => {
    holder.path = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-practice-library-'));
  });
  afterEach(() => {
    fs.rmSync(holder.path, { recursive: true, force: true });
  });
  return holder;
}

/** Makes a file look older, as every note in a real library is (the cache distrusts fresh mtimes). */
export function age(file: string, seconds = 60): void {
  const t = new Date(Date.now() - seconds * 1000);
  fs.utimesSync(file, t, t);
}
