import * as vscode from 'vscode';
import { normalizeQuery } from '../../core/arxiv/query';
import type { PaperDetails } from '../../core/arxiv/types';
import { splitCategories, subscriptionKey, validateCategory, type Subscription } from '../../core/feeds/subscriptions';
import { describeError, reportError, signalOf } from '../errors';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { settings } from '../settings';
import type { FeedRefresher } from './feedRefresher';
import type { FeedsNode, FeedsTreeProvider } from './feedsTree';
import { showPaperPick } from './paperPick';
import type { Ranking } from '../../core/ranking/types';

/** Categories ML practitioners follow most, offered first; any other can be typed. */
const POPULAR_CATEGORIES: [string, string][] = [
  ['cs.LG', 'Machine Learning'],
  ['cs.CV', 'Computer Vision and Pattern Recognition'],
  ['cs.CL', 'Computation and Language'],
  ['cs.AI', 'Artificial Intelligence'],
  ['stat.ML', 'Machine Learning (Statistics)'],
  ['cs.NE', 'Neural and Evolutionary Computing'],
  ['cs.RO', 'Robotics'],
  ['cs.IR', 'Information Retrieval'],
  ['eess.IV', 'Image and Video Processing'],
  ['eess.AS', 'Audio and Speech Processing'],
  ['math.OC', 'Optimization and Control'],
  ['cs.CR', 'Cryptography and Security'],
];

type Handler = (...args: unknown[]) => unknown;

export function validateQuery(value: string): string | undefined {
  if (!value.trim()) return 'Enter a query, e.g. ti:diffusion AND cat:cs.CV';
  try {
    normalizeQuery(value);
    return undefined;
  } catch (e) {
    return describeError(e);
  }
}

export function feedCommands(deps: {
  services: Services;
  logger: Logger;
  tree: FeedsTreeProvider;
  refresher: FeedRefresher;
  openPaper: (paper: PaperDetails) => Promise<void>;
  savePapers: (papers: PaperDetails[]) => Promise<void>;
  rankPapers: (papers: PaperDetails[]) => Promise<Ranking | undefined>;
}): Record<string, Handler> {
  const { services, logger, tree, refresher } = deps;

  const current = () => settings.subscriptions().subscriptions;
  const subscriptionOf = (arg: unknown): { sub: Subscription; index: number } | undefined => {
    const node = arg as FeedsNode | undefined;
    if (node?.kind !== 'subscription') return undefined;
    const index = current().findIndex((s) => subscriptionKey(s) === subscriptionKey(node.subscription));
    return index >= 0 ? { sub: current()[index], index } : undefined;
  };
  const pickSubscription = async (arg: unknown) => {
    const given = subscriptionOf(arg);
    if (given) return given;
    const subs = current();
    const picked = await vscode.window.showQuickPick(
      subs.map((sub, index) => ({ label: sub.label, description: sub.kind === 'category' ? sub.categories.join(', ') : sub.query, index })),
      { title: 'Choose a subscription' },
    );
    return picked ? { sub: subs[picked.index], index: picked.index } : undefined;
  };
  const save = async (subs: Subscription[]) => {
    await settings.setSubscriptions(subs);
    tree.refresh();
  };
  const refreshSubs = async (subs: Subscription[]) => {
    if (!subs.length) return;
    const outcome = await refresher.refresh(subs);
    tree.refresh();
    if (outcome.failed.length) {
      const first = outcome.failed[0];
      const more = outcome.failed.length > 1 ? ` (and ${outcome.failed.length - 1} more)` : '';
      void vscode.window
        .showWarningMessage(`Could not refresh ${first.label}${more}: ${first.message} Cached papers are still shown.`, 'Show Log')
        .then((choice) => choice === 'Show Log' && logger.show(true));
    }
  };

  return {
    'paperPractice.addCategorySubscription': async () => {
      const existing = new Set(current().flatMap((s) => (s.kind === 'category' ? s.categories : [])));
      const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem>();
      quickPick.title = 'Follow arXiv categories (daily announcements)';
      quickPick.placeholder = 'Pick categories, or type others such as hep-th or q-bio.NC, separated by commas';
      quickPick.canSelectMany = true;
      quickPick.items = POPULAR_CATEGORIES.filter(([c]) => !existing.has(c)).map(([c, name]) => ({ label: c, description: name }));
      const result = await new Promise<string[] | undefined>((resolve) => {
        quickPick.onDidAccept(() => {
          const typed = splitCategories(quickPick.value);
          const invalid = typed.map(validateCategory).find(Boolean);
          if (invalid) {
            // QuickPick has no validation message in this API version; keep it open and say why.
            void vscode.window.showWarningMessage(invalid);
            return;
          }
          resolve([...quickPick.selectedItems.map((i) => i.label), ...typed]);
          quickPick.hide();
        });
        quickPick.onDidHide(() => resolve(undefined));
        quickPick.show();
      });
      quickPick.dispose();
      if (!result?.length) return;
      const categories = [...new Set(result)];
      const sub: Subscription = { kind: 'category', categories, label: categories.join(', ') };
      if (current().some((s) => subscriptionKey(s) === subscriptionKey(sub))) {
        void vscode.window.showInformationMessage(`You already follow ${sub.label}.`);
        return;
      }
      await save([...current(), sub]);
      await refreshSubs([sub]);
    },

    'paperPractice.addSearchSubscription': async (initial?: unknown) => {
      const query = await vscode.window.showInputBox({
        title: 'Save an arXiv search',
        prompt: 'Field prefixes ti au abs co jr cat rn all; AND OR ANDNOT; "phrases"; (grouping). Newest submissions first.',
        placeHolder: 'ti:diffusion AND cat:cs.CV',
        value: typeof initial === 'string' ? initial : '',
        validateInput: validateQuery,
      });
      if (!query) return;
      const label = await vscode.window.showInputBox({ title: 'Name this search', value: query.trim() });
      if (label === undefined) return;
      const sub: Subscription = { kind: 'search', query: query.trim(), label: label.trim() || query.trim() };
      await save([...current(), sub]);
      await refreshSubs([sub]);
    },

    'paperPractice.renameSubscription': async (arg?: unknown) => {
      const found = await pickSubscription(arg);
      if (!found) return;
      const label = await vscode.window.showInputBox({ title: 'Rename subscription', value: found.sub.label, validateInput: (v) => (v.trim() ? undefined : 'Enter a name.') });
      if (!label) return;
      const subs = current();
      subs[found.index] = { ...found.sub, label: label.trim() };
      await save(subs);
    },

    'paperPractice.editSubscription': async (arg?: unknown) => {
      const found = await pickSubscription(arg);
      if (!found) return;
      const { sub } = found;
      let next: Subscription;
      if (sub.kind === 'category') {
        const value = await vscode.window.showInputBox({
          title: 'Edit categories',
          value: sub.categories.join(', '),
          validateInput: (v) => (splitCategories(v).length ? splitCategories(v).map(validateCategory).find(Boolean) : 'Enter at least one category.'),
        });
        if (!value) return;
        const categories = splitCategories(value);
        next = { ...sub, categories, label: sub.label === sub.categories.join(', ') ? categories.join(', ') : sub.label };
      } else {
        const value = await vscode.window.showInputBox({ title: 'Edit search', value: sub.query, validateInput: validateQuery });
        if (!value) return;
        next = { ...sub, query: value.trim(), label: sub.label === sub.query ? value.trim() : sub.label };
      }
      const subs = current();
      subs[found.index] = next;
      await save(subs);
      await refreshSubs([next]);
    },

    'paperPractice.removeSubscription': async (arg?: unknown) => {
      const found = await pickSubscription(arg);
      if (!found) return;
      const confirm = await vscode.window.showWarningMessage(`Stop following "${found.sub.label}"?`, { modal: true, detail: 'Its cached papers are removed too. Papers you saved stay in your library.' }, 'Remove');
      if (confirm !== 'Remove') return;
      await save(current().filter((_, i) => i !== found.index));
      await services.feeds.remove(subscriptionKey(found.sub));
      tree.refresh();
    },

    'paperPractice.refreshFeeds': () => refreshSubs(current()),

    'paperPractice.refreshSubscription': async (arg?: unknown) => {
      const found = await pickSubscription(arg);
      if (found) await refreshSubs([found.sub]);
    },

    'paperPractice.markAllSeen': async (arg?: unknown) => {
      const found = subscriptionOf(arg);
      const seen = await services.seen();
      await seen.markSeen(tree.papersOf(found ? subscriptionKey(found.sub) : undefined));
      tree.refresh();
    },

    'paperPractice.searchArxiv': async (initial?: unknown) => {
      const query = await vscode.window.showInputBox({
        title: 'Search arXiv',
        prompt: 'Words search everything; or use ti: au: abs: cat: with AND OR ANDNOT and "phrases".',
        placeHolder: 'vision transformer self-supervised',
        value: typeof initial === 'string' ? initial : '',
        validateInput: validateQuery,
      });
      if (!query) return;
      let papers: PaperDetails[];
      try {
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Searching arXiv for ${query}`, cancellable: true },
          (_progress, token) => services.arxiv.search(query, { max: 50, sortBy: 'relevance', signal: signalOf(token), staleOnError: true }),
        );
        papers = result.papers;
      } catch (e) {
        reportError(logger, 'Search failed', e);
        return;
      }
      await showPaperPick(papers, `arXiv: ${query}`, { open: deps.openPaper, save: deps.savePapers, rank: deps.rankPapers });
    },
  };
}
