/**
 * The parts of a paper's notes the replication report quotes: sections under headings such as
 * "What was easy", "What was difficult", "Communication with the authors". Matching is by words
 * in the heading, so "## Easy parts" or "### Hard bits" work too.
 */

export type ReportSection = 'easy' | 'difficult' | 'communication' | 'discrepancies' | 'lessons';

const MATCHERS: ReadonlyArray<[ReportSection, RegExp]> = [
  ['easy', /\beas(?:y|ier|iest)\b|\bwent well\b/i],
  ['difficult', /\bdifficult\w*|\bhard\b|\bharder\b|\bchalleng\w*|\bwent wrong\b/i],
  ['communication', /\bcommunicat\w*|\bcontact\w*|\bauthors?\b/i],
  ['discrepancies', /\bdiscrepanc\w*|\bdeviation\w*|\bdifferences?\b/i],
  ['lessons', /\blessons?\b|\blearn(?:ed|t)\b|\btakeaways?\b/i],
];

/** Section texts by kind; the first matching heading wins. Code fences are not read as headings. */
export function notesSections(body: string): Partial<Record<ReportSection, string>> {
  const out: Partial<Record<ReportSection, string>> = {};
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const headings: Array<{ index: number; level: number; text: string }> = [];
  let fence = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) headings.push({ index, level: m[1].length, text: m[2] });
  });
  headings.forEach((h, k) => {
    const kind = MATCHERS.find(([, re]) => re.test(h.text))?.[0];
    if (!kind || out[kind] !== undefined) return;
    const next = headings.slice(k + 1).find((x) => x.level <= h.level);
    const text = lines.slice(h.index + 1, next ? next.index : lines.length).join('\n').trim();
    // An empty section, or only the notebook's placeholder bullet, says nothing yet.
    if (text && !/^[*-]\s*$/.test(text)) out[kind] = text;
  });
  return out;
}
