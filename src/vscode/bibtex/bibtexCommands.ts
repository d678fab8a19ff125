import * as path from 'path';
import * as vscode from 'vscode';
import type { PaperDetails } from '../../core/arxiv/types';
import { exportBibtex, type BibtexOptions } from '../../core/bibtex/export';
import { validateKeyTemplate } from '../../core/bibtex/citeKey';
import { STATUSES, STATUS_LABELS } from '../../core/library/record';
import { paperFromRecord } from '../../core/library/recordPaper';
import { reportError } from '../errors';
import type { LibraryService } from '../library/libraryService';
import { statusTitle } from '../library/libraryTree';
import type { Logger } from '../logger';
import { libraryEntriesOf } from '../paperArgs';
import { settings } from '../settings';

type Handler = (...args: unknown[]) => unknown;

/** The BibTeX options from settings; a broken key template falls back to the default, with a warning. */
function bibtexOptions(logger: Logger): BibtexOptions {
  const keyTemplate = settings.section().get<string>('bibtex.keyTemplate', '{auth}{year}{shorttitle}');
  const invalid = validateKeyTemplate(keyTemplate);
  if (invalid) {
    logger.warn(`paperPractice.bibtex.keyTemplate: ${invalid}`);
    void vscode.window.showWarningMessage(`${invalid} (using the default for now).`);
  }
  return { keyTemplate: invalid ? undefined : keyTemplate, unicode: settings.section().get<'tex' | 'utf8'>('bibtex.unicode', 'tex') };
}

export function bibtexCommands(deps: {
  library: LibraryService;
  logger: Logger;
  resolvePaper: (arg: unknown) => Promise<PaperDetails | undefined>;
}): Record<string, Handler> {
  const { library, logger } = deps;
  return {
    'paperPractice.copyBibtex': async (arg?: unknown, selection?: unknown) => {
      const entries = await libraryEntriesOf(library, arg, selection);
      const papers = entries.length > 1 ? entries.map((e) => paperFromRecord(e.record)) : [await deps.resolvePaper(arg)].filter((p): p is PaperDetails => !!p);
      if (!papers.length) return;
      await vscode.env.clipboard.writeText(exportBibtex(papers, bibtexOptions(logger)));
      vscode.window.setStatusBarMessage(`$(clippy) Copied BibTeX for ${papers.length === 1 ? `arXiv:${papers[0].id}` : `${papers.length} papers`}`, 4000);
    },

    'paperPractice.exportBibtex': async (arg?: unknown, selection?: unknown) => {
      const store = await library.get();
      if (!store) return;
      let entries = await libraryEntriesOf(library, arg, selection);
      let name = 'references';
      const node = arg as { kind?: string; status?: string; tag?: string | null } | undefined;
      if (node?.kind === 'status' || node?.kind === 'tag') {
        entries = store.entries.filter((e) => (node.kind === 'status' ? e.record.status === node.status : node.tag ? e.record.tags.includes(node.tag) : e.record.tags.length === 0));
        name = node.kind === 'status' ? String(node.status) : node.tag ?? 'untagged';
      } else if (!entries.length) {
        const tags = [...new Set(store.entries.flatMap((e) => e.record.tags))].sort();
        const scope = await vscode.window.showQuickPick(
          [
            { label: 'Whole library', description: `${store.entries.length} papers`, pick: () => store.entries, name: 'library' },
            ...STATUSES.map((s) => {
              const list = store.entries.filter((e) => e.record.status === s);
              return { label: statusTitle(s), description: `${list.length} papers`, pick: () => list, name: STATUS_LABELS[s].replace(' ', '-') };
            }),
            ...tags.map((t) => {
              const list = store.entries.filter((e) => e.record.tags.includes(t));
              return { label: `#${t}`, description: `${list.length} papers`, pick: () => list, name: t };
            }),
          ],
          { title: 'Export BibTeX: which papers?' },
        );
        if (!scope) return;
        entries = scope.pick();
        name = scope.name;
      }
      if (!entries.length) {
        void vscode.window.showInformationMessage('No papers to export.');
        return;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        title: `Export BibTeX for ${entries.length} papers`,
        defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.bib`) : undefined,
        filters: { BibTeX: ['bib'] },
      });
      if (!target) return;
      try {
        const text = exportBibtex(entries.map((e) => paperFromRecord(e.record)), bibtexOptions(logger));
        await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
        void vscode.window.showInformationMessage(`Exported ${entries.length} BibTeX entries to ${path.basename(target.fsPath)}.`, 'Open').then((open) => {
          if (open) void vscode.window.showTextDocument(target);
        });
      } catch (e) {
        reportError(logger, 'Exporting BibTeX failed', e);
      }
    },
  };
}
