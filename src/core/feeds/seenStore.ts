/**
 * Which papers (and which version of each) the user has already seen in the Feeds view, so new
 * ones and new versions can be marked. One small JSON file in global storage.
 */
import { promises as fsp } from 'fs';
import { writeFileAtomic } from '../fs/atomicWrite';

export class SeenStore {
  private seen = new Map<string, number>();
  private loaded = false;

  constructor(
    private readonly file: string,
    private readonly log?: (message: string) => void,
  ) {}

  async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const data = JSON.parse(await fsp.readFile(this.file, 'utf8')) as Record<string, number>;
      if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('unexpected shape');
      this.seen = new Map(Object.entries(data).filter(([, v]) => typeof v === 'number'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.log?.(`Discarding corrupt seen-papers file ${this.file}: ${(e as Error).message}`);
    }
  }

  isUnseen(id: string, version: number): boolean {
    const v = this.seen.get(id);
    return v === undefined || v < version;
  }

  async markSeen(papers: { id: string; version: number }[]): Promise<void> {
    let changed = false;
    for (const p of papers) {
      if (this.isUnseen(p.id, p.version)) {
        this.seen.set(p.id, p.version);
        changed = true;
      }
    }
    if (changed) await writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.seen)));
  }
}
