import * as vscode from 'vscode';

/** A tree with no items: VS Code then shows the view's welcome content (viewsWelcome). */
export class EmptyTreeProvider implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }

  getChildren(): never[] {
    return [];
  }
}
