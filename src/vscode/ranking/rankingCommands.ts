import * as vscode from 'vscode';
import { libraryPositives, tagRankerKey } from '../../core/ranking/positives';
import { LIBRARY_RANKER } from '../../core/ranking/types';
import type { LibraryService } from '../library/libraryService';
import type { Views } from '../views/registerViews';
import type { Recommendations } from './recommendations';

type Handler = (...args: unknown[]) => unknown;

/** Commands of the Recommended ordering: switch the Feeds order, choose which papers train the ranker. */
export function rankingCommands(deps: { views: Views; library: LibraryService; recommendations: Recommendations }): Record<string, Handler> {
  return {
    'paperPractice.feedsOrderRecommended': () => deps.views.setFeedsOrder('recommended'),
    'paperPractice.feedsOrderByDate': () => deps.views.setFeedsOrder('date'),
    'paperPractice.recommendFor': async (key?: unknown) => {
      if (typeof key === 'string') return deps.recommendations.setKey(key);
      const records = (await deps.library.get())?.entries.map((e) => e.record) ?? [];
      const tags = [...new Set(records.flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b));
      const current = deps.recommendations.key;
      const count = (tag?: string) => `${libraryPositives(records, tag).length} papers`;
      const items = [
        { label: 'Whole library', description: count(), key: LIBRARY_RANKER },
        ...tags.map((tag) => ({ label: `$(tag) ${tag}`, description: count(tag), key: tagRankerKey(tag) })),
      ].map((item) => ({ ...item, picked: item.key === current, detail: item.key === current ? 'In use' : undefined }));
      const picked = await vscode.window.showQuickPick(items, {
        title: 'Recommend papers like…',
        placeHolder: 'Which papers train the ranker: the whole library or one tag',
      });
      if (picked) await deps.recommendations.setKey(picked.key);
    },
  };
}
