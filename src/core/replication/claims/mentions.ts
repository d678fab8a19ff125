/**
 * The two kinds of tokens the claim reader pairs up: reported values (a number with its unit and
 * optional ± spread) and metric mentions.
 */
import { METRICS, type MetricDef } from './metrics';

export interface ValueMention {
  start: number;
  /** End of the number, its unit and its ± spread. */
  end: number;
  value: number;
  text: string;
  unit: string | null;
  std: number | null;
}

export interface MetricMention {
  start: number;
  end: number;
  def: MetricDef;
  text: string;
}

const UNIT = String.raw`%|percent\b|pp\b|%\s*pt\b|dB\b|mm\b|cm\b|ms\b|m\b|s\b|°|x\b|×|points?\b`;
const VALUE_RE = new RegExp(
  String.raw`(?<![\w.@/^±-])(\d+(?:,\d{3})+(?![\d])|\d+)(?:\.(\d+))?` + // the number
    String.raw`(?:\s?(${UNIT}))?` + // its unit
    String.raw`(?:\s*(?:±\s*|\(\s*±\s*)(\d+(?:\.\d+)?)(?:\s*\))?(?:\s?(${UNIT}))?)?`, // ± spread, "(±0.3)"
  'g',
);

export function findValues(s: string): ValueMention[] {
  const out: ValueMention[] = [];
  for (const m of s.matchAll(VALUE_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const next = s.slice(end, end + 2);
    // "3D", "7B", "13.7k", "10-fold", "3-, 6-month": names and modifiers, not reported values;
    // but a compound unit glued to the number is one ("2.47kcal/mol", "18.7mm/s").
    const glued = !m[3] && !m[5] ? /^[A-Za-zµμ]+\/[A-Za-z]+\b/.exec(s.slice(end)) : null;
    if (!m[3] && !m[5] && !glued && /^[A-Za-z0-9]/.test(next)) continue;
    if (/^-/.test(next)) continue;
    let unit = m[3] ?? m[5] ?? glued?.[0] ?? null;
    if (unit === 'percent') unit = '%';
    const text = m[1] + (m[2] !== undefined ? `.${m[2]}` : '');
    out.push({ start, end: end + (glued?.[0].length ?? 0), value: Number(text.replace(/,/g, '')), text, unit: unit ? unit.replace(/\s+/g, '') : null, std: m[4] !== undefined ? Number(m[4]) : null });
  }
  return out;
}

export function findMetrics(s: string): MetricMention[] {
  const taken: MetricMention[] = [];
  for (const def of METRICS) {
    const re = new RegExp(def.pattern, def.caseInsensitive ? 'gi' : 'g');
    for (const m of s.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (m[0].length === 0 || taken.some((t) => start < t.end && t.start < end)) continue;
      // Generic "<word> rate" definitions name the metric after the word the paper used.
      const named = def.name.includes('$1') ? { ...def, name: def.name.replace('$1', (m[1] ?? '').toLowerCase()) } : def;
      taken.push({ start, end, def: named, text: m[0] });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
