import type { Author } from '../arxiv/types';

/** "Vaswani, Shazeer, Parmar et al." — the first authors' family names, for one-line lists. */
export function shortAuthors(authors: readonly (Author | string)[], max = 3): string {
  const names = authors.map((a) => familyName(typeof a === 'string' ? a : a.name));
  if (names.length === 0) return '';
  return names.length > max ? `${names.slice(0, max).join(', ')} et al.` : names.join(', ');
}

function familyName(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

/** "Thu, 28 Nov 2024" for a YYYY-MM-DD day, independent of the machine's time zone. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** One line of a multi-line abstract, shortened at a word boundary. */
export function excerpt(text: string, maxChars = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxChars - 40))}…`;
}
