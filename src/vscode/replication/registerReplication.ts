/**
 * The replication feature in the editor: its commands' handlers (registered by commands.ts)
 * and the live status (issue 5). One call from activate(); everything it makes is disposed with
 * the extension.
 */
import * as vscode from 'vscode';
import { ADD_ASSUMPTION, addAssumptionCommand } from './assumptionCommand';
import { ClaimCodeLensProvider, manifestDiagnostics, NotebookSummaryProvider, ReplicationDecorations, ReplicationStatusBar } from './editorStatus';
import { EXPORT_REPLICATION_REPORT, exportReportCommand, type ReplicationDeps, START_REPLICATION, startReplicationCommand } from './replicationCommands';
import { MANIFEST_GLOB, ReplicationState } from './replicationState';

export interface ReplicationExports {
  /**
   * The handlers by command id, for src/vscode/commands.ts to register (the one place that
   * registers commands): `...s.replication.commands` in its handlers.
   */
  commands: Record<string, (...args: unknown[]) => unknown>;
  statusBar: vscode.StatusBarItem;
  /** Whether the status bar item is shown now. */
  statusBarVisible(): boolean;
  decorations: vscode.FileDecorationProvider & { readonly onDidChangeFileDecorations: vscode.Event<vscode.Uri[]> };
  codeLens: vscode.CodeLensProvider;
  notebookStatus: vscode.NotebookCellStatusBarItemProvider;
  diagnostics: vscode.DiagnosticCollection;
  state: ReplicationState;
}

export function registerReplication(context: vscode.ExtensionContext, deps: ReplicationDeps): ReplicationExports {
  const state = new ReplicationState(deps.logger);
  const statusBar = new ReplicationStatusBar(state);
  const codeLens = new ClaimCodeLensProvider(state);
  const decorations = new ReplicationDecorations(state);
  const notebookStatus = new NotebookSummaryProvider(state);
  const diagnostics = vscode.languages.createDiagnosticCollection('paperPractice.replication');

  const publish = state.onDidChange((e) => {
    if ('removed' in e) diagnostics.delete(vscode.Uri.joinPath(e.removed, 'replication.json'));
    else diagnostics.set(e.manifestUri, manifestDiagnostics(e));
  });

  const commands: Record<string, (...args: unknown[]) => unknown> = {
    [START_REPLICATION]: startReplicationCommand(context, deps, state),
    [EXPORT_REPLICATION_REPORT]: exportReportCommand(deps, state),
    [ADD_ASSUMPTION]: addAssumptionCommand(deps, state),
  };

  context.subscriptions.push(
    state,
    statusBar,
    codeLens,
    decorations,
    notebookStatus,
    diagnostics,
    publish,
    vscode.languages.registerCodeLensProvider({ pattern: MANIFEST_GLOB }, codeLens),
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.notebooks.registerNotebookCellStatusBarItemProvider('jupyter-notebook', notebookStatus),
  );

  // Badges for replications already in the workspace; off the activation path.
  setTimeout(() => void state.scan(), 0);

  return {
    commands,
    statusBar: statusBar.item,
    statusBarVisible: () => statusBar.visible,
    decorations,
    codeLens,
    notebookStatus,
    diagnostics,
    state,
  };
}
