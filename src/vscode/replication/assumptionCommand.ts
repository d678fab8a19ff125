/**
 * "Add Assumption": logs a detail the paper leaves out, what was decided, and where (the notebook
 * cell, the line of a script or of the note the command was run from) in the paper's
 * `replication.json`, through the same locked, atomic update the Python helper uses.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { nodeFileSystem } from '../../core/library/nodeFileSystem';
// From the modules themselves, not the index (see editorStatus.ts).
import { addAssumption, assumptionForTopic, assumptionTextProblem, codeLocation, locationText } from '../../core/replication/assumptions';
import type { Assumption, CodeLocation, ReplicationManifest } from '../../core/replication/manifest';
import { plainTitle } from '../../core/text/texText';
import { reportError } from '../errors';
import { existingReplication, type ReplicationDeps } from './replicationCommands';
import type { ReplicationState } from './replicationState';

export const ADD_ASSUMPTION = 'paperPractice.addAssumption';

/** Answers given by a caller (a keybinding's args, a test) instead of typed in the input boxes. */
interface GivenAnswers {
  topic?: string;
  decision?: string;
  rationale?: string;
  paper?: string;
}

function givenAnswers(x: unknown): GivenAnswers {
  if (typeof x !== 'object' || x === null) return {};
  const o = x as Record<string, unknown>;
  const text = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  return { topic: text('topic'), decision: text('decision'), rationale: text('rationale'), paper: text('paper') };
}

/** The file, and the line or notebook cell, the command was run from. */
function placeOfCommand(arg: unknown): { file: string; line: number | null; cell: number | null } | undefined {
  const target = arg instanceof vscode.Uri ? arg : undefined;
  const nb = vscode.window.activeNotebookEditor;
  if (nb && (!target || target.fsPath === nb.notebook.uri.fsPath)) {
    const index = nb.selection.start;
    const cell = index < nb.notebook.cellCount ? nb.notebook.cellAt(index) : undefined;
    const text = vscode.window.activeTextEditor;
    const line = cell && text?.document === cell.document ? text.selection.active.line + 1 : null;
    return { file: nb.notebook.uri.fsPath, line, cell: cell ? index + 1 : null };
  }
  const text = vscode.window.activeTextEditor;
  if (text && text.document.uri.scheme === 'file' && (!target || target.fsPath === text.document.uri.fsPath)) {
    return { file: text.document.uri.fsPath, line: text.selection.active.line + 1, cell: null };
  }
  return target?.scheme === 'file' ? { file: target.fsPath, line: null, cell: null } : undefined;
}

async function ask(manifest: ReplicationManifest, title: string, given: GivenAnswers): Promise<{ topic: string; decision: string } | undefined> {
  const topic =
    given.topic ??
    (await vscode.window.showInputBox({
      title: `Add Assumption (1/2): ${title}`,
      prompt: 'What detail does the paper leave out?',
      placeHolder: 'e.g. learning-rate schedule, data augmentation, train/validation split',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const problem = assumptionTextProblem(v, 'topic');
        if (problem) return problem;
        const existing = assumptionForTopic(manifest, v);
        return existing ? { message: `Updates ${existing.id}, decided so far: ${existing.decision}`, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
      },
    }));
  if (topic === undefined) return undefined;
  const decision =
    given.decision ??
    (await vscode.window.showInputBox({
      title: `Add Assumption (2/2): ${topic.trim()}`,
      prompt: 'What did you decide?',
      placeHolder: 'e.g. cosine decay, 5 warm-up epochs',
      value: assumptionForTopic(manifest, topic)?.decision,
      ignoreFocusOut: true,
      validateInput: (v) => assumptionTextProblem(v, 'decision'),
    }));
  if (decision === undefined) return undefined;
  return { topic, decision };
}

export function addAssumptionCommand(deps: ReplicationDeps, state: ReplicationState) {
  return async (arg?: unknown, answers?: unknown): Promise<Assumption | undefined> => {
    const given = givenAnswers(answers);
    try {
      const place = placeOfCommand(arg);
      const found = await existingReplication(deps, state, arg, 'Add Assumption', ': start one to log assumptions');
      if (!found) return undefined;
      const { entry, paths, parse } = found;
      const title = plainTitle(entry.record.title);
      const paperDir = path.dirname(entry.notePath);
      for (const field of ['topic', 'decision'] as const) {
        const problem = given[field] === undefined ? undefined : assumptionTextProblem(given[field], field);
        if (problem) {
          void vscode.window.showErrorMessage(`Add Assumption: ${problem}`);
          return undefined;
        }
      }
      const typed = await ask(parse.manifest, title, given);
      if (!typed) return undefined;

      // Only a place inside the paper's folder is a place of this replication.
      const inPaper = place && (place.file === paperDir || place.file.startsWith(paperDir + path.sep));
      const decidedIn: CodeLocation | null = inPaper ? codeLocation(paths.dir, place.file, place) : null;
      const { assumption, updated } = await addAssumption(nodeFileSystem, paths.manifestPath, {
        ...typed,
        rationale: given.rationale ?? null,
        paper: given.paper ?? null,
        decidedIn,
      });
      await state.load(vscode.Uri.file(paths.manifestPath));
      const where = decidedIn ? ` (decided in ${locationText(decidedIn)})` : '';
      void vscode.window
        .showInformationMessage(`${updated ? 'Updated' : 'Logged'} assumption ${assumption.id}: ${assumption.topic} → ${assumption.decision}${where}.`, 'Open replication.json')
        .then((choice) => {
          if (choice) void vscode.window.showTextDocument(vscode.Uri.file(paths.manifestPath), { preview: false, viewColumn: vscode.ViewColumn.Beside });
        });
      return assumption;
    } catch (e) {
      reportError(deps.logger, 'Adding the assumption failed', e);
      return undefined;
    }
  };
}
