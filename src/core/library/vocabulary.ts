/**
 * The terms an index holds, grouped by first letter, to turn what the user typed into terms the
 * index can look up: completions of a half-typed word ("transf" -> transformer, transfer) and
 * near misses of a mistyped one ("difusion" -> diffusion). Both rank by how many papers use the
 * term, so the likely meaning comes first.
 */

export interface TermSource {
  terms(): Iterable<string>;
  /** Papers containing the term (0 once the last one is removed). */
  docCount(term: string): number;
}

/** True when `a` becomes `b` with at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export class Vocabulary {
  private byInitial = new Map<string, string[]>();
  private stale = true;

  constructor(private readonly source: TermSource) {}

  /** After bulk changes: regroup lazily on the next lookup. */
  invalidate(): void {
    this.stale = true;
  }

  /** A term the index did not hold before (cheaper than regrouping after a single add). */
  noteNewTerm(term: string): void {
    if (!this.stale) this.group(term);
  }

  /** Up to `k` indexed terms that extend `prefix`, most used first. */
  completions(prefix: string, k: number): string[] {
    if (prefix.length < 2) return [];
    return this.best(
      this.initial(prefix).filter((t) => t.length > prefix.length && t.startsWith(prefix)),
      k,
    );
  }

  /**
   * Up to `k` indexed terms one edit away from `term`; with `asPrefix`, terms that start with
   * something one edit away (the user is still typing). Typos in the first letter are not found:
   * looking only under the same initial keeps this fast.
   */
  similar(term: string, k: number, asPrefix: boolean): string[] {
    if (term.length < 4) return [];
    const n = term.length;
    const near = (t: string) =>
      asPrefix ? [n - 1, n, n + 1].some((len) => t.length >= len && withinOneEdit(term, t.slice(0, len))) : withinOneEdit(term, t);
    return this.best(
      this.initial(term).filter((t) => t !== term && near(t)),
      k,
    );
  }

  private initial(term: string): string[] {
    if (this.stale) {
      this.byInitial.clear();
      for (const t of this.source.terms()) this.group(t);
      this.stale = false;
    }
    return this.byInitial.get(term[0]) ?? [];
  }

  private group(term: string): void {
    const list = this.byInitial.get(term[0]);
    if (list) list.push(term);
    else this.byInitial.set(term[0], [term]);
  }

  private best(candidates: string[], k: number): string[] {
    // Terms of removed papers stay listed until the next regroup; a count of 0 drops them here.
    const counted = [...new Set(candidates)].map((t) => [t, this.source.docCount(t)] as const).filter(([, n]) => n > 0);
    counted.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    return counted.slice(0, k).map(([t]) => t);
  }
}
