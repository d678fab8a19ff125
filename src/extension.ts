import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { DetailPanels } from './vscode/detail/detailPanels';
import { FeedRefresher } from './vscode/feeds/feedRefresher';
import { scheduleDailyRefresh } from './vscode/feeds/dailySchedule';
import { LibraryIndex } from './vscode/library/libraryIndex';
import { LibraryService } from './vscode/library/libraryService';
import { registerNoteCodeLens, type NoteCodeLensProvider } from './vscode/library/noteCodeLens';
import { createPaperSaver } from './vscode/library/paperSaver';
import { createLogger } from './vscode/logger';
import { PracticePanel } from './vscode/practice/practicePanel';
import { PracticeService } from './vscode/practice/practiceService';
import { PracticeStatusBar } from './vscode/practice/practiceStatusBar';
import { Recommendations } from './vscode/ranking/recommendations';
import { registerReferenceProviders } from './vscode/references/referenceProviders';
import { registerReplication, type ReplicationExports } from './vscode/replication/registerReplication';
import { PdfEditorProvider, PDF_VIEW_TYPE } from './vscode/pdf/pdfEditor';
import { PdfService } from './vscode/pdf/pdfService';
import { Services } from './vscode/services';
import { registerViews, type Views } from './vscode/views/registerViews';

/** What activate() returns: the live views and services, so integration tests can observe them. */
export interface PaperPracticeExports {
  views: Views;
  library: LibraryService;
  detail: DetailPanels;
  services: Services;
  pdfEditor: PdfEditorProvider;
  pdfs: PdfService;
  index: LibraryIndex;
  replication: ReplicationExports;
  recommendations: Recommendations;
  practice: PracticeService;
  practicePanel: PracticePanel;
  practiceStatus: PracticeStatusBar;
  /** The status and next steps at the top of a paper's note. */
  noteLens: NoteCodeLensProvider;
  /** How long activate() itself took, for the activation benchmark. */
  activationMs: number;
}

/**
 * Entry point for the extension host. Activation stays cheap: it wires views and commands; the
 * library loads when its view is shown, and arXiv is contacted only when asked.
 */
export function activate(context: vscode.ExtensionContext): PaperPracticeExports {
  const started = performance.now();
  const logger = createLogger();
  const services = new Services(context, logger);
  const library = new LibraryService(context, logger);
  const recommendations = new Recommendations(context, services, library, logger);
  const detail = new DetailPanels(context.extensionUri, library, recommendations);
  const practice = new PracticeService(library);
  const practicePanel = new PracticePanel(context.extensionUri, practice, logger);
  context.subscriptions.push(logger, services, library, recommendations, detail, practice, practicePanel);

  // Saving is needed by the views (drag and drop) and by commands; one implementation serves both.
  const saver = createPaperSaver(library, logger);
  const replication = registerReplication(context, { library, saver, logger });
  const references = registerReferenceProviders(context, { services, library, saver, logger });
  const noteLens = registerNoteCodeLens(context, library);
  const views = registerViews(context, {
    services,
    library,
    recommendations,
    practice,
    savePapers: saver.savePapers,
    moveEntries: async (ids, target) => {
      const store = await library.get();
      for (const id of ids) {
        if (target.status) await store?.update(id, { status: target.status });
        else if (target.tag !== undefined) await store?.update(id, target.tag ? { addTags: [target.tag] } : { tags: [] });
      }
    },
  });
  const refresher = new FeedRefresher(services, logger, () => {
    views.feeds.refresh();
    recommendations.invalidate();
  });
  const pdfs = new PdfService(context, library, logger);
  const index = new LibraryIndex(library);
  context.subscriptions.push(index);
  const commands = registerCommands(context, { logger, services, library, views, detail, refresher, saver, pdfs, index, replication, references, recommendations, practicePanel });
  const pdfEditor = new PdfEditorProvider(context.extensionUri, logger, commands.noteForPaper);
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(PDF_VIEW_TYPE, pdfEditor, { webviewOptions: { retainContextWhenHidden: true } }),
  );
  const practiceStatus = new PracticeStatusBar(practice, logger);
  context.subscriptions.push(scheduleDailyRefresh(refresher, logger), practiceStatus);

  const activationMs = performance.now() - started;
  logger.info(`Paper Practice activated in ${activationMs.toFixed(1)} ms`);
  return { views, library, detail, services, pdfEditor, pdfs, index, replication, recommendations, practice, practicePanel, practiceStatus, noteLens, activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
