import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { createLogger } from './vscode/logger';
import { registerViews, type Views } from './vscode/views/registerViews';

/**
 * Entry point for the extension host. Activation stays cheap: it wires views and commands and
 * defers all arXiv and library work until a view or command asks for it.
 */
/** What activate() returns: the live views, so integration tests can observe them. */
export interface PaperPracticeExports {
  views: Views;
}

export function activate(context: vscode.ExtensionContext): PaperPracticeExports {
  const started = performance.now();
  const logger = createLogger();
  context.subscriptions.push(logger);

  const views = registerViews(context);
  registerCommands(context, { logger, views });

  logger.info(`Paper Practice activated in ${(performance.now() - started).toFixed(1)} ms`);
  return { views };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
