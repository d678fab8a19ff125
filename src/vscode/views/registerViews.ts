import * as vscode from 'vscode';
import type { PaperDetails } from '../../core/arxiv/types';
import type { PaperStatus } from '../../core/library/record';
import { FeedsTreeProvider, type FeedsOrder } from '../feeds/feedsTree';
import type { LibraryService } from '../library/libraryService';
import { LibraryTreeProvider, type GroupBy } from '../library/libraryTree';
import type { Recommendations } from '../ranking/recommendations';
import type { Services } from '../services';
import type { PracticeService } from '../practice/practiceService';
import { PracticeTreeProvider } from '../practice/practiceTree';

/** View ids contributed in package.json; one place so code and tests agree on them. */
export const VIEW_IDS = {
  feeds: 'paperPractice.feeds',
  library: 'paperPractice.library',
  practice: 'paperPractice.practice',
} as const;

export type ViewName = keyof typeof VIEW_IDS;

export interface Views {
  trees: Record<ViewName, vscode.TreeView<unknown>>;
  feeds: FeedsTreeProvider;
  library: LibraryTreeProvider;
  practice: PracticeTreeProvider;
  setLibraryGroupBy(groupBy: GroupBy): void;
  setFeedsOrder(order: FeedsOrder): Promise<void>;
}

const FEEDS_ORDER_STATE = 'paperPractice.feedsOrder';

export interface ViewDeps {
  services: Services;
  library: LibraryService;
  recommendations: Recommendations;
  practice: PracticeService;
  savePapers: (papers: PaperDetails[], status: PaperStatus) => Promise<void>;
  moveEntries: (ids: string[], target: { status?: PaperStatus; tag?: string | null }) => Promise<void>;
}

export function registerViews(context: vscode.ExtensionContext, deps: ViewDeps): Views {
  const feeds = new FeedsTreeProvider(deps.services, deps.library, deps.recommendations);
  feeds.order = context.globalState.get<FeedsOrder>(FEEDS_ORDER_STATE) === 'recommended' ? 'recommended' : 'date';
  const library = new LibraryTreeProvider(deps.library, deps.savePapers, deps.moveEntries);

  const feedsView = vscode.window.createTreeView(VIEW_IDS.feeds, { treeDataProvider: feeds, dragAndDropController: feeds, canSelectMany: true, showCollapseAll: true });
  const libraryView = vscode.window.createTreeView(VIEW_IDS.library, { treeDataProvider: library, dragAndDropController: library, canSelectMany: true, showCollapseAll: true });
  const practice = new PracticeTreeProvider(deps.practice);
  const practiceView = vscode.window.createTreeView(VIEW_IDS.practice, { treeDataProvider: practice });

  feeds.onTotals = (unseen) => {
    feedsView.badge = unseen ? { value: unseen, tooltip: `${unseen} new paper${unseen === 1 ? '' : 's'}` } : undefined;
  };
  const setLibraryGroupBy = (groupBy: GroupBy) => {
    library.groupBy = groupBy;
    void vscode.commands.executeCommand('setContext', 'paperPractice.libraryGroupBy', groupBy);
    library.refresh();
  };
  void vscode.commands.executeCommand('setContext', 'paperPractice.libraryGroupBy', 'status');
  const setFeedsOrder = async (order: FeedsOrder) => {
    feeds.order = order;
    await context.globalState.update(FEEDS_ORDER_STATE, order);
    void vscode.commands.executeCommand('setContext', 'paperPractice.feedsOrder', order);
    feeds.refresh();
  };
  void vscode.commands.executeCommand('setContext', 'paperPractice.feedsOrder', feeds.order);

  context.subscriptions.push(
    feedsView,
    libraryView,
    practiceView,
    practice,
    deps.library.onDidChange(() => {
      library.refresh();
      feeds.refresh(); // library status is shown on feed papers
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('paperPractice.subscriptions')) feeds.refresh();
    }),
    deps.recommendations.onDidChange(() => feeds.refresh()),
  );
  return {
    trees: { feeds: feedsView, library: libraryView, practice: practiceView },
    feeds,
    library,
    practice,
    setLibraryGroupBy,
    setFeedsOrder,
  };
}
