import * as vscode from 'vscode';
import type { PaperDetails } from '../../core/arxiv/types';
import { shortAuthors, excerpt } from '../../core/feeds/paperLabels';
import { STATUSES, STATUS_LABELS, type PaperStatus } from '../../core/library/record';
import type { LibraryEntry, LibraryProblem } from '../../core/library/store';
import { plainTitle } from '../../core/text/texText';
import type { LibraryService } from './libraryService';

/** Drag payload between the Feeds and Library views: papers to save or move. */
export const LIBRARY_MIME = 'application/vnd.code.tree.paperpractice.library';
export type DragPayload = { ids?: string[]; papers?: PaperDetails[] };

export type GroupBy = 'status' | 'tag';

export type LibraryNode =
  | { kind: 'status'; status: PaperStatus; entries: LibraryEntry[] }
  | { kind: 'tag'; tag: string | null; entries: LibraryEntry[] }
  | { kind: 'paper'; entry: LibraryEntry; group: string }
  | { kind: 'problems'; problems: LibraryProblem[] }
  | { kind: 'problem'; problem: LibraryProblem };

const STATUS_ICONS: Record<PaperStatus, string> = {
  inbox: 'inbox',
  'to-read': 'bookmark',
  reading: 'book',
  read: 'check',
  replicating: 'beaker',
  replicated: 'verified',
  abandoned: 'circle-slash',
};

export function statusIcon(status: PaperStatus): vscode.ThemeIcon {
  return new vscode.ThemeIcon(STATUS_ICONS[status]);
}

export function statusTitle(status: PaperStatus): string {
  const label = STATUS_LABELS[status];
  return label[0].toUpperCase() + label.slice(1);
}

/**
 * The Library view: papers grouped by status (or by tag) with counts, drag and drop between
 * statuses (and from the Feeds view to save), and notes that cannot be read listed on top.
 */
export class LibraryTreeProvider implements vscode.TreeDataProvider<LibraryNode>, vscode.TreeDragAndDropController<LibraryNode> {
  readonly dragMimeTypes = [LIBRARY_MIME];
  readonly dropMimeTypes = [LIBRARY_MIME];
  private readonly changed = new vscode.EventEmitter<LibraryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  groupBy: GroupBy = 'status';

  constructor(
    private readonly library: LibraryService,
    private readonly onDropPapers: (papers: PaperDetails[], status: PaperStatus) => Promise<void>,
    private readonly onMove: (ids: string[], target: { status?: PaperStatus; tag?: string | null }) => Promise<void>,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: LibraryNode): Promise<LibraryNode[]> {
    if (!node) return this.roots();
    if (node.kind === 'status') return node.entries.map((entry) => ({ kind: 'paper', entry, group: node.status }));
    if (node.kind === 'tag') return node.entries.map((entry) => ({ kind: 'paper', entry, group: `tag:${node.tag ?? ''}` }));
    if (node.kind === 'problems') return node.problems.map((problem) => ({ kind: 'problem', problem }));
    return [];
  }

  private async roots(): Promise<LibraryNode[]> {
    const store = await this.library.get();
    if (!store || store.entries.length + store.problems.length === 0) return []; // the welcome view explains
    const nodes: LibraryNode[] = [];
    if (store.problems.length) nodes.push({ kind: 'problems', problems: store.problems });
    const entries = [...store.entries].sort(byRecent);
    if (this.groupBy === 'status') {
      for (const status of STATUSES) nodes.push({ kind: 'status', status, entries: entries.filter((e) => e.record.status === status) });
    } else {
      const tags = [...new Set(entries.flatMap((e) => e.record.tags))].sort((a, b) => a.localeCompare(b));
      for (const tag of tags) nodes.push({ kind: 'tag', tag, entries: entries.filter((e) => e.record.tags.includes(tag)) });
      const untagged = entries.filter((e) => e.record.tags.length === 0);
      if (untagged.length) nodes.push({ kind: 'tag', tag: null, entries: untagged });
    }
    return nodes;
  }

  getTreeItem(node: LibraryNode): vscode.TreeItem {
    switch (node.kind) {
      case 'status': {
        const item = new vscode.TreeItem(statusTitle(node.status), node.entries.length && node.status !== 'abandoned' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `status:${node.status}`;
        item.iconPath = statusIcon(node.status);
        item.description = String(node.entries.length);
        item.contextValue = 'statusGroup';
        return item;
      }
      case 'tag': {
        const item = new vscode.TreeItem(node.tag ?? 'Untagged', vscode.TreeItemCollapsibleState.Expanded);
        item.id = `tag:${node.tag ?? ''}`;
        item.iconPath = new vscode.ThemeIcon(node.tag ? 'tag' : 'circle-outline');
        item.description = String(node.entries.length);
        item.contextValue = 'tagGroup';
        return item;
      }
      case 'paper': {
        const { record } = node.entry;
        const item = new vscode.TreeItem(plainTitle(record.title) || record.id, vscode.TreeItemCollapsibleState.None);
        item.id = `lib:${node.group}:${record.id}`;
        const year = record.published?.slice(0, 4);
        item.description = [shortAuthors(record.authors, 2), year, record.tags.map((t) => `#${t}`).join(' ')]
          .filter(Boolean)
          .join(' · ');
        item.iconPath = statusIcon(record.status);
        item.resourceUri = vscode.Uri.file(node.entry.notePath);
        item.contextValue = `libraryPaper.${record.status}`;
        item.command = { title: 'Open Paper', command: 'paperPractice.openPaper', arguments: [record.id] };
        return item;
      }
      case 'problems': {
        const item = new vscode.TreeItem(`${node.problems.length} note${node.problems.length === 1 ? '' : 's'} cannot be read`, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.tooltip = 'These notes have front matter Paper Practice cannot parse. They are left untouched: fix them by hand.';
        item.contextValue = 'problems';
        return item;
      }
      case 'problem': {
        const { problem } = node;
        const uri = vscode.Uri.file(problem.file);
        const item = new vscode.TreeItem(vscode.workspace.asRelativePath(uri), vscode.TreeItemCollapsibleState.None);
        item.description = `line ${problem.line}: ${problem.message}`;
        item.tooltip = `${problem.file}:${problem.line}\n${problem.message}`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        item.command = { title: 'Open Note', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(problem.line - 1, 0, problem.line - 1, 0) }] };
        return item;
      }
    }
  }

  /** Tooltips are built when hovered, not for every paper of a 10,000-paper library up front. */
  resolveTreeItem(item: vscode.TreeItem, node: LibraryNode): vscode.TreeItem {
    if (node.kind !== 'paper') return item;
    const { record } = node.entry;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${plainTitle(record.title)}\n\n${record.authors.join(', ')}\n\narXiv:${record.id}v${record.version} · ${STATUS_LABELS[record.status]}`);
    if (record.summary) tooltip.appendText(`\n\n${excerpt(record.summary, 300)}`);
    item.tooltip = tooltip;
    return item;
  }

  handleDrag(source: readonly LibraryNode[], data: vscode.DataTransfer): void {
    const ids = source.filter((n): n is Extract<LibraryNode, { kind: 'paper' }> => n.kind === 'paper').map((n) => n.entry.record.id);
    if (ids.length) data.set(LIBRARY_MIME, new vscode.DataTransferItem({ ids } satisfies DragPayload));
  }

  async handleDrop(target: LibraryNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const item = data.get(LIBRARY_MIME);
    if (!item || !target) return;
    const payload = (typeof item.value === 'string' ? JSON.parse(item.value) : item.value) as DragPayload;
    const group = target.kind === 'paper' ? undefined : target;
    const status = target.kind === 'status' ? target.status : target.kind === 'paper' ? target.entry.record.status : undefined;
    if (payload.papers?.length && status) await this.onDropPapers(payload.papers, status);
    if (payload.ids?.length) {
      if (group?.kind === 'tag') await this.onMove(payload.ids, { tag: group.tag });
      else if (status) await this.onMove(payload.ids, { status });
    }
  }
}

function byRecent(a: LibraryEntry, b: LibraryEntry): number {
  const da = a.record.finished ?? a.record.started ?? a.record.added;
  const db = b.record.finished ?? b.record.started ?? b.record.added;
  return db.localeCompare(da) || a.record.title.localeCompare(b.record.title);
}
