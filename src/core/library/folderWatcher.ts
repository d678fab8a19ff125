/**
 * Watches a library folder with the operating system's own notifications (fs.watch): the root for
 * paper folders coming and going, and each paper folder for its notes.md. The editor's file watcher
 * also reports these changes, but in a browser-hosted workbench it can start late or miss folders
 * created together with their parent; this one starts at once. Events are reported per paper folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { NOTE_FILE } from './paperFolder';

/** Past this many paper folders, per-folder watches are left to the editor's watcher alone. */
const MAX_FOLDER_WATCHES = 4000;

export class LibraryFolderWatcher {
  private rootWatcher: fs.FSWatcher | undefined;
  private parentWatcher: fs.FSWatcher | undefined;
  private readonly folderWatchers = new Map<string, fs.FSWatcher>();
  private disposed = false;

  constructor(
    private readonly root: string,
    private readonly onFolderChanged: (folder: string) => void,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.arm();
  }

  private arm(announce = false): void {
    if (this.disposed) return;
    if (!fs.existsSync(this.root)) {
      // Wait for the library folder to be created (the first paper saved).
      this.parentWatcher ??= this.tryWatch(path.dirname(this.root), (_event, name) => {
        if (name === path.basename(this.root) && fs.existsSync(this.root)) {
          this.parentWatcher?.close();
          this.parentWatcher = undefined;
          this.arm(true);
        }
      });
      return;
    }
    this.rootWatcher ??= this.tryWatch(this.root, (_event, name) => {
      if (!name || name.startsWith('.')) return;
      this.watchFolder(name);
      this.onFolderChanged(name);
    });
    for (const entry of fs.readdirSync(this.root, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      this.watchFolder(entry.name);
      // A library folder that just appeared came with its papers: they are all news.
      if (announce) this.onFolderChanged(entry.name);
    }
  }

  private watchFolder(folder: string): void {
    if (this.folderWatchers.has(folder) || this.folderWatchers.size >= MAX_FOLDER_WATCHES) return;
    const dir = path.join(this.root, folder);
    if (!fs.existsSync(dir)) return;
    const watcher = this.tryWatch(dir, (_event, name) => {
      if (name === NOTE_FILE) this.onFolderChanged(folder);
      if (!fs.existsSync(dir)) {
        watcher?.close();
        this.folderWatchers.delete(folder);
        this.onFolderChanged(folder);
      }
    });
    if (watcher) this.folderWatchers.set(folder, watcher);
  }

  private tryWatch(target: string, listener: (event: string, name: string | null) => void): fs.FSWatcher | undefined {
    try {
      const watcher = fs.watch(target, { persistent: false }, (event, name) => listener(event, name ? String(name) : null));
      watcher.on('error', (e) => this.log(`Watching ${target} stopped: ${String(e)}`));
      return watcher;
    } catch (e) {
      this.log(`Cannot watch ${target}: ${String(e)}`);
      return undefined;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.rootWatcher?.close();
    this.parentWatcher?.close();
    this.folderWatchers.forEach((w) => w.close());
    this.folderWatchers.clear();
  }
}
