import * as vscode from 'vscode';
import type { PaperDetails } from '../../core/arxiv/types';
import { groupByDay, type SubscriptionCache } from '../../core/feeds/feedCache';
import { excerpt, formatDay, shortAuthors } from '../../core/feeds/paperLabels';
import type { SeenStore } from '../../core/feeds/seenStore';
import { subscriptionKey, type Subscription } from '../../core/feeds/subscriptions';
import { STATUS_LABELS } from '../../core/library/record';
import { plainTitle, texTextToUnicode } from '../../core/text/texText';
import type { LibraryService } from '../library/libraryService';
import type { Services } from '../services';
import { settings } from '../settings';
import { LIBRARY_MIME, statusIcon } from '../library/libraryTree';
import { formatScore, recommendedAcross, type Scored } from '../../core/ranking/feedOrder';
import type { Recommendations } from '../ranking/recommendations';

export type FeedsNode =
  | { kind: 'subscription'; subscription: Subscription; index: number; cache: SubscriptionCache; unseen: number }
  | { kind: 'message'; text: string; icon: string; tooltip?: string; command?: vscode.Command }
  | { kind: 'day'; key: string; day: string; papers: PaperDetails[]; unseen: number; newest: boolean }
  | { kind: 'paper'; key: string; paper: PaperDetails; score?: number | null }
  | { kind: 'recommended' };

export type FeedsOrder = 'date' | 'recommended';

/** Papers in the "Recommended" group: enough for a week's reading, few enough to scan. */
const RECOMMENDED_LIMIT = 30;

/**
 * The Feeds view: a "Recommended" group across subscriptions, then each subscription with its
 * papers by announcement day (or best first, in the Recommended order), unseen ones marked, with
 * the library status of papers already saved. Data comes from the feed cache only; refreshing is
 * a command, so opening the view never waits on the network.
 */
export class FeedsTreeProvider implements vscode.TreeDataProvider<FeedsNode>, vscode.TreeDragAndDropController<FeedsNode> {
  readonly dragMimeTypes = [LIBRARY_MIME];
  readonly dropMimeTypes: string[] = [];
  private readonly changed = new vscode.EventEmitter<FeedsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private caches = new Map<string, SubscriptionCache>();
  private seen: SeenStore | undefined;
  /** Called with the number of unseen papers across subscriptions whenever the roots are read. */
  onTotals: ((unseen: number) => void) | undefined;
  /** How a subscription's papers are listed: by announcement day, or best first. */
  order: FeedsOrder = 'date';

  constructor(
    private readonly services: Services,
    private readonly library: LibraryService,
    private readonly recommendations: Recommendations,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: FeedsNode): Promise<FeedsNode[]> {
    if (!node) return this.roots();
    if (node.kind === 'subscription') return this.subscriptionChildren(node);
    if (node.kind === 'day') return node.papers.map((paper) => ({ kind: 'paper', key: node.key, paper }));
    if (node.kind === 'recommended') return this.recommendedChildren();
    return [];
  }

  /** The best papers across subscriptions, not yet in the library; or why there are none yet. */
  private recommendedChildren(): FeedsNode[] {
    const state = this.recommendations.state;
    if (state.kind !== 'ready') return [this.notRankedYet()];
    const lists = [...this.caches.values()].map((c) => c.papers.map((p) => p.paper));
    const top = recommendedAcross(lists, state.index, { idOf: (p) => p.id, exclude: (id) => !!this.library.loaded?.get(id), limit: RECOMMENDED_LIMIT });
    const out: FeedsNode[] = [];
    if (state.index.ranking.reason) out.push({ kind: 'message', icon: 'info', text: state.index.ranking.reason });
    if (!top.length) out.push({ kind: 'message', icon: 'check', text: 'Nothing new to recommend: refresh your feeds for more papers' });
    return [...out, ...top.map((s) => this.scoredNode('recommended', s))];
  }

  /**
   * What shows while there is no ranking: progress (asking for one), or why it failed. A failure
   * is not retried from here, or every redraw would start another attempt; the next change of the
   * library or the feeds does.
   */
  private notRankedYet(): FeedsNode {
    const state = this.recommendations.state;
    if (state.kind === 'failed') {
      return { kind: 'message', icon: 'error', text: `Could not rank: ${state.message}`, command: { title: 'Show Log', command: 'paperPractice.showLog' } };
    }
    void this.recommendations.ensure();
    return { kind: 'message', icon: 'loading~spin', text: 'Ranking papers by your library…' };
  }

  private scoredNode(key: string, scored: Scored<PaperDetails>): FeedsNode {
    return { kind: 'paper', key, paper: scored.item, score: scored.score };
  }

  private async roots(): Promise<FeedsNode[]> {
    const { subscriptions, problems } = settings.subscriptions();
    this.seen = await this.services.seen();
    const nodes: FeedsNode[] = problems.map((p) => ({
      kind: 'message',
      text: p,
      icon: 'warning',
      command: { title: 'Open Settings', command: 'paperPractice.openSettings', arguments: ['paperPractice.subscriptions'] },
    }));
    let total = 0;
    for (const [index, subscription] of subscriptions.entries()) {
      const key = subscriptionKey(subscription);
      const cache = await this.services.feeds.load(key);
      this.caches.set(key, cache);
      const unseen = cache.papers.filter((p) => this.isUnseen(p.paper)).length;
      total += unseen;
      nodes.push({ kind: 'subscription', subscription, index, cache, unseen });
    }
    this.onTotals?.(total);
    if (subscriptions.length) nodes.unshift({ kind: 'recommended' });
    return nodes;
  }

  private subscriptionChildren(node: Extract<FeedsNode, { kind: 'subscription' }>): FeedsNode[] {
    const out: FeedsNode[] = [];
    const { cache } = node;
    if (cache.lastError) {
      out.push({
        kind: 'message',
        icon: 'error',
        text: `Refresh failed: ${cache.lastError.message}`,
        tooltip: `${cache.lastError.message}\n${cache.papers.length ? 'Showing the papers cached before.' : ''}`,
        command: { title: 'Retry', command: 'paperPractice.refreshSubscription', arguments: [node] },
      });
    }
    if (!cache.refreshedAt && !cache.lastError) {
      out.push({ kind: 'message', icon: 'refresh', text: 'Not fetched yet: refresh to load papers', command: { title: 'Refresh', command: 'paperPractice.refreshSubscription', arguments: [node] } });
    } else if (cache.emptyAnnouncement) {
      out.push({ kind: 'message', icon: 'calendar', text: 'No announcements today (arXiv announces Sunday to Thursday)' });
    }
    const key = subscriptionKey(node.subscription);
    if (this.order === 'recommended' && cache.papers.length) return [...out, ...this.rankedPapers(key, cache)];
    groupByDay(cache.papers).forEach((group, i) => {
      const papers = group.papers.map((p) => p.paper);
      out.push({ kind: 'day', key, day: group.day, papers, unseen: papers.filter((p) => this.isUnseen(p)).length, newest: i === 0 });
    });
    return out;
  }

  /** A subscription's papers best first, with scores; by day until a ranking is ready. */
  private rankedPapers(key: string, cache: SubscriptionCache): FeedsNode[] {
    const state = this.recommendations.state;
    const papers = cache.papers.map((p) => p.paper);
    if (state.kind !== 'ready') return [this.notRankedYet(), ...papers.map((paper) => ({ kind: 'paper' as const, key, paper }))];
    const note: FeedsNode[] = state.index.ranking.reason ? [{ kind: 'message', icon: 'info', text: state.index.ranking.reason }] : [];
    return [...note, ...state.index.order(papers, (p) => p.id).map((s) => this.scoredNode(key, s))];
  }

  isUnseen(paper: PaperDetails): boolean {
    return this.seen?.isUnseen(paper.id, paper.version) ?? false;
  }

  /** Unseen papers of one subscription (or all), for "Mark all as seen". */
  papersOf(key?: string): PaperDetails[] {
    const caches = key ? [this.caches.get(key)].filter((c): c is SubscriptionCache => !!c) : [...this.caches.values()];
    return caches.flatMap((c) => c.papers.map((p) => p.paper));
  }

  getTreeItem(node: FeedsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'subscription': {
        const item = new vscode.TreeItem(node.subscription.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `sub:${subscriptionKey(node.subscription)}`;
        item.iconPath = new vscode.ThemeIcon(node.cache.lastError ? 'warning' : node.subscription.kind === 'category' ? 'rss' : 'search');
        item.description = [node.unseen ? `${node.unseen} new` : '', node.cache.lastError ? 'refresh failed' : ''].filter(Boolean).join(' · ');
        item.contextValue = `subscription.${node.subscription.kind}`;
        const what = node.subscription.kind === 'category' ? `Daily announcements of ${node.subscription.categories.join(', ')}` : `Saved search: ${node.subscription.query}`;
        item.tooltip = `${what}\n${node.cache.refreshedAt ? `Refreshed ${new Date(node.cache.refreshedAt).toLocaleString()}` : 'Not refreshed yet'}`;
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon, node.icon === 'error' || node.icon === 'warning' ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.tooltip = node.tooltip ?? node.text;
        item.command = node.command;
        item.contextValue = 'message';
        return item;
      }
      case 'day': {
        const item = new vscode.TreeItem(formatDay(node.day), node.newest ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `day:${node.key}:${node.day}`;
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.description = `${node.papers.length} paper${node.papers.length === 1 ? '' : 's'}${node.unseen ? ` · ${node.unseen} new` : ''}`;
        item.contextValue = 'day';
        return item;
      }
      case 'paper':
        return this.paperItem(node);
      case 'recommended':
        return this.recommendedItem();
    }
  }

  private recommendedItem(): vscode.TreeItem {
    const state = this.recommendations.state;
    // Sorted by date it only repeats the subscriptions, so it starts collapsed; a real ranking opens.
    // The id differs by mode because the workbench remembers expansion per id.
    const byDate = state.kind === 'ready' && state.index.ranking.mode !== 'model';
    const item = new vscode.TreeItem('Recommended', byDate ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
    item.id = byDate ? 'recommended:by-date' : 'recommended';
    item.iconPath = new vscode.ThemeIcon('sparkle');
    item.contextValue = 'recommended';
    const basis = this.recommendations.basis;
    if (state.kind === 'ready') {
      const { ranking } = state.index;
      item.description = ranking.mode === 'model' ? `by ${basis} (${ranking.positives} papers)` : 'by date';
      item.tooltip = ranking.mode === 'model'
        ? `New papers most like ${basis}: tf-idf of titles and abstracts, scored by a linear SVM trained on ${ranking.positives} library papers. Papers already in the library are left out.`
        : (ranking.reason ?? 'Sorted by date');
    } else {
      item.description = state.kind === 'failed' ? 'unavailable' : 'ranking…';
      item.tooltip = `New papers most like ${basis}`;
    }
    return item;
  }

  private paperItem(node: Extract<FeedsNode, { kind: 'paper' }>): vscode.TreeItem {
    const { paper } = node;
    const entry = this.library.loaded?.get(paper.id);
    const unseen = this.isUnseen(paper);
    const title = plainTitle(paper.title);
    // The score leads the label: a description after a long title is cut off in the side bar.
    const score = node.score != null ? formatScore(node.score) : '';
    const item = new vscode.TreeItem(score ? `${score} · ${title}` : title, vscode.TreeItemCollapsibleState.None);
    item.id = `paper:${node.key}:${paper.id}${node.score !== undefined ? ':ranked' : ''}`;
    const parts = [shortAuthors(paper.authors)];
    const kind = announceLabel(paper);
    if (kind) parts.push(kind);
    if (entry) {
      parts.push(STATUS_LABELS[entry.record.status]);
      if (entry.record.version < paper.version && unseen) parts.push(`v${paper.version} available`);
    }
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = entry
      ? entry.record.version < paper.version && unseen
        ? new vscode.ThemeIcon('versions', new vscode.ThemeColor('charts.orange'))
        : statusIcon(entry.record.status)
      : unseen
        ? new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('charts.blue'))
        : new vscode.ThemeIcon(paper.announceType?.startsWith('replace') ? 'history' : paper.announceType === 'cross' ? 'arrow-swap' : 'file');
    item.contextValue = entry ? 'feedPaper.saved' : 'feedPaper';
    item.accessibilityInformation = { label: `${title}, ${score ? `score ${score}, ` : ''}${item.description}${unseen ? ', new' : ''}` };
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.supportHtml = false;
    tooltip.appendMarkdown(`**${escapeMarkdown(title)}**\n\n`);
    tooltip.appendText(`${paper.authors.map((a) => a.name).join(', ')}\n\n`);
    tooltip.appendText(`arXiv:${paper.id}v${paper.version} · ${paper.primaryCategory ?? ''}${kind ? ` · ${kind}` : ''}\n\n`);
    if (node.score != null) tooltip.appendText(`Recommendation score ${formatScore(node.score)} (higher is more like your library)\n\n`);
    tooltip.appendText(excerpt(texTextToUnicode(paper.summary)));
    item.tooltip = tooltip;
    item.command = { title: 'Open Paper', command: 'paperPractice.openPaper', arguments: [paper] };
    return item;
  }

  handleDrag(source: readonly FeedsNode[], data: vscode.DataTransfer): void {
    const papers = source.filter((n): n is Extract<FeedsNode, { kind: 'paper' }> => n.kind === 'paper').map((n) => n.paper);
    if (papers.length) data.set(LIBRARY_MIME, new vscode.DataTransferItem({ papers }));
  }
}

function announceLabel(paper: PaperDetails): string {
  switch (paper.announceType) {
    case 'new':
      return '';
    case 'cross':
      return 'cross-list';
    case 'replace':
    case 'replace-cross':
      return `replaced (v${paper.version})`;
    default:
      return '';
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
