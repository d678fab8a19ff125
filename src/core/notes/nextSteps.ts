/**
 * What a reader can do next with a paper, given its status: the actions the CodeLens line at the
 * top of its note offers. Moving a paper along the reading path comes first; the replication,
 * the PDF and the detail view are always at hand.
 */
import type { PaperStatus } from '../library/record';

export type NextStep =
  | { kind: 'setStatus'; status: PaperStatus; label: string; icon: string }
  | { kind: 'startReplication' | 'openPdf' | 'openPaper'; label: string; icon: string };

/** The step along the reading path from each status, if there is one. */
function statusStep(status: PaperStatus): NextStep | undefined {
  switch (status) {
    case 'inbox':
    case 'to-read':
      return { kind: 'setStatus', status: 'reading', label: 'Start reading', icon: 'play' };
    case 'reading':
      return { kind: 'setStatus', status: 'read', label: 'Mark read', icon: 'check' };
    case 'abandoned':
      return { kind: 'setStatus', status: 'reading', label: 'Read again', icon: 'play' };
    case 'read':
    case 'replicating':
    case 'replicated':
      return undefined;
  }
}

/** Once a replication exists (replicating, replicated) the same command opens it instead. */
function replicationStep(status: PaperStatus): NextStep {
  const exists = status === 'replicating' || status === 'replicated';
  return { kind: 'startReplication', label: exists ? 'Open replication' : 'Start replication', icon: 'beaker' };
}

export function nextSteps(status: PaperStatus): NextStep[] {
  const step = statusStep(status);
  return [
    ...(step ? [step] : []),
    replicationStep(status),
    { kind: 'openPdf', label: 'Open PDF', icon: 'file-pdf' },
    { kind: 'openPaper', label: 'Paper details', icon: 'preview' },
  ];
}
