import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PracticeNode } from '../../src/vscode/practice/practiceTree';
import type { FeedsNode } from '../../src/vscode/feeds/feedsTree';
import { api, setSetting, waitFor } from './helpers';

async function practiceItems(): Promise<Map<string, vscode.TreeItem>> {
  const tree = (await api()).views.practice;
  const nodes = await tree.getChildren();
  return new Map(nodes.map((n: PracticeNode) => [n.kind, tree.getTreeItem(n)]));
}

async function unsavedFeedPaper() {
  const exports = await api();
  const store = await exports.library.get();
  const subs = (await exports.views.feeds.getChildren()).filter((n): n is Extract<FeedsNode, { kind: 'subscription' }> => n.kind === 'subscription');
  const paper = subs.flatMap((s) => s.cache.papers.map((p) => p.paper)).find((p) => !store?.get(p.id));
  if (!paper) throw new Error('every feed paper is already in the library');
  return paper;
}

describe('Practice: goals, streak, status bar and page', function () {
  this.timeout(60_000);

  const added: string[] = [];

  before(async () => {
    await setSetting('paperPractice.goals.papersReadPerWeek', 2);
    await setSetting('paperPractice.goals.replicationsPerMonth', 1);
  });

  after(async () => {
    const store = await (await api()).library.get();
    for (const id of added) await store?.remove(id, { deleteFiles: true });
  });

  it('counts a paper marked read today in the Practice view and the status bar', async () => {
    const exports = await api();
    const before = (await exports.practice.summary())!.thisWeek.count;
    const paper = await unsavedFeedPaper();
    await vscode.commands.executeCommand('paperPractice.setStatus', paper, 'read');
    added.push(paper.id);
    const record = await waitFor(async () => (await exports.library.get())?.get(paper.id)?.record, 'the paper saved as read');
    assert.strictEqual(record.status, 'read');
    assert.ok(record.finished, 'marking a paper read records the day it was finished');

    const week = await waitFor(async () => {
      const item = (await practiceItems()).get('week');
      return String(item?.description).startsWith(`${before + 1}/2 paper`) && item;
    }, 'the Practice view to count the paper');
    assert.match(String(week.description), before + 1 >= 2 ? /goal met/ : /1 to go/);
    await exports.practiceStatus.updated;
    const text = await waitFor(() => exports.practiceStatus.text?.includes(`${before + 1}/2 this week`) && exports.practiceStatus.text, () => `status bar to say ${before + 1}/2, it says ${exports.practiceStatus.text}`);
    assert.match(text, /^\$\((book|pass-filled)\) /);
    const recent = await exports.views.practice.getChildren((await exports.views.practice.getChildren()).find((n) => n.kind === 'recent'));
    assert.ok(recent.some((n) => n.kind === 'paper' && n.paper.id === paper.id), 'the paper is listed as finished recently');
  });

  it('keeps a streak once the week meets the goal, and follows the goal settings', async () => {
    const exports = await api();
    const count = (await exports.practice.summary())!.thisWeek.count;
    await setSetting('paperPractice.goals.papersReadPerWeek', count);
    const streak = await waitFor(async () => {
      const item = (await practiceItems()).get('streak');
      return /^[1-9]\d* weeks? · longest/.test(String(item?.description)) && item;
    }, 'a streak of at least one week');
    assert.ok(streak);
    const week = (await practiceItems()).get('week')!;
    assert.match(String(week.description), /goal met/);
    assert.ok((week.iconPath as vscode.ThemeIcon).id === 'pass-filled');
    await waitFor(() => exports.practiceStatus.text?.includes('$(flame)'), 'the streak in the status bar');

    await setSetting('paperPractice.goals.papersReadPerWeek', count + 5);
    await waitFor(async () => String((await practiceItems()).get('week')?.description).includes('5 to go'), 'the new goal');
  });

  it('opens the Practice page with this week, the streak and today in the year heat map', async () => {
    const exports = await api();
    await vscode.commands.executeCommand('paperPractice.showPractice');
    const summary = (await exports.practice.summary())!;
    const html = await waitFor(() => exports.practicePanel.html?.includes('A year of practice') && exports.practicePanel.html, 'the Practice page');
    assert.ok(html.includes('Content-Security-Policy'), 'the page has a CSP');
    const todayCell = new RegExp(`data-date="${summary.today}" data-count="(\\d+)"`).exec(html);
    assert.ok(todayCell, `no heat map cell for ${summary.today}`);
    assert.ok(Number(todayCell[1]) >= 1, 'today has the paper read in the first test');
    assert.ok(html.includes(`${summary.thisWeek.count}<span class="unit"> / ${summary.thisWeek.goal}</span>`));
    assert.strictEqual((html.match(/class="cell l\d"/g) ?? []).length - 5, summary.heatMap.weeks.flat().filter((c) => !c.future).length, 'one cell per past day, plus the legend');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
