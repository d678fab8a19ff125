import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FeedsNode } from '../../src/vscode/feeds/feedsTree';
import { api, fakeRequests, setSetting, waitFor } from './helpers';

type SubscriptionNode = Extract<FeedsNode, { kind: 'subscription' }>;

async function roots(): Promise<FeedsNode[]> {
  return (await api()).views.feeds.getChildren();
}

async function subscriptionNode(label: string): Promise<SubscriptionNode> {
  const node = (await roots()).find((n): n is SubscriptionNode => n.kind === 'subscription' && n.subscription.label === label);
  if (!node) throw new Error(`no subscription ${label}`);
  return node;
}

describe('Feeds view against the local fake arXiv', function () {
  this.timeout(60_000);

  before(async () => {
    await setSetting('paperPractice.subscriptions', [
      { kind: 'category', categories: ['quant-ph'] },
      { kind: 'search', query: 'cat:cs.LG OR cat:cs.AI', label: 'ML search' },
    ]);
  });

  it('lists subscriptions from settings before any refresh, and asks to refresh them', async () => {
    const subs = (await roots()).filter((n) => n.kind === 'subscription');
    assert.deepStrictEqual(subs.map((n) => (n as SubscriptionNode).subscription.label), ['quant-ph', 'ML search']);
    const children = await (await api()).views.feeds.getChildren(await subscriptionNode('quant-ph'));
    assert.match(children[0].kind === 'message' ? children[0].text : '', /Not fetched yet/);
  });

  it('refreshes a category feed and a saved search politely, grouping papers by announcement day', async () => {
    const before = (await fakeRequests()).length;
    await vscode.commands.executeCommand('paperPractice.refreshFeeds');
    const requests = (await fakeRequests()).slice(before).filter((r) => !r.path.startsWith('/__fake'));
    assert.deepStrictEqual(requests.map((r) => r.path), ['/rss/quant-ph', '/api/query']);
    assert.strictEqual(requests[1].query.sortBy, 'submittedDate');
    assert.ok(requests[1].time - requests[0].time >= 3000, `requests only ${requests[1].time - requests[0].time} ms apart`);

    const feeds = (await api()).views.feeds;
    const quant = await subscriptionNode('quant-ph');
    assert.strictEqual(quant.cache.papers.length, 81);
    const days = (await feeds.getChildren(quant)).filter((n) => n.kind === 'day');
    assert.deepStrictEqual(days.map((d) => (d.kind === 'day' ? [d.day, d.papers.length, d.unseen] : [])), [['2025-04-28', 81, 81]]);
    const search = await subscriptionNode('ML search');
    assert.strictEqual(search.cache.papers.length, 20);
  });

  it('shows new papers with an unseen badge, marks cross-lists and replacements', async () => {
    const exports = await api();
    await roots();
    assert.strictEqual(exports.views.trees.feeds.badge?.value, 101);
    const quant = await subscriptionNode('quant-ph');
    const [day] = (await exports.views.feeds.getChildren(quant)).filter((n) => n.kind === 'day');
    const papers = await exports.views.feeds.getChildren(day);
    const items = papers.map((p) => exports.views.feeds.getTreeItem(p));
    assert.ok(items.some((i) => String(i.description).includes('cross-list')));
    assert.ok(items.some((i) => /replaced \(v\d+\)/.test(String(i.description))));
    assert.ok(items.every((i) => (i.iconPath as vscode.ThemeIcon).id === 'circle-filled'));
  });

  it('marks a paper seen when it is opened, and everything with Mark All as Seen', async () => {
    const exports = await api();
    const quant = await subscriptionNode('quant-ph');
    const paper = quant.cache.papers[0].paper;
    await vscode.commands.executeCommand('paperPractice.openPaper', paper);
    assert.ok(exports.detail.openIds.includes(paper.id));
    assert.strictEqual((await subscriptionNode('quant-ph')).unseen, 80);
    await vscode.commands.executeCommand('paperPractice.markAllSeen');
    assert.strictEqual((await subscriptionNode('quant-ph')).unseen, 0);
    assert.strictEqual((await subscriptionNode('ML search')).unseen, 0);
    assert.strictEqual(exports.views.trees.feeds.badge, undefined);
  });

  it('keeps the cached papers and says what failed when arXiv cannot be reached', async () => {
    const original = vscode.workspace.getConfiguration('paperPractice.arxiv').get<string>('rssUrl');
    try {
      await setSetting('paperPractice.arxiv.rssUrl', 'http://127.0.0.1:1'); // nothing listens there
      await vscode.commands.executeCommand('paperPractice.refreshSubscription', await subscriptionNode('quant-ph'));
      const quant = await subscriptionNode('quant-ph');
      assert.strictEqual(quant.cache.papers.length, 81);
      assert.match(quant.cache.lastError?.message ?? '', /offline/);
      const children = await (await api()).views.feeds.getChildren(quant);
      assert.ok(children[0].kind === 'message' && children[0].text.startsWith('Refresh failed'));
      assert.strictEqual((await api()).views.feeds.getTreeItem(quant).description, 'refresh failed');
    } finally {
      await setSetting('paperPractice.arxiv.rssUrl', original);
    }
  });

  it('reports subscriptions in settings that make no sense', async () => {
    const current = vscode.workspace.getConfiguration('paperPractice').get<unknown[]>('subscriptions') ?? [];
    try {
      await setSetting('paperPractice.subscriptions', [...current, { kind: 'category', categories: ['not a category'] }]);
      const problems = await waitFor(async () => (await roots()).filter((n) => n.kind === 'message'), 'a problem entry');
      assert.match(problems[0].kind === 'message' ? problems[0].text : '', /not an arXiv category/);
    } finally {
      await setSetting('paperPractice.subscriptions', current);
    }
  });
});
