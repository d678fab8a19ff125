import type * as vscode from 'vscode';
import { createPaperIndex, searchDocumentOfEntry, type PaperIndex } from '../../core/library/search';
import type { LibraryService } from './libraryService';

/**
 * The library's full-text index (title, authors, abstract, tags, notes), built on first search
 * and kept in step with every change the library reports, so results come as the user types.
 */
export class LibraryIndex implements vscode.Disposable {
  private index: PaperIndex | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly library: LibraryService) {
    this.subscription = library.onDidChange((change) => {
      if (!this.index) return;
      if (change.kind === 'added' || change.kind === 'updated') this.index.add(searchDocumentOfEntry(change.entry));
      else if (change.kind === 'removed') this.index.remove(change.id);
      else this.index = undefined; // loaded / reset / problems: rebuild on the next search
    });
  }

  async search(query: string, limit = 50) {
    const store = await this.library.get();
    if (!store) return [];
    if (!this.index) {
      this.index = createPaperIndex();
      this.index.addAll(store.entries.map(searchDocumentOfEntry));
    }
    return this.index
      .search(query, { limit })
      .map((hit) => store.get(hit.id))
      .filter((entry): entry is NonNullable<typeof entry> => !!entry);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
