/**
 * Many distinct, realistic abstracts from the ~1,600 real ones: each synthetic paper keeps a real
 * paper's title and opening sentence, then continues with sentences of other papers of the same
 * primary category (one in five from anywhere), so topics stay coherent and vocabulary real.
 * Deterministic for a seed.
 */
import { seededRandom } from '../../../support/seededRandom';
import type { FixturePaper } from './fixturePapers';

export interface SyntheticPaper {
  id: string;
  title: string;
  summary: string;
  published: string;
  /** The real paper it grew from, and that paper's primary category. */
  base: string;
  primaryCategory: string;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z(])/).filter((s) => s.length > 20);
}

/**
 * `extraSentences`: how many sentences follow the opening one, at least and at most. The default
 * makes abstracts ~25% shorter than real ones; the benchmark asks for real lengths.
 */
export function synthesizeCorpus(papers: readonly FixturePaper[], count: number, seed = 7, extraSentences: [number, number] = [2, 6]): SyntheticPaper[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const usable = papers.filter((p) => sentences(p.summary).length >= 2);
  const split = usable.map((p) => sentences(p.summary));
  const byCategory = new Map<string, number[]>();
  usable.forEach((p, i) => {
    const c = p.primaryCategory ?? 'unknown';
    byCategory.set(c, [...(byCategory.get(c) ?? []), i]);
  });
  const start = Date.UTC(2024, 0, 1);
  const seen = new Set<string>();
  const out: SyntheticPaper[] = [];
  while (out.length < count) {
    const b = Math.floor(random() * usable.length);
    const base = usable[b];
    const category = base.primaryCategory ?? 'unknown';
    const peers = byCategory.get(category)!;
    const parts = [split[b][0]];
    const extra = extraSentences[0] + Math.floor(random() * (extraSentences[1] - extraSentences[0] + 1));
    for (let k = 0; k < extra; k++) {
      const donor = random() < 0.8 ? pick(peers) : Math.floor(random() * usable.length);
      parts.push(pick(split[donor]));
    }
    const summary = parts.join(' ');
    if (seen.has(summary)) continue;
    seen.add(summary);
    const n = out.length;
    out.push({
      id: `syn${String(n).padStart(6, '0')}`,
      title: base.title,
      summary,
      published: new Date(start + Math.floor(random() * 365 * 86_400_000)).toISOString(),
      base: base.id,
      primaryCategory: category,
    });
  }
  return out;
}
