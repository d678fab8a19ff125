import * as vscode from 'vscode';
import { EmptyTreeProvider } from './emptyTreeProvider';

/** View ids contributed in package.json; one place so code and tests agree on them. */
export const VIEW_IDS = {
  feeds: 'paperPractice.feeds',
  library: 'paperPractice.library',
  practice: 'paperPractice.practice',
} as const;

export type ViewName = keyof typeof VIEW_IDS;

export interface Views {
  trees: Record<ViewName, vscode.TreeView<unknown>>;
}

export function registerViews(context: vscode.ExtensionContext): Views {
  const make = (id: string): vscode.TreeView<unknown> => {
    const view = vscode.window.createTreeView(id, {
      treeDataProvider: new EmptyTreeProvider(),
      showCollapseAll: false,
    });
    context.subscriptions.push(view);
    return view;
  };
  return {
    trees: {
      feeds: make(VIEW_IDS.feeds),
      library: make(VIEW_IDS.library),
      practice: make(VIEW_IDS.practice),
    },
  };
}
