import * as vscode from 'vscode';
import { practiceSummary, type PracticeSummary } from '../../core/practice/summary';
import type { LibraryService } from '../library/libraryService';
import { settings } from '../settings';

/**
 * This week's practice, computed from the library's own dates and the goals, recomputed when
 * either changes and when the local day turns (a new week can start while VS Code stays open).
 */
export class PracticeService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private midnight: NodeJS.Timeout | undefined;
  /** One computation per change, shared by the view, the status bar and the page. */
  private computed: Promise<PracticeSummary | undefined> | undefined;

  constructor(
    private readonly library: LibraryService,
    /** Injected so tests can put "today" anywhere. */
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.disposables.push(
      library.onDidChange(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('paperPractice.goals')) this.invalidate();
      }),
    );
    this.armMidnight();
  }

  /** The summary, or undefined when no folder (so no library) is open. Loads the library if needed. */
  summary(): Promise<PracticeSummary | undefined> {
    // A failure is not kept: the next call tries again.
    this.computed ??= this.compute().catch((e: unknown) => {
      this.computed = undefined;
      throw e;
    });
    return this.computed;
  }

  private async compute(): Promise<PracticeSummary | undefined> {
    const store = await this.library.get();
    if (!store) return undefined;
    return practiceSummary(
      store.entries.map((e) => e.record),
      { goals: settings.goals(), now: this.clock(), weeks: 12, recent: 8 },
    );
  }

  private invalidate(): void {
    this.computed = undefined;
    this.changed.fire();
  }

  async hasPapers(): Promise<boolean> {
    return ((await this.library.get())?.entries.length ?? 0) > 0;
  }

  private armMidnight(): void {
    const now = this.clock();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    this.midnight = setTimeout(() => {
      this.invalidate();
      this.armMidnight();
    }, Math.max(1_000, next.getTime() - now.getTime()));
    this.midnight.unref?.();
  }

  dispose(): void {
    clearTimeout(this.midnight);
    this.disposables.forEach((d) => d.dispose());
  }
}
