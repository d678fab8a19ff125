import * as vscode from 'vscode';
import type { PaperDetails } from '../core/arxiv/types';
import { STATUS_LABELS } from '../core/library/record';
import { plainTitle } from '../core/text/texText';
import { bibtexCommands } from './bibtex/bibtexCommands';
import type { DetailPanels } from './detail/detailPanels';
import { reportError, signalOf } from './errors';
import { feedCommands } from './feeds/feedCommands';
import type { FeedRefresher } from './feeds/feedRefresher';
import { libraryCommands } from './library/libraryCommands';
import type { LibraryIndex } from './library/libraryIndex';
import type { LibraryService } from './library/libraryService';
import type { PaperSaver } from './library/paperSaver';
import { PDF_VIEW_TYPE } from './pdf/pdfEditor';
import type { PdfService } from './pdf/pdfService';
import { practiceCommands } from './practice/practiceCommands';
import type { PracticePanel } from './practice/practicePanel';
import type { Recommendations } from './ranking/recommendations';
import { rankingCommands } from './ranking/rankingCommands';
import type { ReplicationExports } from './replication/registerReplication';
import type { Logger } from './logger';
import { paperForEntry, paperIdOf, paperOf } from './paperArgs';
import { createPracticeFolder } from './practiceFolder';
import type { Services } from './services';
import type { Views } from './views/registerViews';

export interface CommandServices {
  logger: Logger;
  services: Services;
  library: LibraryService;
  views: Views;
  detail: DetailPanels;
  refresher: FeedRefresher;
  saver: PaperSaver;
  pdfs: PdfService;
  index: LibraryIndex;
  replication: ReplicationExports;
  references: { commands: Record<string, Handler> };
  recommendations: Recommendations;
  practicePanel: PracticePanel;
}

/** What other parts of the extension need from the command layer. */
export interface CommandApi {
  /** The note of a paper (saving the paper to the library first if needed), for quotes from its PDF. */
  noteForPaper(id: string, version: number): Promise<vscode.Uri | undefined>;
}

type Handler = (...args: unknown[]) => unknown;

/**
 * The one place that registers commands. Every id here is contributed in package.json, and the
 * integration tests check the two lists agree.
 */
export function registerCommands(context: vscode.ExtensionContext, s: CommandServices): CommandApi {
  const openPaper = async (arg?: unknown): Promise<void> => {
    const paper = await resolvePaper(s, arg);
    if (!paper) return;
    s.detail.show(paper);
    const seen = await s.services.seen();
    if (seen.isUnseen(paper.id, paper.version)) {
      await seen.markSeen([paper]);
      s.views.feeds.refresh();
    }
  };

  const handlers: Record<string, Handler> = {
    'paperPractice.openSettings': (setting?: unknown) =>
      vscode.commands.executeCommand('workbench.action.openSettings', typeof setting === 'string' ? setting : '@ext:paper-practice.paper-practice'),
    'paperPractice.showLog': () => s.logger.show(true),
    'paperPractice.createPracticeFolder': () => createPracticeFolder(s.logger),
    'paperPractice.openPaper': openPaper,
    'paperPractice.openPdf': async (arg?: unknown) => {
      const paper = await resolvePaper(s, arg);
      if (!paper) return;
      try {
        const uri = await s.pdfs.ensure(paper);
        if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE);
      } catch (e) {
        reportError(s.logger, `The PDF of ${paper.id} could not be opened`, e);
      }
    },
    ...s.replication.commands,
    ...s.references.commands,
    ...bibtexCommands({ library: s.library, logger: s.logger, resolvePaper: (arg) => resolvePaper(s, arg) }),
    ...practiceCommands({ panel: s.practicePanel }),
    ...rankingCommands({ views: s.views, library: s.library, recommendations: s.recommendations }),
    ...feedCommands({
      services: s.services,
      logger: s.logger,
      tree: s.views.feeds,
      refresher: s.refresher,
      openPaper,
      savePapers: (papers) => s.saver.savePapers(papers),
      rankPapers: (papers) => s.recommendations.rankPapers(papers),
    }),
    ...libraryCommands({ services: s.services, library: s.library, logger: s.logger, tree: s.views.library, index: s.index, setGroupBy: s.views.setLibraryGroupBy, saver: s.saver }),
  };
  for (const [id, handler] of Object.entries(handlers)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
  return {
    async noteForPaper(id) {
      const store = await s.library.get();
      if (!store) return undefined;
      if (!store.get(id)) {
        const paper = await resolvePaper(s, id);
        if (paper) await s.saver.savePapers([paper]);
      }
      const entry = store.get(id);
      return entry ? vscode.Uri.file(entry.notePath) : undefined;
    },
  };
}

/** The paper a command means: carried by the argument, in the library, in the feed cache, or on arXiv. */
async function resolvePaper(s: CommandServices, arg: unknown): Promise<PaperDetails | undefined> {
  const carried = paperOf(arg);
  if (carried) return carried;
  const id = arg === undefined ? await pickLibraryPaper(s) : paperIdOf(arg);
  if (!id) return undefined;
  const entry = (await s.library.get())?.get(id);
  if (entry) return paperForEntry(entry);
  const cached = s.views.feeds.papersOf().find((p) => p.id === id);
  if (cached) return cached;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Fetching arXiv:${id}`, cancellable: true },
      (_p, token) => s.services.arxiv.getByIds([id], { signal: signalOf(token), staleOnError: true }),
    );
    const paper = Object.values(result.papers)[0];
    if (!paper) void vscode.window.showWarningMessage(`arXiv has no paper ${id}.`);
    return paper;
  } catch (e) {
    reportError(s.logger, `Opening ${id} failed`, e);
    return undefined;
  }
}

/** From the command palette: which library paper? Most recently touched first. */
async function pickLibraryPaper(s: CommandServices): Promise<string | undefined> {
  const store = await s.library.get();
  if (!store?.entries.length) {
    void vscode.window.showInformationMessage('Your library is empty: add a paper first (Paper Practice: Add Paper…).');
    return undefined;
  }
  const recent = (e: { record: { added: string; started: string | null; finished: string | null } }) => e.record.finished ?? e.record.started ?? e.record.added;
  const picked = await vscode.window.showQuickPick(
    [...store.entries]
      .sort((a, b) => recent(b).localeCompare(recent(a)))
      .map((e) => ({ label: plainTitle(e.record.title), description: `${e.record.id} · ${STATUS_LABELS[e.record.status]}`, id: e.record.id })),
    { title: 'Which paper?', matchOnDescription: true },
  );
  return picked?.id;
}
