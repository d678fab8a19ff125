/**
 * Finds arXiv references in any text: markdown, code comments, notebook cells, LaTeX, BibTeX.
 * Explicit forms (URLs, arXiv DOIs, `arXiv:` prefixes, old-style `archive/YYMMNNN`) are taken
 * whenever the id is valid; a bare `YYMM.NNNNN` also has to sit in a plausible context
 * (context.ts), because many numbers share its shape.
 */
import { parseArxivId } from '../arxiv/ids';
import { plausibleBareId } from './context';
import { referencePatterns, type ReferenceForm } from './patterns';

export interface ArxivReference {
  /** Normalised id without version: `1706.03762`, `math/0309136`. */
  id: string;
  /** The version written, or null. */
  version: number | null;
  form: ReferenceForm;
  /** UTF-16 offsets into the text, end exclusive. */
  range: { start: number; end: number };
  /** 0-based line and UTF-16 column of `range.start`, as VS Code positions count. */
  line: number;
  character: number;
  matchedText: string;
}

// Compiled on first use, so loading the extension does not pay for these long patterns.
let compiled: { form: ReferenceForm; priority: number; re: RegExp }[] | undefined;
function patterns(): { form: ReferenceForm; priority: number; re: RegExp }[] {
  compiled ??= referencePatterns().map((p, priority) => ({ form: p.form, priority, re: new RegExp(p.source, 'g') }));
  return compiled;
}

interface Candidate {
  form: ReferenceForm;
  priority: number;
  start: number;
  end: number;
  idText: string;
}

export function findArxivReferences(text: string): ArxivReference[] {
  const lines = new LineIndex(text);
  const candidates: Candidate[] = [];
  for (const { form, priority, re } of patterns()) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      candidates.push({ form, priority, start: m.index, end: m.index + m[0].length, idText: m[1] });
    }
  }
  // Longest first at each position, then the more explicit form; overlapping later ones lose.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.priority - b.priority);
  const found: ArxivReference[] = [];
  let taken = 0;
  for (const c of candidates) {
    if (c.start < taken) continue;
    const parsed = parseArxivId(c.idText);
    if (!parsed.ok) continue;
    const { line, character } = lines.position(c.start);
    if (c.form === 'bare') {
      const lineText = lines.text(line);
      if (!plausibleBareId({ line: lineText, start: character, end: character + (c.end - c.start) })) continue;
    }
    found.push({
      id: parsed.id.id,
      version: parsed.id.version,
      form: c.form,
      range: { start: c.start, end: c.end },
      line,
      character,
      matchedText: text.slice(c.start, c.end),
    });
    taken = c.end;
  }
  return found;
}

/** Offsets to line/character by binary search over line starts (texts can be whole notebooks). */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  /** The line without its line end. */
  text(line: number): string {
    const end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.source.length;
    return this.source.slice(this.starts[line], end).replace(/\r$/, '');
  }
}
