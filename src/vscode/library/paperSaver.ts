import * as vscode from 'vscode';
import type { PaperDetails } from '../../core/arxiv/types';
import { STATUS_LABELS, type PaperStatus } from '../../core/library/record';
import { NOTE_TEMPLATE_PATH, chooseNoteTemplate, noteValuesFromPaper, renderNoteTemplate } from '../../core/notes/template';
import type { LibraryEntry, LibraryStore } from '../../core/library/store';
import { plainTitle } from '../../core/text/texText';
import { reportError } from '../errors';
import type { Logger } from '../logger';
import type { LibraryService } from './libraryService';

export interface PaperSaver {
  /** The library, or undefined after telling the user to open a folder first. */
  requireStore(): Promise<LibraryStore | undefined>;
  /** Saves papers with a status (drag and drop, Save buttons, Add paper…). */
  savePapers(papers: PaperDetails[], status?: PaperStatus): Promise<void>;
}

export function createPaperSaver(library: LibraryService, logger: Logger): PaperSaver {
  const requireStore = async (): Promise<LibraryStore | undefined> => {
    const store = await library.get();
    if (!store) {
      const choice = await vscode.window.showInformationMessage('Open a folder first: Paper Practice keeps your library as files in your workspace.', 'Open Folder', 'Create a Practice Folder…');
      if (choice === 'Open Folder') await vscode.commands.executeCommand('workbench.action.files.openFolder');
      if (choice === 'Create a Practice Folder…') await vscode.commands.executeCommand('paperPractice.createPracticeFolder');
    }
    return store;
  };

  const savePapers = async (papers: PaperDetails[], status: PaperStatus = 'inbox') => {
    const store = await requireStore();
    if (!store) return;
    const added: LibraryEntry[] = [];
    try {
      const template = await noteTemplate();
      for (const paper of papers) {
        const { body, unknown } = renderNoteTemplate(template, noteValuesFromPaper(paper));
        if (unknown.length) logger.warn(`${NOTE_TEMPLATE_PATH}: unknown placeholders ${unknown.map((u) => `{{${u.name}}} (line ${u.line})`).join(', ')} were left as written`);
        const { entry, created } = await store.add(paper, { status, body });
        if (created) added.push(entry);
        else if (entry.record.status !== status && status !== 'inbox') await store.update(paper.id, { status });
      }
    } catch (e) {
      reportError(logger, 'Saving to the library failed', e);
      return;
    }
    const already = papers.length - added.length;
    const message = added.length === 1 ? `Saved "${plainTitle(added[0].record.title)}" to ${STATUS_LABELS[status]}.` : `Saved ${added.length} papers to ${STATUS_LABELS[status]}.`;
    vscode.window.setStatusBarMessage(`$(check) ${message}${already ? ` ${already} already in the library.` : ''}`, 4000);
  };

  return { requireStore, savePapers };
}

/** The workspace's note template (`.paper-practice/note-template.md`), or the default one. */
async function noteTemplate(): Promise<string> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return chooseNoteTemplate(undefined);
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, NOTE_TEMPLATE_PATH));
    return chooseNoteTemplate(Buffer.from(bytes).toString('utf8'));
  } catch {
    return chooseNoteTemplate(undefined);
  }
}
