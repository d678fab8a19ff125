import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PaperDetails } from '../../src/core/arxiv/types';
import type { FeedsNode } from '../../src/vscode/feeds/feedsTree';
import { formatScore } from '../../src/core/ranking/feedOrder';
import { plainTitle } from '../../src/core/text/texText';
import { api, setSetting, waitFor } from './helpers';

type PaperNode = Extract<FeedsNode, { kind: 'paper' }>;
type SubscriptionNode = Extract<FeedsNode, { kind: 'subscription' }>;

const TAG = 'ml-taste';

async function subscriptions(): Promise<SubscriptionNode[]> {
  return (await (await api()).views.feeds.getChildren()).filter((n): n is SubscriptionNode => n.kind === 'subscription');
}

/** The Recommended group's papers once the ranking for `key` is ready. */
async function recommended(key: string): Promise<{ papers: PaperNode[]; messages: string[] }> {
  const exports = await api();
  const feeds = exports.views.feeds;
  const group = (await feeds.getChildren()).find((n) => n.kind === 'recommended');
  assert.ok(group, 'the Feeds view has a Recommended group');
  await feeds.getChildren(group); // showing the group is what starts a ranking
  await waitFor(() => {
    const state = exports.recommendations.state;
    return state.kind === 'ready' && state.key === key;
  }, () => `a ranking for ${key}, state ${exports.recommendations.state.kind}`, 30_000);
  const children = await feeds.getChildren(group);
  return {
    papers: children.filter((n): n is PaperNode => n.kind === 'paper'),
    messages: children.flatMap((n) => (n.kind === 'message' ? [n.text] : [])),
  };
}

/** Papers these tests saved, removed afterwards so later suites find the library as it was. */
const added: string[] = [];

async function tag(papers: PaperDetails[]): Promise<void> {
  const exports = await api();
  for (const paper of papers) {
    if (!(await exports.library.get())?.get(paper.id)) {
      await vscode.commands.executeCommand('paperPractice.setStatus', paper, 'to-read');
      added.push(paper.id);
    }
    const store = await waitFor(async () => ((await exports.library.get())?.get(paper.id) ? exports.library.get() : undefined), `${paper.id} saved`);
    await store!.update(paper.id, { addTags: [TAG] });
  }
}

describe('Recommendations in the Feeds view and the detail tab', function () {
  this.timeout(90_000);
  let ml: PaperDetails[];
  let quantum: PaperDetails[];

  before(async () => {
    const subs = await subscriptions();
    ml = subs.find((s) => s.subscription.label === 'ML search')!.cache.papers.map((p) => p.paper);
    quantum = subs.find((s) => s.subscription.label === 'quant-ph')!.cache.papers.map((p) => p.paper);
    assert.ok(ml.length >= 10 && quantum.length >= 50, 'the feeds test refreshed both subscriptions');
  });

  after(async () => {
    await vscode.commands.executeCommand('paperPractice.recommendFor', 'library');
    await vscode.commands.executeCommand('paperPractice.feedsOrderByDate');
    const store = await (await api()).library.get();
    for (const id of added) await store?.remove(id, { deleteFiles: true });
  });

  it('falls back to recency with fewer than 3 positives, and says so', async () => {
    await tag(ml.slice(0, 1));
    await vscode.commands.executeCommand('paperPractice.recommendFor', `tag:${TAG}`);
    const { papers, messages } = await recommended(`tag:${TAG}`);
    assert.ok(messages.some((m) => /^Sorted by date: recommendations start when the tag “ml-taste” has 3 papers \(it has 1\)/.test(m)), messages.join(' | '));
    assert.ok(papers.length > 0 && papers.every((p) => p.score === null), 'no scores when sorted by date');
    const item = (await api()).views.feeds.getTreeItem((await (await api()).views.feeds.getChildren()).find((n) => n.kind === 'recommended')!);
    assert.strictEqual(item.description, 'by date');
  });

  it('ranks papers like the tagged ones first, with scores, leaving out library papers', async () => {
    await tag(ml.slice(1, 4));
    const exports = await api();
    await waitFor(() => {
      const state = exports.recommendations.state;
      return state.kind === 'ready' && state.key === `tag:${TAG}` && state.index.ranking.positives === 4;
    }, 'a retrained ranker with 4 positives', 30_000);
    const { papers, messages } = await recommended(`tag:${TAG}`);
    assert.deepStrictEqual(messages, []);
    const store = (await exports.library.get())!;
    assert.ok(papers.every((p) => !store.get(p.paper.id)), 'library papers are never recommended');
    const scores = papers.map((p) => p.score!);
    assert.ok(scores.every((s, i) => typeof s === 'number' && (i === 0 || scores[i - 1] >= s)), `scores best first: ${scores.join(', ')}`);
    const mlIds = new Set(ml.map((p) => p.id));
    const top = papers.slice(0, 10).filter((p) => mlIds.has(p.paper.id)).length;
    // 16 of the ~95 candidates are ML papers (17%); four ML positives should pull them to the top.
    assert.ok(top >= 6, `only ${top} of the top 10 are ML papers`);
    // The score leads the label, where a long title cannot hide it; the description keeps the authors.
    const item = exports.views.feeds.getTreeItem(papers[0]);
    assert.strictEqual(item.label, `${formatScore(papers[0].score!)} · ${plainTitle(papers[0].paper.title)}`);
    assert.ok(!/[+−]\d+\.\d\d/.test(String(item.description)), `the score is not repeated in "${item.description}"`);
    assert.match(String(exports.views.feeds.getTreeItem((await exports.views.feeds.getChildren()).find((n) => n.kind === 'recommended')!).description), /^by papers tagged ml-taste \(4 papers\)$/);
  });

  it('orders a subscription best first in the Recommended order, and by day again in date order', async () => {
    const exports = await api();
    await vscode.commands.executeCommand('paperPractice.feedsOrderRecommended');
    const quant = (await subscriptions()).find((s) => s.subscription.label === 'quant-ph')!;
    const ranked = (await exports.views.feeds.getChildren(quant)).filter((n): n is PaperNode => n.kind === 'paper');
    assert.strictEqual(ranked.length, quantum.length);
    const scores = ranked.map((p) => p.score!);
    assert.ok(scores.every((s, i) => i === 0 || scores[i - 1] >= s), 'best first');
    await vscode.commands.executeCommand('paperPractice.feedsOrderByDate');
    const byDay = await exports.views.feeds.getChildren((await subscriptions()).find((s) => s.subscription.label === 'quant-ph')!);
    assert.ok(byDay.some((n) => n.kind === 'day') && !byDay.some((n) => n.kind === 'paper'));
  });

  it('explains a recommendation in the detail tab with words the paper shares with the tagged papers', async () => {
    const exports = await api();
    const { papers } = await recommended(`tag:${TAG}`);
    const best = papers[0].paper;
    await vscode.commands.executeCommand('paperPractice.openPaper', best);
    const why = await waitFor(() => exports.detail.explanationOf(best.id), 'an explanation for the best paper', 30_000);
    assert.strictEqual(why.basis, 'papers tagged ml-taste');
    assert.ok(why.score !== null && Math.abs(why.score - papers[0].score!) < 1e-3, `explained score ${why.score} vs ranked ${papers[0].score}`);
    assert.ok(why.terms.length > 0, 'shared terms');
    const text = `${best.title} ${best.summary}`.toLowerCase();
    for (const t of why.terms) {
      assert.ok(t.term.split(' ').every((w) => text.includes(w)), `"${t.term}" is not in the paper`);
      assert.ok(t.libraryPapers >= 1 && t.libraryPapers <= 4, `${t.term} in ${t.libraryPapers} tagged papers`);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('stops ranking the papers of an unfollowed category, and ranks them again once it is followed again', async () => {
    const exports = await api();
    const following = vscode.workspace.getConfiguration('paperPractice').get<{ kind: string; categories?: string[] }[]>('subscriptions') ?? [];
    await recommended(`tag:${TAG}`);
    const store = await exports.library.get();
    const mlIds = new Set(ml.map((p) => p.id));
    const quantumOnly = quantum.filter((p) => !store?.get(p.id) && !mlIds.has(p.id)).map((p) => p.id);
    assert.ok(quantumOnly.length >= 50);
    const rankedWith = (present: boolean) =>
      waitFor(() => {
        const state = exports.recommendations.state;
        return state.kind === 'ready' && quantumOnly.every((id) => state.index.has(id) === present) && state;
      }, () => `the ranking ${present ? 'to include' : 'to leave out'} the quant-ph papers`, 30_000);
    assert.ok(await rankedWith(true));
    try {
      await setSetting('paperPractice.subscriptions', following.filter((s) => !s.categories?.includes('quant-ph')));
      const without = await rankedWith(false);
      // The other feed and the library are still ranked.
      assert.ok(ml.every((p) => without.index.has(p.id)), 'the ML search papers are still ranked');
    } finally {
      await setSetting('paperPractice.subscriptions', following);
    }
    assert.ok(await rankedWith(true));
  });

  it('ranks search results with the same ranker as the feeds', async () => {
    const exports = await api();
    const results = [...quantum.slice(0, 5), ...ml.slice(5, 10)];
    const ranking = await exports.recommendations.rankPapers(results);
    assert.ok(ranking && ranking.mode === 'model');
    const state = exports.recommendations.state;
    assert.ok(state.kind === 'ready');
    // The same papers, in the order the feed-wide ranking gives them.
    const feedOrder = state.index.order(results, (p) => p.id).map((s) => s.item.id);
    assert.deepStrictEqual(ranking.ids, feedOrder);
    const mlIds = new Set(ml.map((p) => p.id));
    const meanRank = (ml: boolean) => ranking.ids.map((id, i) => [id, i] as const).filter(([id]) => mlIds.has(id) === ml).reduce((sum, [, i]) => sum + i / 5, 0);
    assert.ok(meanRank(true) < meanRank(false), `ML papers should rank ahead on average: ${ranking.ids.join(', ')}`);
  });
});
