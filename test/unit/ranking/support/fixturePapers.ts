/**
 * The real papers of the recorded arXiv responses (two RSS feeds, two API pages), deduplicated by
 * id: ~1,600 titles and abstracts for ranking tests and the benchmark. Uses the project's parsers
 * when they have been built (out/src/core/arxiv/{feedParser,apiParser}.js), else a small regex
 * reader of the same fields, so these tests do not wait for the parsers.
 */
import * as fs from 'fs';
import * as path from 'path';
import { arxivFixturesDir, projectRoot } from '../../../support/paths';

export interface FixturePaper {
  id: string;
  title: string;
  summary: string;
  published: string | null;
  primaryCategory: string | null;
  categories: string[];
}

const FEEDS = ['rss-all-archives-combined-2024-11-28.xml', 'rss-quant-ph-2025-04-28.xml'];
const API_PAGES = ['api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml', 'api-legacy-search-deep-dream-2017.xml'];

type Parser = (xml: string) => { papers: FixturePaper[] };

function projectParser(file: string, name: string): Parser | null {
  const compiled = path.join(projectRoot, 'out', 'src', 'core', 'arxiv', file);
  if (!fs.existsSync(compiled)) return null;
  try {
    const parse = (require(compiled) as Record<string, unknown>)[name];
    return typeof parse === 'function' ? (parse as Parser) : null;
  } catch {
    return null;
  }
}

let cached: { papers: FixturePaper[]; source: string } | undefined;

/** All fixture papers, first seen wins; `source` says which reader produced them. */
export function loadFixturePapers(): { papers: FixturePaper[]; source: string } {
  if (cached) return cached;
  const feedParser = projectParser('feedParser.js', 'parseFeed');
  const apiParser = projectParser('apiParser.js', 'parseApiResponse');
  const byId = new Map<string, FixturePaper>();
  const add = (papers: FixturePaper[]): void => {
    for (const p of papers) {
      if (!byId.has(p.id)) {
        byId.set(p.id, {
          id: p.id,
          title: p.title,
          summary: p.summary,
          published: p.published,
          primaryCategory: p.primaryCategory,
          categories: p.categories,
        });
      }
    }
  };
  for (const f of FEEDS) add(readWith(f, feedParser, regexFeed));
  for (const f of API_PAGES) add(readWith(f, apiParser, regexApi));
  cached = { papers: [...byId.values()], source: feedParser && apiParser ? 'project parsers' : 'regex reader' };
  return cached;
}

function readWith(file: string, parser: Parser | null, fallback: (xml: string) => FixturePaper[]): FixturePaper[] {
  const xml = fs.readFileSync(path.join(arxivFixturesDir, file), 'utf8');
  if (parser) {
    try {
      return parser(xml).papers;
    } catch {
      // A parser under construction may throw; the regex reader still gives the data.
    }
  }
  return fallback(xml);
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

const one = (re: RegExp, s: string): string | null => {
  const m = re.exec(s);
  return m ? decode(m[1]).replace(/\s+/g, ' ').trim() : null;
};

function regexFeed(xml: string): FixturePaper[] {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => {
    const item = m[1];
    const categories = [...item.matchAll(/<category>([^<]+)<\/category>/g)].map((c) => c[1]);
    const pubDate = one(/<pubDate>([^<]+)<\/pubDate>/, item);
    return {
      id: one(/<link>https?:\/\/arxiv\.org\/abs\/([^<]+)<\/link>/, item)!,
      title: one(/<title>([\s\S]*?)<\/title>/, item)!,
      summary: one(/Abstract:([\s\S]*?)<\/description>/, item) ?? '',
      published: pubDate ? new Date(pubDate).toISOString() : null,
      primaryCategory: categories[0] ?? null,
      categories,
    };
  });
}

function regexApi(xml: string): FixturePaper[] {
  return [...xml.matchAll(/<entry[^>]*>([\s\S]*?)<\/entry>/g)].map((m) => {
    const entry = m[1];
    const rawId = one(/<id>https?:\/\/arxiv\.org\/abs\/([^<]+)<\/id>/, entry)!;
    return {
      id: rawId.replace(/v\d+$/, ''),
      title: one(/<title[^>]*>([\s\S]*?)<\/title>/, entry)!,
      summary: one(/<summary[^>]*>([\s\S]*?)<\/summary>/, entry) ?? '',
      published: one(/<published[^>]*>([^<]+)<\/published>/, entry),
      primaryCategory: /<arxiv:primary_category[^>]*term="([^"]+)"/.exec(entry)?.[1] ?? null,
      categories: [...entry.matchAll(/<category[^>]*term="([^"]+)"/g)].map((c) => c[1]),
    };
  });
}
