import * as vscode from 'vscode';

/** The one output channel the extension logs to ("Paper Practice" in the Output panel). */
export type Logger = vscode.LogOutputChannel;

export function createLogger(): Logger {
  return vscode.window.createOutputChannel('Paper Practice', { log: true });
}
