import * as vscode from 'vscode';
import type { Logger } from './logger';
import type { Views } from './views/registerViews';
import { createPracticeFolder } from './practiceFolder';

export interface CommandServices {
  logger: Logger;
  views: Views;
}

type Handler = (...args: unknown[]) => unknown;

/**
 * The one place that registers commands. Every id here is contributed in package.json, and the
 * integration tests check the two lists agree.
 */
export function registerCommands(context: vscode.ExtensionContext, services: CommandServices): void {
  const handlers: Record<string, Handler> = {
    'paperPractice.openSettings': (setting?: unknown) =>
      vscode.commands.executeCommand(
        'workbench.action.openSettings',
        typeof setting === 'string' ? setting : '@ext:paper-practice.paper-practice',
      ),
    'paperPractice.showLog': () => services.logger.show(true),
    'paperPractice.createPracticeFolder': () => createPracticeFolder(services.logger),
  };
  for (const [id, handler] of Object.entries(handlers)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
