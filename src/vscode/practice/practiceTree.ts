import * as vscode from 'vscode';
import type { Progress } from '../../core/practice/goals';
import { daysAgoText, type RecentPaper } from '../../core/practice/recent';
import type { PracticeSummary } from '../../core/practice/summary';
import { plainTitle } from '../../core/text/texText';
import { statusIcon } from '../library/libraryTree';
import type { PracticeService } from './practiceService';

export type PracticeNode =
  | { kind: 'week' | 'month' | 'streak' | 'page'; summary: PracticeSummary }
  | { kind: 'recent'; summary: PracticeSummary }
  | { kind: 'paper'; paper: RecentPaper };

/**
 * The Practice view: this week and month against the goals, the streak, the papers finished
 * recently, and the way to the full page with the year's heat map. Empty (so the welcome view
 * shows) when no folder is open.
 */
export class PracticeTreeProvider implements vscode.TreeDataProvider<PracticeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PracticeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly practice: PracticeService) {
    this.subscription = practice.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: PracticeNode): Promise<PracticeNode[]> {
    if (node?.kind === 'recent') return node.summary.recent.map((paper) => ({ kind: 'paper', paper }));
    if (node) return [];
    const summary = await this.practice.summary();
    // Until the library has a paper, the view's welcome (set your goals) says more than zeros.
    if (!summary || !(await this.practice.hasPapers())) return [];
    const kinds = ['week', 'month', 'streak', 'recent', 'page'] as const;
    return kinds.map((kind) => ({ kind, summary }));
  }

  getTreeItem(node: PracticeNode): vscode.TreeItem {
    const none = vscode.TreeItemCollapsibleState.None;
    switch (node.kind) {
      case 'week':
        return goalItem('This week', node.summary.thisWeek, 'book', `ISO week ${node.summary.week}`);
      case 'month':
        return goalItem('This month', node.summary.thisMonth, 'beaker', node.summary.month);
      case 'streak': {
        const { current, longest } = node.summary.streak;
        const item = new vscode.TreeItem('Streak', none);
        item.description = `${current} week${current === 1 ? '' : 's'} · longest ${longest}`;
        item.iconPath = new vscode.ThemeIcon('flame', current > 0 ? new vscode.ThemeColor('charts.orange') : undefined);
        item.tooltip = 'Consecutive weeks that met the reading goal; this week counts once it meets it.';
        return item;
      }
      case 'recent': {
        const count = node.summary.recent.length;
        const item = new vscode.TreeItem('Finished recently', count ? vscode.TreeItemCollapsibleState.Expanded : none);
        item.description = count ? `${count}` : 'nothing yet';
        item.iconPath = new vscode.ThemeIcon('history');
        return item;
      }
      case 'paper': {
        const { paper } = node;
        const item = new vscode.TreeItem(plainTitle(paper.title), none);
        item.id = `practice:${paper.id}`;
        item.description = `${paper.status} · ${daysAgoText(paper.daysAgo)}`;
        item.iconPath = statusIcon(paper.status);
        item.command = { title: 'Open Paper', command: 'paperPractice.openPaper', arguments: [paper.id] };
        item.contextValue = 'practicePaper';
        return item;
      }
      case 'page': {
        const item = new vscode.TreeItem('Open the Practice Page', none);
        item.description = 'year heat map';
        item.iconPath = new vscode.ThemeIcon('graph');
        item.command = { title: 'Show Practice', command: 'paperPractice.showPractice' };
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** "2/3 papers · 1 to go" with the goal's icon, or a green check once the goal is met. */
function goalItem(label: string, p: Progress, icon: string, period: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.description = p.label.replace(/ this (week|month)$/, '') + (p.goal > 0 ? (p.met ? ' · goal met' : ` · ${p.goal - p.count} to go`) : '');
  item.iconPath = p.met ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green')) : new vscode.ThemeIcon(icon);
  item.tooltip = `${p.label} (${period})`;
  return item;
}
