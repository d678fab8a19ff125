import * as vscode from 'vscode';
import type { PaperDetails } from '../../core/arxiv/types';
import { shortAuthors } from '../../core/feeds/paperLabels';
import { formatScore, RankIndex, type Scored } from '../../core/ranking/feedOrder';
import type { Ranking } from '../../core/ranking/types';
import { plainTitle } from '../../core/text/texText';

type PaperItem = vscode.QuickPickItem & { paper: PaperDetails };

export interface PaperPickActions {
  open(paper: PaperDetails): Promise<void>;
  save(papers: PaperDetails[]): Promise<void>;
  /** Ranks the results by the library; they show in arXiv's order until (and unless) it answers. */
  rank?(papers: PaperDetails[]): Promise<Ranking | undefined>;
}

/**
 * Search results in a QuickPick: pick to open the detail tab; the + button saves. Once the ranker
 * has scored them, they are listed best first with their scores, and a title button switches
 * back to arXiv's own order.
 */
export async function showPaperPick(papers: PaperDetails[], title: string, actions: PaperPickActions): Promise<void> {
  if (!papers.length) {
    void vscode.window.showInformationMessage(`${title}: no papers found.`);
    return;
  }
  const saveButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('add'), tooltip: 'Save to Library' };
  const byRecommendation: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('sparkle'), tooltip: 'Sort by Recommendation' };
  const byArxiv: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('list-ordered'), tooltip: 'Sort as arXiv Returned Them' };
  const quickPick = vscode.window.createQuickPick<PaperItem>();
  quickPick.title = `${title} (${papers.length})`;
  quickPick.placeholder = 'Pick a paper to open it; the + button saves it to your library';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  const itemsOf = (scored: Scored<PaperDetails>[]): PaperItem[] =>
    scored.map(({ item: paper, score }) => ({
      label: plainTitle(paper.title),
      description: [score !== null ? formatScore(score) : '', shortAuthors(paper.authors)].filter(Boolean).join(' · '),
      detail: `${paper.published?.slice(0, 10) ?? ''} · arXiv:${paper.id}v${paper.version} · ${paper.categories.join(', ')}`,
      buttons: [saveButton],
      paper,
    }));
  const asReturned = itemsOf(papers.map((item) => ({ item, score: null })));
  let ranked: PaperItem[] | undefined;
  quickPick.items = asReturned;

  quickPick.onDidTriggerItemButton(async (e) => {
    await actions.save([e.item.paper]);
  });
  quickPick.onDidTriggerButton((button) => {
    const recommended = button === byRecommendation;
    quickPick.items = recommended && ranked ? ranked : asReturned;
    quickPick.buttons = [recommended ? byArxiv : byRecommendation];
  });
  quickPick.onDidAccept(async () => {
    const picked = quickPick.selectedItems[0];
    quickPick.hide();
    if (picked) await actions.open(picked.paper);
  });
  quickPick.onDidHide(() => quickPick.dispose());
  quickPick.show();

  if (!actions.rank) return;
  quickPick.busy = true;
  try {
    const ranking = await actions.rank(papers);
    if (ranking?.mode === 'model') {
      ranked = itemsOf(new RankIndex(ranking).order(papers, (p) => p.id));
      quickPick.items = ranked;
      quickPick.buttons = [byArxiv];
    }
  } catch {
    // Unranked results are still results; the Feeds view reports ranking failures.
  } finally {
    quickPick.busy = false;
  }
}
