import * as vscode from 'vscode';
import { formatArxivId, parseArxivId } from '../../core/arxiv/ids';
import { STATUSES, STATUS_LABELS, normalizeTags, parseStatus } from '../../core/library/record';
import type { LibraryEntry, LibraryStore } from '../../core/library/store';
import { plainTitle } from '../../core/text/texText';
import { reportError, signalOf } from '../errors';
import type { Logger } from '../logger';
import { libraryEntriesOf, paperIdOf, paperOf } from '../paperArgs';
import type { Services } from '../services';
import type { LibraryIndex } from './libraryIndex';
import type { LibraryService } from './libraryService';
import type { PaperSaver } from './paperSaver';
import { statusIcon, statusTitle, type LibraryTreeProvider } from './libraryTree';

type Handler = (...args: unknown[]) => unknown;

/** Splits a pasted list into candidate ids (one per line, or separated by spaces and commas). */
export function splitIdList(input: string): string[] {
  return input
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function validateIdList(input: string): string | undefined {
  const tokens = splitIdList(input);
  if (!tokens.length) return 'Paste one or more arXiv ids or links, e.g. 1706.03762 or https://arxiv.org/abs/hep-th/9901001';
  for (const token of tokens) {
    const r = parseArxivId(token);
    if (!r.ok) return `"${token}": ${r.reason}`;
  }
  return undefined;
}

export function libraryCommands(deps: {
  services: Services;
  library: LibraryService;
  logger: Logger;
  tree: LibraryTreeProvider;
  index: LibraryIndex;
  setGroupBy: (groupBy: 'status' | 'tag') => void;
  saver: PaperSaver;
}): Record<string, Handler> {
  const { services, library, logger } = deps;
  const { requireStore, savePapers } = deps.saver;

  const update = async (entries: LibraryEntry[], patch: Parameters<LibraryStore['update']>[1]) => {
    const store = await requireStore();
    if (!store) return;
    for (const entry of entries) {
      try {
        await store.update(entry.record.id, patch);
      } catch (e) {
        reportError(logger, `Updating ${entry.record.id} failed`, e);
      }
    }
  };

  const pickEntries = async (arg: unknown, selection: unknown, placeHolder: string): Promise<LibraryEntry[]> => {
    const entries = await libraryEntriesOf(library, arg, selection);
    if (entries.length) return entries;
    if (arg !== undefined) {
      // A paper was named (tree, link, detail tab) but is not, or no longer, in the library.
      void vscode.window.showWarningMessage(`${paperIdOf(arg) ?? 'This paper'} is not in the library${library.loaded?.problems.length ? ' (or its note cannot be read)' : ''}.`);
      return [];
    }
    const store = await requireStore();
    if (!store) return [];
    const picked = await vscode.window.showQuickPick(
      store.entries.map((entry) => ({ label: plainTitle(entry.record.title), description: `${entry.record.id} · ${STATUS_LABELS[entry.record.status]}`, entry })),
      { placeHolder, matchOnDescription: true },
    );
    return picked ? [picked.entry] : [];
  };

  return {
    'paperPractice.addPaper': async (initial?: unknown) => {
      const store = await requireStore();
      if (!store) return;
      const input = await vscode.window.showInputBox({
        title: 'Add papers to the library',
        prompt: 'arXiv ids or links, several at once: 1706.03762, arXiv:2010.11929v2, hep-th/9901001, https://arxiv.org/pdf/1512.03385',
        value: typeof initial === 'string' ? initial : '',
        validateInput: validateIdList,
        ignoreFocusOut: true,
      });
      if (!input) return;
      const ids = splitIdList(input).map((t) => {
        const r = parseArxivId(t);
        return r.ok ? formatArxivId(r.id.id) : t;
      });
      try {
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Looking up ${ids.length} paper${ids.length === 1 ? '' : 's'} on arXiv`, cancellable: true },
          (_p, token) => services.arxiv.getByIds([...new Set(ids)], { signal: signalOf(token), staleOnError: true }),
        );
        const papers = Object.values(result.papers);
        if (papers.length) await savePapers(papers);
        if (result.missing.length) void vscode.window.showWarningMessage(`arXiv has no paper ${result.missing.join(', ')}.`);
      } catch (e) {
        reportError(logger, 'Adding papers failed', e);
      }
    },

    'paperPractice.savePaper': async (arg?: unknown) => {
      const paper = paperOf(arg);
      if (paper) await savePapers([paper]);
      else await vscode.commands.executeCommand('paperPractice.addPaper', typeof arg === 'string' ? arg : undefined);
    },

    'paperPractice.setStatus': async (arg?: unknown, statusOrSelection?: unknown) => {
      // From the detail tab: (paper, status). From a tree: (node, selectedNodes).
      const given = typeof statusOrSelection === 'string' ? parseStatus(statusOrSelection) : undefined;
      const paper = paperOf(arg);
      if (paper && !(await library.get())?.get(paper.id)) {
        await savePapers([paper], given ?? 'inbox');
        return;
      }
      const entries = await pickEntries(arg, Array.isArray(statusOrSelection) ? statusOrSelection : undefined, 'Which paper?');
      if (!entries.length) return;
      let status = given;
      if (!status) {
        const picked = await vscode.window.showQuickPick(
          STATUSES.map((s) => ({ label: statusTitle(s), iconPath: statusIcon(s), status: s, picked: entries[0].record.status === s, description: entries[0].record.status === s ? 'current' : '' })),
          { title: entries.length === 1 ? `Status of "${plainTitle(entries[0].record.title)}"` : `Status of ${entries.length} papers` },
        );
        status = picked?.status;
      }
      if (status) await update(entries, { status });
    },

    'paperPractice.tagPaper': async (arg?: unknown, selection?: unknown) => {
      const entries = await pickEntries(arg, selection, 'Which paper?');
      if (!entries.length) return;
      const store = await library.get();
      const known = [...new Set(store?.entries.flatMap((e) => e.record.tags) ?? [])].sort();
      const value = await vscode.window.showInputBox({
        title: entries.length === 1 ? `Tags of "${plainTitle(entries[0].record.title)}"` : `Tags for ${entries.length} papers`,
        prompt: `Comma-separated.${known.length ? ` In use: ${known.join(', ')}` : ''}`,
        value: entries.length === 1 ? entries[0].record.tags.join(', ') : '',
      });
      if (value === undefined) return;
      const tags = normalizeTags(value.split(','));
      await update(entries, entries.length === 1 ? { tags } : { addTags: tags });
    },

    'paperPractice.removeFromLibrary': async (arg?: unknown, selection?: unknown) => {
      const entries = await pickEntries(arg, selection, 'Which paper?');
      if (!entries.length) return;
      const what = entries.length === 1 ? `"${plainTitle(entries[0].record.title)}"` : `${entries.length} papers`;
      const choice = await vscode.window.showWarningMessage(
        `Remove ${what} from the library?`,
        { modal: true, detail: 'Move to .removed keeps the folders (notes and replications) inside the library folder, out of the views; Delete erases them.' },
        'Move to .removed',
        'Delete',
      );
      if (!choice) return;
      const store = await requireStore();
      for (const entry of entries) {
        try {
          await store?.remove(entry.record.id, { deleteFiles: choice === 'Delete' });
        } catch (e) {
          reportError(logger, `Removing ${entry.record.id} failed`, e);
        }
      }
    },

    'paperPractice.openNotes': async (arg?: unknown) => {
      const paper = paperOf(arg);
      const store = await requireStore();
      if (!store) return;
      if (paper && !store.get(paper.id)) await savePapers([paper]);
      const entries = paper ? [store.get(paper.id)].filter((e): e is LibraryEntry => !!e) : await pickEntries(arg, undefined, 'Open the notes of…');
      if (!entries.length) return;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(entries[0].notePath));
      await vscode.window.showTextDocument(doc, { preview: false });
    },

    'paperPractice.findInLibrary': async () => {
      if (!(await requireStore())) return;
      const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
      quickPick.title = 'Find in library';
      quickPick.placeholder = 'Words from the title, authors, abstract, tags or your notes';
      // The index has already filtered and ranked; VS Code must not filter again on the label.
      quickPick.matchOnDescription = false;
      (quickPick as { filterOnLabel?: boolean }).filterOnLabel = false;
      let generation = 0;
      quickPick.onDidChangeValue(async (value) => {
        const mine = ++generation;
        const entries = value.trim() ? await deps.index.search(value) : [];
        if (mine !== generation) return; // a newer keystroke won
        quickPick.items = entries.map((entry) => ({
          id: entry.record.id,
          label: plainTitle(entry.record.title),
          description: `${entry.record.authors.slice(0, 3).join(', ')}${entry.record.authors.length > 3 ? ' et al.' : ''}`,
          detail: [STATUS_LABELS[entry.record.status], entry.record.id, ...entry.record.tags.map((t) => `#${t}`)].join(' · '),
          alwaysShow: true,
        }));
      });
      quickPick.onDidAccept(async () => {
        const picked = quickPick.selectedItems[0];
        quickPick.hide();
        if (picked) await vscode.commands.executeCommand('paperPractice.openPaper', picked.id);
      });
      quickPick.onDidHide(() => quickPick.dispose());
      quickPick.show();
    },

    'paperPractice.libraryGroupByStatus': () => deps.setGroupBy('status'),
    'paperPractice.libraryGroupByTag': () => deps.setGroupBy('tag'),
    'paperPractice.refreshLibrary': async () => {
      const store = await library.get();
      await store?.load();
      deps.tree.refresh();
    },
  };
}
