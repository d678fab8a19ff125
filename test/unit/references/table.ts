/**
 * The reference table (test/fixtures/references/arxiv-references.yaml) and precision/recall over it,
 * shared by the matcher and grammar tests so both are measured the same way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { projectRoot } from '../../support/paths';

export interface TableRow {
  kind: string;
  text: string;
  /** `1706.03762` or `1706.03762v5`, one per reference in the text. */
  expect: string[];
}

export const tablePath = path.join(projectRoot, 'test', 'fixtures', 'references', 'arxiv-references.yaml');

export function loadTable(): TableRow[] {
  const rows = parse(fs.readFileSync(tablePath, 'utf8')) as unknown;
  if (!Array.isArray(rows)) throw new Error(`${tablePath}: expected a list`);
  return rows.map((r: { kind?: unknown; text?: unknown; expect?: unknown }, i) => {
    const ok = typeof r.kind === 'string' && typeof r.text === 'string' && Array.isArray(r.expect) && r.expect.every((e) => typeof e === 'string');
    // A YAML float (1706.03762 unquoted) would silently lose digits, so every id must be a quoted string.
    if (!ok) throw new Error(`${tablePath}: row ${i + 1} needs kind, text and expect (a list of quoted ids)`);
    return r as TableRow;
  });
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Rows whose found references differ from the expected ones, for the failure message. */
  mistakes: { row: TableRow; found: string[] }[];
}

/** Counts per reference (multiset), so finding one of two references is half right. */
export function score(rows: TableRow[], find: (text: string) => string[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const mistakes: Score['mistakes'] = [];
  for (const row of rows) {
    const found = find(row.text);
    const left = [...row.expect];
    let rowFp = 0;
    for (const f of found) {
      const i = left.indexOf(f);
      if (i === -1) rowFp++;
      else left.splice(i, 1);
    }
    tp += found.length - rowFp;
    fp += rowFp;
    fn += left.length;
    if (rowFp > 0 || left.length > 0) mistakes.push({ row, found });
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    mistakes,
  };
}

export function describeScore(label: string, s: Score): string {
  const pct = (x: number) => (x * 100).toFixed(1) + '%';
  return `${label}: precision ${pct(s.precision)} (${s.truePositives} true, ${s.falsePositives} false positives), recall ${pct(s.recall)} (${s.falseNegatives} missed)`;
}

export function describeMistakes(s: Score): string {
  return s.mistakes.map((m) => `  [${m.row.kind}] ${JSON.stringify(m.row.text)}\n    expected ${JSON.stringify(m.row.expect)}, found ${JSON.stringify(m.found)}`).join('\n');
}
