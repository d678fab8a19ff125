import * as vscode from 'vscode';
import { nextEasternMidnight } from '../../core/http/freshness';
import type { Logger } from '../logger';
import { settings } from '../settings';
import type { FeedRefresher } from './feedRefresher';

/** Minutes after arXiv's midnight (US Eastern) to wait, so the new feeds are in place. */
const DELAY_AFTER_ANNOUNCEMENT_MS = 10 * 60_000;

/**
 * With `paperPractice.feeds.refreshAfterAnnouncement` on, refreshes every subscription shortly
 * after each weekday's announcement goes live, quietly (progress in the view only). Off, nothing
 * is scheduled (working out New York's midnight loads time zone data start-up need not pay for).
 */
export function scheduleDailyRefresh(refresher: FeedRefresher, logger: Logger, now: () => number = Date.now): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  let target = 0;
  const arm = () => {
    target = nextEasternMidnight(now(), { weekdaysOnly: true }) + DELAY_AFTER_ANNOUNCEMENT_MS;
    // Wake at least daily: a laptop that slept past the target should not wait a whole cycle.
    timer = setTimeout(fire, Math.min(target - now(), 24 * 3600_000));
  };
  const fire = () => {
    if (!settings.refreshAfterAnnouncement()) return;
    if (now() >= target && !refresher.busy) {
      const { subscriptions } = settings.subscriptions();
      if (subscriptions.length) {
        logger.info('Refreshing feeds after the daily arXiv announcement');
        void refresher.refresh(subscriptions, { silent: true });
      }
    }
    arm();
  };
  const start = () => {
    clearTimeout(timer);
    if (settings.refreshAfterAnnouncement()) arm();
  };
  start();
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('paperPractice.feeds.refreshAfterAnnouncement')) start();
  });
  return {
    dispose: () => {
      clearTimeout(timer);
      listener.dispose();
    },
  };
}
