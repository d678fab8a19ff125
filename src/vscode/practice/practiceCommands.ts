import * as vscode from 'vscode';
import { settings } from '../settings';
import type { PracticePanel } from './practicePanel';

type Handler = (...args: unknown[]) => unknown;

/** Commands of the practice loop: the Practice page and the goals. */
export function practiceCommands(deps: { panel: PracticePanel }): Record<string, Handler> {
  return {
    'paperPractice.showPractice': () => deps.panel.show(),
    'paperPractice.setGoals': async () => {
      const goals = settings.goals();
      const papers = await askCount('Weekly goal: papers finished reading', goals.papersReadPerWeek, 'papers a week');
      if (papers === undefined) return;
      const replications = await askCount('Monthly goal: replications finished', goals.replicationsPerMonth, 'replications a month');
      if (replications === undefined) return;
      // Goals are personal, so they follow the user (and Settings Sync) rather than one workspace.
      await settings.section().update('goals.papersReadPerWeek', papers, vscode.ConfigurationTarget.Global);
      await settings.section().update('goals.replicationsPerMonth', replications, vscode.ConfigurationTarget.Global);
    },
  };
}

async function askCount(title: string, current: number, unit: string): Promise<number | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    value: String(current),
    prompt: `How many ${unit}? 0 turns the goal off.`,
    validateInput: (v) => (/^\s*\d{1,3}\s*$/.test(v) ? undefined : 'Enter a whole number from 0 to 999'),
  });
  return value === undefined ? undefined : Number(value.trim());
}
