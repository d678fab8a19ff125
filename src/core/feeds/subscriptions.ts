/**
 * What the Feeds view follows, as stored in the `paperPractice.subscriptions` setting (so Settings
 * Sync carries it): arXiv categories (daily announcements) and saved API searches.
 */
export type Subscription =
  | { kind: 'category'; label: string; categories: string[] }
  | { kind: 'search'; label: string; query: string };

/** arXiv archive or subject class: `cs`, `cs.LG`, `math.GT`, `astro-ph.CO`, `q-bio.NC`. */
const CATEGORY = /^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$/;

export function validateCategory(input: string): string | undefined {
  const value = input.trim();
  if (!value) return 'Enter a category such as cs.LG.';
  if (!CATEGORY.test(value)) return `"${value}" is not an arXiv category (examples: cs.LG, cs.CV, stat.ML, math.OC, hep-th).`;
  return undefined;
}

/** Splits "cs.LG, cs.CV" or "cs.LG+cs.CV" into categories. */
export function splitCategories(input: string): string[] {
  return input
    .split(/[\s,+]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

export function subscriptionKey(sub: Subscription): string {
  return sub.kind === 'category' ? `category:${[...sub.categories].sort().join('+')}` : `search:${sub.query.trim()}`;
}

export interface ParsedSubscriptions {
  subscriptions: Subscription[];
  problems: string[];
}

/** Reads the setting's raw value; entries that make no sense are reported, not silently used. */
export function parseSubscriptions(raw: unknown): ParsedSubscriptions {
  const subscriptions: Subscription[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(raw)) return { subscriptions, problems: raw === undefined ? [] : ['paperPractice.subscriptions must be a list.'] };
  raw.forEach((entry, index) => {
    const where = `paperPractice.subscriptions[${index}]`;
    if (!entry || typeof entry !== 'object') return problems.push(`${where} is not an object.`);
    const e = entry as Record<string, unknown>;
    let sub: Subscription | undefined;
    if (e.kind === 'category') {
      const categories = Array.isArray(e.categories) ? e.categories.filter((c): c is string => typeof c === 'string') : [];
      const bad = categories.map(validateCategory).find(Boolean);
      if (!categories.length) problems.push(`${where} has no categories.`);
      else if (bad) problems.push(`${where}: ${bad}`);
      else sub = { kind: 'category', categories, label: typeof e.label === 'string' && e.label.trim() ? e.label : categories.join(', ') };
    } else if (e.kind === 'search') {
      const query = typeof e.query === 'string' ? e.query.trim() : '';
      if (!query) problems.push(`${where} has an empty query.`);
      else sub = { kind: 'search', query, label: typeof e.label === 'string' && e.label.trim() ? e.label : query };
    } else {
      problems.push(`${where} has kind ${JSON.stringify(e.kind)}; expected "category" or "search".`);
    }
    if (sub) {
      const key = subscriptionKey(sub);
      if (seen.has(key)) problems.push(`${where} repeats ${key}.`);
      else {
        seen.add(key);
        subscriptions.push(sub);
      }
    }
  });
  return { subscriptions, problems };
}

/** The value written back to settings (no derived fields). */
export function serializeSubscription(sub: Subscription): Record<string, unknown> {
  return sub.kind === 'category'
    ? { kind: 'category', label: sub.label, categories: sub.categories }
    : { kind: 'search', label: sub.label, query: sub.query };
}
