/**
 * Real papers from the recorded arXiv responses in ../shared/fixtures/arxiv, read with a quick
 * regex (the project's own parsers are not under test here), and a deterministic generator that
 * recombines them into libraries and feed caches of any size for the benchmark.
 */
import type { Paper } from '../../../../src/core/arxiv/types';
import { readFixture } from '../../../support/paths';
import { seededRandom } from '../../../support/seededRandom';

const FIXTURES = ['api-legacy-search-deep-dream-2017.xml', 'api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml', 'rss-quant-ph-2025-04-28.xml', 'rss-all-archives-combined-2024-11-28.xml'];

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const tag = (xml: string, name: string) => decode(new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '').trim();
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `A (MIT, CSAIL), B` -> ['A', 'B']: affiliations in parentheses may hold commas. */
function splitCreators(s: string): string[] {
  return s
    .replace(/\([^)]*\)/g, '')
    .split(',')
    .map(squash)
    .filter(Boolean);
}

function paper(id: string, version: number, title: string, summary: string, authors: string[], categories: string[], published: string | null): Paper {
  return {
    id,
    version,
    title: squash(title),
    summary: squash(summary),
    authors: authors.map((name) => ({ name, affiliations: [] })),
    published,
    updated: published,
    primaryCategory: categories[0] ?? null,
    categories,
    comment: null,
    journalRef: null,
    doi: null,
    links: { abs: `https://arxiv.org/abs/${id}v${version}`, pdf: `https://arxiv.org/pdf/${id}v${version}`, doi: null },
    announceType: null,
  };
}

function fromApi(xml: string): Paper[] {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].flatMap(([, e]) => {
    const m = /abs\/(.+?)v(\d+)$/.exec(tag(e, 'id'));
    if (!m) return [];
    const authors = [...e.matchAll(/<name>([\s\S]*?)<\/name>/g)].map(([, n]) => squash(decode(n)));
    const categories = [...e.matchAll(/<category term="([^"]+)"/g)].map(([, c]) => c);
    return [paper(m[1], Number(m[2]), tag(e, 'title'), tag(e, 'summary'), authors, categories, tag(e, 'published') || null)];
  });
}

function fromRss(xml: string): Paper[] {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].flatMap(([, item]) => {
    const m = /^arXiv:(\S+)v(\d+)[\s\S]*?Abstract:([\s\S]*)$/.exec(tag(item, 'description'));
    if (!m) return [];
    const categories = [...item.matchAll(/<category>([^<]+)<\/category>/g)].map(([, c]) => c);
    return [paper(m[1], Number(m[2]), tag(item, 'title'), m[3], splitCreators(tag(item, 'dc:creator')), categories, null)];
  });
}

let cached: Paper[] | undefined;

/** Every distinct paper in the fixtures (about 1,600), in file order. */
export function fixturePapers(): Paper[] {
  if (cached) return cached;
  const byId = new Map<string, Paper>();
  for (const file of FIXTURES) {
    const xml = readFixture(file);
    for (const p of file.startsWith('api-') ? fromApi(xml) : fromRss(xml)) if (!byId.has(p.id)) byId.set(p.id, p);
  }
  cached = [...byId.values()];
  return cached;
}


const TAGS = ['to-replicate', 'diffusion', 'llm', 'rl', 'vision', 'theory', 'graphs', 'optimization', 'benchmark', 'survey', 'reading-group', 'quantum'];

export interface SyntheticPaper {
  paper: Paper;
  tags: string[];
  notes: string;
}

/**
 * `count` papers made by recombining real ones: the title's first half from one paper and second
 * half from another, three abstracts' sentences, authors from the whole pool. Ids are unique.
 */
export function syntheticPapers(count: number, seed = 1): SyntheticPaper[] {
  const base = fixturePapers();
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const sentences = base.map((p) => p.summary.split(/(?<=\.)\s+/));
  const names = base.flatMap((p) => p.authors.map((a) => a.name));
  const out: SyntheticPaper[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(base);
    const b = pick(base);
    const aw = a.title.split(' ');
    const bw = b.title.split(' ');
    const title = [...aw.slice(0, Math.ceil(aw.length / 2)), ...bw.slice(Math.floor(bw.length / 2))].join(' ');
    const summary = [pick(sentences).slice(0, 3), pick(sentences).slice(1, 4), pick(sentences).slice(-2)].flat().join(' ');
    const authors = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => ({ name: pick(names), affiliations: [] }));
    const yymm = String(1501 + (i % 9) * 100 + Math.floor(i / 90000)).padStart(4, '0');
    const id = `${yymm}.${String(10000 + (i % 90000)).padStart(5, '0')}`;
    const tags = Array.from({ length: Math.floor(rnd() * 3) }, () => pick(TAGS));
    const notes = rnd() < 0.4 ? `\n# ${title}\n\n- ${pick(sentences)[0] ?? ''}\n- Check the ablation in section 4.\n` : `\n# ${title}\n\n`;
    out.push({ paper: { ...a, id, version: 1, title, summary, authors, links: { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}`, doi: null } }, tags: [...new Set(tags)], notes });
  }
  return out;
}
