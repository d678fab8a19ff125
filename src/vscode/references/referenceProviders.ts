/**
 * arXiv references everywhere (issue 6): in any text document — markdown, code comments, LaTeX,
 * BibTeX, notebook cells, untitled buffers — every reference the core matcher finds becomes a link
 * that opens the paper, shows a hover with its title, authors, year, library status and abstract,
 * and offers a quick fix to add it to the library. A command imports every reference of a file.
 *
 * The providers are registered here; the two commands are returned for the command layer to
 * register (it owns the list of contributed commands).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { PaperDetails } from '../../core/arxiv/types';
import type { LibraryRecord } from '../../core/library/record';
import { paperFromRecord } from '../../core/library/recordPaper';
import { findArxivReferences, type ArxivReference } from '../../core/references/matcher';
import { plainTitle } from '../../core/text/texText';
import { describeError, isCancellation, reportError, signalOf } from '../errors';
import type { LibraryService } from '../library/libraryService';
import type { PaperSaver } from '../library/paperSaver';
import type { Logger } from '../logger';
import { paperIdOf } from '../paperArgs';
import type { Services } from '../services';
import {
  ADD_REFERENCE_COMMAND,
  HOVER_COMMANDS,
  IMPORT_REFERENCES_COMMAND,
  OPEN_PAPER_COMMAND,
  commandUri,
  paperHoverMarkdown,
  unknownHoverMarkdown,
} from './hoverMarkdown';
import { PaperLookup, isAbortError } from './paperLookup';

/** Every text document a person can write in: files, untitled buffers, notebook cells. */
export const REFERENCE_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-notebook-cell' },
];

/** Documents larger than this are not scanned (minified bundles, data dumps). */
const MAX_SCANNED_CHARS = 2_000_000;

export interface ReferenceDeps {
  services: Services;
  library: LibraryService;
  saver: PaperSaver;
  logger: Logger;
}

export interface ImportResult {
  /** Distinct ids referenced in the document. */
  referenced: string[];
  alreadyInLibrary: string[];
  added: string[];
  /** Ids arXiv does not know. */
  missing: string[];
}

type Handler = (...args: unknown[]) => unknown;

/** References of a document, computed once per version. */
class ReferenceIndex {
  private readonly byDocument = new WeakMap<vscode.TextDocument, { version: number; refs: ArxivReference[] }>();

  of(document: vscode.TextDocument): ArxivReference[] {
    const hit = this.byDocument.get(document);
    if (hit && hit.version === document.version) return hit.refs;
    const text = document.getText();
    const refs = text.length > MAX_SCANNED_CHARS ? [] : findArxivReferences(text);
    this.byDocument.set(document, { version: document.version, refs });
    return refs;
  }

  rangeOf(document: vscode.TextDocument, ref: ArxivReference): vscode.Range {
    return new vscode.Range(document.positionAt(ref.range.start), document.positionAt(ref.range.end));
  }

  at(document: vscode.TextDocument, position: vscode.Position): ArxivReference | undefined {
    const offset = document.offsetAt(position);
    return this.of(document).find((r) => r.range.start <= offset && offset <= r.range.end);
  }

  within(document: vscode.TextDocument, range: vscode.Range): ArxivReference[] {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    return this.of(document).filter((r) => r.range.start <= end && start <= r.range.end);
  }
}

export function openPaperUri(id: string): vscode.Uri {
  return vscode.Uri.parse(commandUri(OPEN_PAPER_COMMAND, [id]));
}

export function registerReferenceProviders(context: vscode.ExtensionContext, deps: ReferenceDeps): { commands: Record<string, Handler> } {
  const { services, library, saver, logger } = deps;
  const index = new ReferenceIndex();
  const lookup = new PaperLookup(() => (ids, opts) => services.arxiv.getByIds(ids, opts));

  /** The library record of an id; loads the library on first use (no folder: none). */
  const recordOf = async (id: string): Promise<LibraryRecord | undefined> => {
    const store = library.loaded ?? (await library.get().catch(() => undefined));
    return store?.get(id)?.record;
  };

  const links: vscode.DocumentLinkProvider = {
    provideDocumentLinks(document) {
      return index.of(document).map((ref) => {
        const link = new vscode.DocumentLink(index.rangeOf(document, ref), openPaperUri(ref.id));
        link.tooltip = `Open arXiv:${ref.id} in Paper Practice`;
        return link;
      });
    },
  };

  const hovers: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      const ref = index.at(document, position);
      if (!ref) return undefined;
      const range = index.rangeOf(document, ref);
      const markdown = await hoverText(ref.id, token);
      if (markdown === undefined || token.isCancellationRequested) return undefined;
      const content = new vscode.MarkdownString(markdown);
      // Only our own links may run commands, and only these two.
      content.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      content.supportHtml = false;
      content.supportThemeIcons = false;
      return new vscode.Hover(content, range);
    },
  };

  const hoverText = async (id: string, token: vscode.CancellationToken): Promise<string | undefined> => {
    const record = await recordOf(id);
    if (record) return paperHoverMarkdown({ paper: paperFromRecord(record), status: record.status });
    try {
      const { paper, stale } = await lookup.get(id, signalOf(token));
      if (!paper) return unknownHoverMarkdown(id, 'arXiv has no paper with this identifier.');
      return paperHoverMarkdown({ paper, status: null, stale });
    } catch (e) {
      if (isAbortError(e) || isCancellation(e) || token.isCancellationRequested) return undefined;
      logger.warn(`Hover for arXiv:${id}: ${describeError(e)}`);
      return unknownHoverMarkdown(id, describeError(e));
    }
  };

  const actions: vscode.CodeActionProvider = {
    async provideCodeActions(document, range, _context, token) {
      const refs = index.within(document, range);
      if (!refs.length) return [];
      const out: vscode.CodeAction[] = [];
      const seen = new Set<string>();
      for (const ref of refs) {
        if (seen.has(ref.id)) continue;
        seen.add(ref.id);
        if (await recordOf(ref.id)) continue;
        if (token.isCancellationRequested) return [];
        const action = new vscode.CodeAction(`Add arXiv:${ref.id} to library`, vscode.CodeActionKind.QuickFix);
        action.command = { command: ADD_REFERENCE_COMMAND, title: action.title, arguments: [ref.id] };
        out.push(action);
      }
      const all = new Set(index.of(document).map((r) => r.id));
      if (all.size > 1 && out.length) {
        const importAll = new vscode.CodeAction(`Import the ${all.size} arXiv papers referenced in this file`, vscode.CodeActionKind.QuickFix);
        importAll.command = { command: IMPORT_REFERENCES_COMMAND, title: importAll.title, arguments: [document.uri] };
        out.push(importAll);
      }
      return out;
    },
  };

  context.subscriptions.push(
    vscode.languages.registerDocumentLinkProvider(REFERENCE_SELECTOR, links),
    vscode.languages.registerHoverProvider(REFERENCE_SELECTOR, hovers),
    vscode.languages.registerCodeActionsProvider(REFERENCE_SELECTOR, actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );

  /** Fetches one paper with a cancellable notification; undefined after telling the user why. */
  const fetchPaper = async (id: string): Promise<PaperDetails | undefined> => {
    try {
      const { paper } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Fetching arXiv:${id}`, cancellable: true },
        (_p, token) => lookup.get(id, signalOf(token)),
      );
      if (!paper) void vscode.window.showWarningMessage(`arXiv has no paper ${id}.`);
      return paper ?? undefined;
    } catch (e) {
      if (!isAbortError(e)) reportError(logger, `Fetching arXiv:${id} failed`, e);
      return undefined;
    }
  };

  const addReferenceToLibrary = async (arg?: unknown): Promise<boolean> => {
    const id = paperIdOf(arg);
    if (!id) return false;
    const store = await saver.requireStore();
    if (!store) return false;
    const existing = store.get(id);
    if (existing) {
      vscode.window.setStatusBarMessage(`$(check) "${plainTitle(existing.record.title)}" is already in the library.`, 4000);
      return true;
    }
    const paper = await fetchPaper(id);
    if (!paper) return false;
    await saver.savePapers([paper]);
    return !!store.get(paper.id);
  };

  const importReferencesFromFile = async (arg?: unknown): Promise<ImportResult | undefined> => {
    const source = await sourceText(arg);
    if (!source) {
      void vscode.window.showInformationMessage('Open a file with arXiv references first.');
      return undefined;
    }
    const referenced = [...new Set(findArxivReferences(source.text).map((r) => r.id))];
    const result: ImportResult = { referenced, alreadyInLibrary: [], added: [], missing: [] };
    if (!referenced.length) {
      void vscode.window.showInformationMessage(`No arXiv references found in ${source.name}.`);
      return result;
    }
    const store = await saver.requireStore();
    if (!store) return undefined;
    result.alreadyInLibrary = referenced.filter((id) => store.get(id));
    const wanted = referenced.filter((id) => !store.get(id));
    if (!wanted.length) {
      void vscode.window.showInformationMessage(`All ${countOf(referenced.length)} referenced in ${source.name} ${referenced.length === 1 ? 'is' : 'are'} already in the library.`);
      return result;
    }
    let papers: PaperDetails[];
    try {
      const found = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Looking up ${countOf(wanted.length)} from ${source.name} on arXiv`, cancellable: true },
        (_p, token) => services.arxiv.getByIds(wanted, { signal: signalOf(token), staleOnError: true }),
      );
      papers = wanted.map((id) => found.papers[id]).filter((p): p is PaperDetails => !!p);
      result.missing = wanted.filter((id) => !found.papers[id]);
    } catch (e) {
      reportError(logger, `Importing the papers referenced in ${source.name} failed`, e);
      return undefined;
    }
    lookup.remember(papers);
    if (papers.length) await saver.savePapers(papers);
    result.added = papers.map((p) => p.id).filter((id) => store.get(id));
    const parts = [`Added ${countOf(result.added.length)} from ${source.name} to the library.`];
    if (result.alreadyInLibrary.length) parts.push(`${result.alreadyInLibrary.length} already there.`);
    if (result.missing.length) parts.push(`arXiv has no paper ${result.missing.join(', ')}.`);
    const failed = papers.length - result.added.length;
    if (failed > 0) parts.push(`${failed} could not be saved (see the log).`);
    void vscode.window.showInformationMessage(parts.join(' '));
    return result;
  };

  return {
    commands: {
      [ADD_REFERENCE_COMMAND]: addReferenceToLibrary,
      [IMPORT_REFERENCES_COMMAND]: importReferencesFromFile,
    },
  };
}

function countOf(n: number): string {
  return `${n} paper${n === 1 ? '' : 's'}`;
}

/**
 * The text to import from: a file given by URI (explorer or editor title menu, the quick fix), or
 * the active editor; for a notebook, all its cells.
 */
async function sourceText(arg: unknown): Promise<{ text: string; name: string } | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : undefined;
  const notebook = uri
    ? vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === uri.toString() || n.getCells().some((c) => c.document.uri.toString() === uri.toString()))
    : vscode.window.activeNotebookEditor?.notebook;
  const activeIsCell = vscode.window.activeTextEditor?.document.uri.scheme === 'vscode-notebook-cell';
  if (notebook && (uri || activeIsCell || !vscode.window.activeTextEditor)) {
    return { text: notebook.getCells().map((c) => c.document.getText()).join('\n'), name: path.basename(notebook.uri.path) };
  }
  let document: vscode.TextDocument | undefined;
  if (uri) {
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      return undefined;
    }
  } else {
    document = vscode.window.activeTextEditor?.document;
  }
  if (!document) return undefined;
  return { text: document.getText(), name: document.isUntitled ? 'this file' : path.basename(document.uri.path) };
}
