/**
 * "Start Replication" and "Export Replication Report". Both take what any command takes (a paper,
 * an id, a tree node; or nothing from the palette) and also a file of a replication (explorer).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Paper, PaperDetails } from '../../core/arxiv/types';
import { nodeFileSystem } from '../../core/library/nodeFileSystem';
import { paperFromRecord } from '../../core/library/recordPaper';
import type { LibraryEntry, LibraryStore } from '../../core/library/store';
import { type Framework, type ReplicationManifest, scaffoldPaths } from '../../core/replication/manifest';
import { readManifestFile } from '../../core/replication/manifestFile';
import type { ManifestParse } from '../../core/replication/parseManifest';
import type { ScaffoldResult } from '../../core/replication/tools';
import { plainTitle } from '../../core/text/texText';
import { reportError, signalOf } from '../errors';
import type { PaperSaver } from '../library/paperSaver';
import type { LibraryService } from '../library/libraryService';
import type { Logger } from '../logger';
import { paperIdOf, paperOf } from '../paperArgs';
import { settings } from '../settings';
import type { ReplicationState } from './replicationState';
import { replicationTools } from './tools';

export const START_REPLICATION = 'paperPractice.startReplication';
export const EXPORT_REPLICATION_REPORT = 'paperPractice.exportReplicationReport';
export const FRAMEWORK_SETTING = 'replication.framework';
export const LAST_FRAMEWORK_KEY = 'paperPractice.replication.lastFramework';
export const REPORT_FILE = 'REPORT.md';

export interface ReplicationDeps {
  library: LibraryService;
  saver: PaperSaver;
  logger: Logger;
}

export type StartResult = { status: ScaffoldResult['status']; dir: string; manifestPath: string; notebookPath: string } | undefined;

const FRAMEWORK_ITEMS: Array<vscode.QuickPickItem & { framework: Framework }> = [
  { label: 'PyTorch', description: 'torch, torchvision', framework: 'pytorch' },
  { label: 'TensorFlow / Keras', description: 'tensorflow, keras', framework: 'keras' },
];

/** The setting decides when it names a framework; "ask" (the default) shows a pick, the last choice first. */
export async function chooseFramework(context: vscode.ExtensionContext): Promise<Framework | undefined> {
  const setting = vscode.workspace.getConfiguration('paperPractice').get<string>(FRAMEWORK_SETTING, 'ask');
  if (setting === 'pytorch' || setting === 'keras') return setting;
  const last = context.globalState.get<Framework>(LAST_FRAMEWORK_KEY);
  const items = [...FRAMEWORK_ITEMS].sort((a, b) => Number(b.framework === last) - Number(a.framework === last));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Start Replication',
    placeHolder: 'Framework for the notebook and requirements',
  });
  if (!picked) return undefined;
  await context.globalState.update(LAST_FRAMEWORK_KEY, picked.framework);
  return picked.framework;
}

/** The library entry a command means: from its argument, the active replication file, or a pick. */
export async function entryFor(store: LibraryStore, arg: unknown, state: ReplicationState, pickTitle: string): Promise<LibraryEntry | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : arg === undefined ? activeUri() : undefined;
  if (uri) {
    const byFolder = entryInFolder(store, uri);
    if (byFolder) return byFolder;
    const info = state.infoFor(uri);
    const id = info?.parse.manifest?.paper.id;
    if (id && store.get(id)) return store.get(id);
    if (arg instanceof vscode.Uri) return undefined;
  }
  const id = paperIdOf(arg);
  if (id) return store.get(id);
  const entries = [...store.entries].sort((a, b) => Number(b.record.status === 'replicating') - Number(a.record.status === 'replicating'));
  if (!entries.length) {
    void vscode.window.showInformationMessage('Your library is empty: save a paper first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((e) => ({ label: plainTitle(e.record.title), description: `${e.record.id} · ${e.record.status}`, entry: e })),
    { title: pickTitle, placeHolder: 'Paper', matchOnDescription: true },
  );
  return picked?.entry;
}

export function activeUri(): vscode.Uri | undefined {
  return vscode.window.activeNotebookEditor?.notebook.uri ?? vscode.window.activeTextEditor?.document.uri;
}

/** The entry whose paper folder holds `uri`. */
function entryInFolder(store: LibraryStore, uri: vscode.Uri): LibraryEntry | undefined {
  if (uri.scheme !== 'file' && uri.scheme !== 'vscode-notebook-cell') return undefined;
  const p = uri.fsPath;
  return store.entries.find((e) => {
    const dir = path.dirname(e.notePath);
    return p === dir || p.startsWith(dir + path.sep);
  });
}

async function openReplication(notebookPath: string, manifestPath: string): Promise<void> {
  const notebook = vscode.Uri.file(notebookPath);
  const manifest = vscode.Uri.file(manifestPath);
  if (await nodeFileSystem.stat(notebookPath)) {
    await vscode.commands.executeCommand('vscode.open', notebook);
    await vscode.window.showTextDocument(manifest, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  } else {
    await vscode.window.showTextDocument(manifest, { preview: false });
  }
}

/**
 * Writes the scaffold under a cancellable progress notification. The slow part is asking Hugging
 * Face for official code and artifacts; cancelling (or a failed lookup) only leaves them out of
 * the README, which then says so: the scaffold is written either way.
 */
async function scaffoldWithProgress(paperDir: string, paper: Paper, framework: Framework, title: string): Promise<ScaffoldResult> {
  const baseUrl = settings.huggingFaceUrl();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Starting the replication of "${title}"`, cancellable: true },
    (progress, token) => {
      if (baseUrl) progress.report({ message: 'looking up official code and artifacts on Hugging Face…' });
      return replicationTools().createScaffold(nodeFileSystem, paperDir, paper, { framework, huggingFace: baseUrl ? { baseUrl, signal: signalOf(token) } : null });
    },
  );
}

export function startReplicationCommand(context: vscode.ExtensionContext, deps: ReplicationDeps, state: ReplicationState) {
  return async (arg?: unknown): Promise<StartResult> => {
    try {
      const store = await deps.saver.requireStore();
      if (!store) return undefined;
      const given: PaperDetails | undefined = paperOf(arg);
      if (given && !store.get(given.id)) {
        await deps.saver.savePapers([given]);
        if (!store.get(given.id)) return undefined; // saving failed and was reported
      }
      const entry = await entryFor(store, arg, state, 'Start Replication');
      if (!entry) {
        const id = paperIdOf(arg);
        if (id) void vscode.window.showErrorMessage(`Paper ${id} is not in the library: save it first.`);
        return undefined;
      }
      const paperDir = path.dirname(entry.notePath);
      const paths = scaffoldPaths(paperDir);
      const title = plainTitle(entry.record.title);

      let result: ScaffoldResult;
      if (await nodeFileSystem.stat(paths.manifestPath)) {
        result = { status: 'exists', ...paths };
      } else {
        const framework = await chooseFramework(context);
        if (!framework) return undefined;
        result = await scaffoldWithProgress(paperDir, given ?? paperFromRecord(entry.record), framework, title);
      }

      if (entry.record.status !== 'replicating' && entry.record.status !== 'replicated') {
        await store.update(entry.record.id, { status: 'replicating' });
      }
      await state.load(vscode.Uri.file(result.manifestPath));
      await openReplication(result.notebookPath, result.manifestPath);

      if (result.status === 'exists') {
        void vscode.window.showInformationMessage(`"${title}" already has a replication: opened it. Nothing was overwritten.`);
      } else {
        const claims = result.manifest.claims.length;
        const prefilled = claims
          ? `${claims} claim${claims === 1 ? '' : 's'} prefilled from the abstract: check them against the paper and set "confirmed".`
          : 'No claims found in the abstract: add them to replication.json.';
        const kept = result.kept.length ? ` Kept your existing ${result.kept.join(', ')}.` : '';
        if (result.artifactsNote) deps.logger.warn(`Official code and artifacts of ${entry.record.id}: ${result.artifactsNote}`);
        const artifacts = result.artifactsNote ? ' Official code and artifacts could not be looked up (the README says so).' : '';
        void vscode.window.showInformationMessage(`Replication of "${title}" started. ${prefilled}${kept}${artifacts}`);
      }
      return { status: result.status, dir: result.dir, manifestPath: result.manifestPath, notebookPath: result.notebookPath };
    } catch (e) {
      reportError(deps.logger, 'Starting the replication failed', e);
      return undefined;
    }
  };
}

/**
 * The replication a command on an existing one means (from its argument, the active file or a
 * pick), with its manifest read. Says why and gives undefined when there is none or it does not
 * parse; offers to start one when the paper has none.
 */
export async function existingReplication(
  deps: ReplicationDeps,
  state: ReplicationState,
  arg: unknown,
  pickTitle: string,
  noneYet: string,
): Promise<{ entry: LibraryEntry; paths: ReturnType<typeof scaffoldPaths>; parse: ManifestParse & { manifest: ReplicationManifest } } | undefined> {
  const store = await deps.saver.requireStore();
  if (!store) return undefined;
  const entry = await entryFor(store, arg, state, pickTitle);
  if (!entry) {
    const id = paperIdOf(arg);
    if (id || arg instanceof vscode.Uri) void vscode.window.showErrorMessage(`No paper of the library found for ${id ?? (arg as vscode.Uri).fsPath}.`);
    return undefined;
  }
  const paths = scaffoldPaths(path.dirname(entry.notePath));
  if (!(await nodeFileSystem.stat(paths.manifestPath))) {
    const choice = await vscode.window.showInformationMessage(`"${plainTitle(entry.record.title)}" has no replication yet${noneYet}.`, 'Start Replication');
    if (choice === 'Start Replication') await vscode.commands.executeCommand(START_REPLICATION, entry.record.id);
    return undefined;
  }
  const parse = await readManifestFile(nodeFileSystem, paths.manifestPath);
  if (!parse.manifest) {
    void vscode.window.showErrorMessage(`replication.json cannot be read: ${parse.problems[0]?.message ?? 'not a JSON object'}. Fix it first.`);
    return undefined;
  }
  return { entry, paths, parse: parse as ManifestParse & { manifest: ReplicationManifest } };
}

export function exportReportCommand(deps: ReplicationDeps, state: ReplicationState) {
  return async (arg?: unknown): Promise<string | undefined> => {
    try {
      const found = await existingReplication(deps, state, arg, 'Export Replication Report', '');
      if (!found) return undefined;
      const { entry, paths, parse } = found;
      if (!parse.manifest) return undefined;
      const reportPath = path.join(paths.dir, REPORT_FILE);
      const text = replicationTools().renderReport(parse.manifest, paperFromRecord(entry.record), entry.body);
      if (!(await nodeFileSystem.createExclusive(reportPath, text))) {
        const choice = await vscode.window.showWarningMessage(
          `${REPORT_FILE} already exists in this replication. Replace it with a fresh report?`,
          { modal: true },
          'Replace',
          'Open Existing',
        );
        if (choice === 'Replace') await nodeFileSystem.writeFile(reportPath, text);
        else if (choice !== 'Open Existing') return undefined;
      }
      await vscode.window.showTextDocument(vscode.Uri.file(reportPath), { preview: false });
      const errors = parse.problems.filter((p) => p.severity === 'error').length;
      if (errors) void vscode.window.showWarningMessage(`The report left out what replication.json gets wrong (${errors} problem${errors === 1 ? '' : 's'}: see Problems).`);
      return reportPath;
    } catch (e) {
      reportError(deps.logger, 'Exporting the replication report failed', e);
      return undefined;
    }
  };
}
