import * as vscode from 'vscode';
import { DEFAULT_HF_URL } from '../core/replication/huggingFace';
import { parseSubscriptions, serializeSubscription, type Subscription } from '../core/feeds/subscriptions';

/** Typed access to the paperPractice.* settings. */
export const settings = {
  section: () => vscode.workspace.getConfiguration('paperPractice'),
  apiUrl: () => settings.section().get<string>('arxiv.apiUrl', 'https://export.arxiv.org/api/query'),
  rssUrl: () => settings.section().get<string>('arxiv.rssUrl', 'https://rss.arxiv.org'),
  pdfUrl: () => settings.section().get<string>('arxiv.pdfUrl', 'https://arxiv.org/pdf'),
  /** Empty: the user turned the Hugging Face lookup off. */
  huggingFaceUrl: () => settings.section().get<string>('huggingFace.url', DEFAULT_HF_URL).trim(),
  keepPdfInPaperFolder: () => settings.section().get<boolean>('pdf.keepInPaperFolder', false),
  libraryFolder: () => settings.section().get<string>('libraryFolder', 'papers').replace(/^\/+|\/+$/g, '') || 'papers',
  daysKept: () => Math.max(1, settings.section().get<number>('feeds.daysKept', 14)),
  searchMaxResults: () => Math.max(1, Math.min(2000, settings.section().get<number>('feeds.searchMaxResults', 100))),
  refreshAfterAnnouncement: () => settings.section().get<boolean>('feeds.refreshAfterAnnouncement', false),
  goals: () => ({
    papersReadPerWeek: Math.max(0, settings.section().get<number>('goals.papersReadPerWeek', 2)),
    replicationsPerMonth: Math.max(0, settings.section().get<number>('goals.replicationsPerMonth', 1)),
  }),
  subscriptions: () => parseSubscriptions(settings.section().get<unknown>('subscriptions', [])),
  async setSubscriptions(subs: Subscription[]): Promise<void> {
    // Written where the user keeps them (workspace or user settings), so Settings Sync carries user ones.
    const inspected = settings.section().inspect('subscriptions');
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await settings.section().update('subscriptions', subs.map(serializeSubscription), target);
  },
};
