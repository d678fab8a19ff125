import * as vscode from 'vscode';
import type { PracticeSummary } from '../../core/practice/summary';
import type { Logger } from '../logger';
import type { PracticeService } from './practiceService';

/**
 * The week at a glance in the status bar: papers read against the goal, and the streak. Shown
 * only in a workspace whose library has papers (the extension also wakes for any markdown file,
 * and a goal counter there would be noise); a click opens the Practice page.
 */
export class PracticeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('paperPractice.practice', vscode.StatusBarAlignment.Left, 20);
  private readonly subscription: vscode.Disposable;
  private disposed = false;
  /** The latest update, so tests (and callers) can wait for it. */
  updated: Promise<void>;

  constructor(
    private readonly practice: PracticeService,
    private readonly logger: Logger,
  ) {
    this.item.name = 'Paper Practice: Weekly Goal';
    this.item.command = 'paperPractice.showPractice';
    this.subscription = practice.onDidChange(() => (this.updated = this.update()));
    // After activation returns: reading the library is no reason to keep the host waiting.
    this.updated = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => this.update());
  }

  /** The text shown, or undefined while hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  private async update(): Promise<void> {
    try {
      const summary = await this.practice.summary();
      const show = !!summary && (await this.practice.hasPapers());
      if (this.disposed) return;
      this.visible = show;
      if (!summary || !show) return this.item.hide();
      render(this.item, summary);
      this.item.show();
    } catch (e) {
      this.logger.warn(`Practice status: ${String(e)}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    this.item.dispose();
  }
}

export function statusText(s: PracticeSummary): string {
  const week = s.thisWeek.goal > 0 ? `${s.thisWeek.count}/${s.thisWeek.goal}` : `${s.thisWeek.count}`;
  return `$(${s.thisWeek.met ? 'pass-filled' : 'book'}) ${week} this week${s.streak.current > 0 ? ` $(flame) ${s.streak.current}` : ''}`;
}

function render(item: vscode.StatusBarItem, s: PracticeSummary): void {
  item.text = statusText(s);
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**Paper Practice** · week ${s.week.replace(/^\d+-W/, '')}\n\n`);
  tooltip.appendMarkdown(`$(book) ${s.thisWeek.label}${s.thisWeek.met ? ' — goal met' : ''}\n\n`);
  tooltip.appendMarkdown(`$(beaker) ${s.thisMonth.label}${s.thisMonth.met ? ' — goal met' : ''}\n\n`);
  tooltip.appendMarkdown(`$(flame) streak: ${s.streak.current} week${s.streak.current === 1 ? '' : 's'} (longest ${s.streak.longest})\n\n`);
  tooltip.appendMarkdown('Click to open the Practice page');
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: `Paper Practice: ${s.thisWeek.label}, ${s.thisMonth.label}, streak ${s.streak.current} weeks` };
}
