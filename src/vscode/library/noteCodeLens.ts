/**
 * The CodeLens line at the top of a paper's note: its status (click to change it) and the next
 * steps for that status (core/notes/nextSteps), run through the existing commands with the
 * paper's id. It follows the library, so marking a paper read anywhere updates the line.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { NOTE_FILE } from '../../core/library/paperFolder';
import type { LibraryEntry } from '../../core/library/store';
import { nextSteps, type NextStep } from '../../core/notes/nextSteps';
import type { LibraryService } from './libraryService';
import { statusIcon, statusTitle } from './libraryTree';

const STEP_COMMANDS: Record<NextStep['kind'], string> = {
  setStatus: 'paperPractice.setStatus',
  startReplication: 'paperPractice.startReplication',
  openPdf: 'paperPractice.openPdf',
  openPaper: 'paperPractice.openPaper',
};

export class NoteCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly library: LibraryService) {
    this.subscription = library.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const entry = await this.entryOf(document.uri);
    if (!entry) return [];
    const { id, status } = entry.record;
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      new vscode.CodeLens(top, {
        title: `$(${statusIcon(status).id}) ${statusTitle(status)}`,
        tooltip: 'The paper’s status in your library: click to change it',
        command: STEP_COMMANDS.setStatus,
        arguments: [id],
      }),
    ];
    for (const step of nextSteps(status)) {
      lenses.push(
        new vscode.CodeLens(top, {
          title: `$(${step.icon}) ${step.label}`,
          command: STEP_COMMANDS[step.kind],
          arguments: step.kind === 'setStatus' ? [id, step.status] : [id],
        }),
      );
    }
    return lenses;
  }

  /** The library entry whose note this is; only `<library>/<paper folder>/notes.md` qualifies. */
  private async entryOf(uri: vscode.Uri): Promise<LibraryEntry | undefined> {
    const root = this.library.rootPath;
    if (uri.scheme !== 'file' || !root || path.basename(uri.fsPath) !== NOTE_FILE || path.dirname(path.dirname(uri.fsPath)) !== root) return undefined;
    const store = await this.library.get();
    const folder = path.basename(path.dirname(uri.fsPath));
    return store?.entries.find((e) => e.folder === folder);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Registers the provider for notes; both are disposed with the extension. */
export function registerNoteCodeLens(context: vscode.ExtensionContext, library: LibraryService): NoteCodeLensProvider {
  const provider = new NoteCodeLensProvider(library);
  context.subscriptions.push(provider, vscode.languages.registerCodeLensProvider({ scheme: 'file', pattern: `**/${NOTE_FILE}` }, provider));
  return provider;
}
