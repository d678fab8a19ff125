/**
 * Claims prefilled from an abstract: "28.4 BLEU on WMT 2014 English-to-German", "top-1 accuracy
 * of 76.1% on ImageNet". The user confirms and edits them, so the reader favours precision: it
 * keeps absolute results of the paper's own method and drops relative changes ("improves by 2%"),
 * baselines' numbers ("compared to 1.896"), starting points ("from 23.0% to 70.4%" keeps 70.4),
 * background sentences about other systems, and efficiency ratios (speedups, compression).
 * Precision and recall on hand-labelled real abstracts (a development table and two held-out
 * ones) are measured in test/unit/replication/claims.test.ts.
 *
 * How: per sentence, find values (number, unit, ±) and metric mentions; pair each value with a
 * metric right before it ("accuracy of 76.1%") or right after it ("28.4 BLEU"); let lists of
 * values share a metric ("94.8%, 74.9% and 98.3% accuracy"); block values the context makes
 * relative or someone else's; then attach datasets ("on ImageNet", "on A, B and C, respectively").
 */
import * as D from './datasets';
import { findMetrics, findValues, type MetricMention, type ValueMention } from './mentions';
import type { MetricDef } from './metrics';
import { plainAbstract, sentences } from './normalize';

export interface AbstractClaim {
  value: number;
  /** The number as written ("76.1"), so the manifest keeps the paper's precision. */
  valueText: string;
  /** "%", "dB", "mm", "°", or the metric's own unit ("BLEU"); null for a bare number. */
  unit: string | null;
  reportedStd: number | null;
  /** Canonical metric name ("accuracy", "BLEU", "pass@k"). */
  metric: string;
  /** The metric as the paper wrote it, with a qualifier in front ("segmentation accuracy", "pass@1"). */
  metricText: string;
  dataset: string | null;
  higherIsBetter: boolean | null;
  /** The sentence it was read from, TeX flattened. */
  sentence: string;
}

interface Slot {
  v: ValueMention;
  metric: MetricMention | null;
  /** Where the metric was found: before the value ("accuracy of 76.1%") or after ("28.4 BLEU"). */
  side: 'before' | 'after' | 'inherited' | null;
  blocked: false | 'relative' | 'start' | 'baseline';
  /** End of the value and, when the metric follows it, of the metric. */
  groupEnd: number;
  dataset: string | null;
}

const CONNECTORS = String.raw`(?:\s|[(:=≥≤<>~)]|\b(?:of|at|is|was|were|are|be|to|below|under|less than|more than|at least|at most|reach(?:es|ed|ing)?|achiev(?:es|ed|ing)?|attain(?:s|ed|ing)?|yield(?:s|ed|ing)?|around|about|approximately|approx\.|roughly|nearly|above|over|exceeding|as high as|as low as|up to|only|just|averaged|macro|micro|weighted|macro-averaged|value|values|rate|rates|consistently)\b)*`;
const BEFORE_GAP = new RegExp(`^,?${CONNECTORS}(?:,?\\s*rang(?:e|es|ed|ing)\\s+from\\s+)?$`, 'i');
const AFTER_FILLER_WORD = /^(?:[a-z][a-z-]*|[A-Z]{1,2})$/;
const NOT_FILLER = /^(?:on|in|for|by|with|than|compared|versus|vs|across|over|under|at|to|from|and|or|while|when|which|that|the|a|an|improvements?|increases?|reductions?|decreases?|gains?|drops?|degradations?|loss|losses|higher|lower|better|worse|fewer|more|less|faster|slower|smaller|larger|bigger|speedups?|speed-ups?|boost|enhancements?|lift|margins?|relative|absolute|points?|compression|costs?|energy|memory|parameters?|tokens?|flops|impact|stronger|weaker)$/i;
const RELATIVE_AFTER = /^\s*\)?\s*(?:(?:relative|absolute|average)\s+)?(?:improvements?|differences?|increases?|reductions?|decreases?|gains?|drops?|degradations?|loss|higher|lower|better|worse|fewer|more|less|faster|slower|smaller|larger|bigger|speed-?ups?|boost|enhancements?|lift|margins?|points?\s+(?:higher|lower|better|improvement)|compression|cost|energy|memory|parameters|tokens|FLOPs|impact|stronger|weaker|of\s+(?:the\s+original|the\s+baseline|its|their|the\s+full)|times)\b/i;
const RELATIVE_BEFORE = /\b(?:by|margins?\s+of|(?:improvement|increase|reduction|gain|decrease|drop|loss|degradation|boost|enhancement|difference)s?\s+of)\s+(?:(?:up\s+to|about|around|nearly|over|approximately|only|just|roughly|more\s+than|less\s+than|at\s+least|an\s+average\s+of|average\s+of|on\s+average|a\s+relative|relative|a|an)\s+)*$/i;
const KEEPING_SHARE = /\b(?:recover\w*|retain\w*|maintain\w*|preserv\w*|keep\w*|retriev\w*)\s+(?:over\s+|about\s+|around\s+|up\s+to\s+|nearly\s+)?$/i;
const BASELINE_CUE = /\b(?:compared\s+(?:to|with)|in\s+comparison|versus|vs\.?|than)\b/i;
/**
 * "surpassing GPT-4o (76.6%)" gives a baseline's number; "outperforming baseline models with an
 * accuracy of 94.5%" our own: these cues block only when no "with"/"achieving" follows them.
 */
const BEATING_CUE = /\b(?:surpass\w*|outperform\w*|exceed\w*|beat\w*|baselines?|prior|previous|existing|original\s+model|teacher)\b(?![^]*\b(?:with|achiev\w*|reach\w*|attain\w*|obtain\w*|yield\w*)\b)/i;
const ACHIEVEMENT = /\b(?:achiev\w*|obtain\w*|reach\w*|attain\w*|yield\w*|scor\w*|report\w*)\b/i;
const FUNCTION_WORDS = /^(?:for|on|in|and|or|with|by|at|to|when|while|compared|vs|versus|respectively|than|as|across|over|under|of|from|using|after|before|per|is|are|was|were)\b/;
const BACKGROUND_SENTENCE = /^(?:While|Although|Though|Whereas|Existing|Prior|Previous|Current|Conventional|Traditional|In\s+contrast|By\s+contrast|However,\s+(?:existing|prior|previous|current))\b/;
const CHANGE_IN = /\b(?:improvements?|increases?|reductions?|decreases?|gains?|drops?|differences?|changes?|degradations?|boosts?)\s+(?:in|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i;
/** "accuracy, ranging from 0.92 to 0.96": both ends are results, unlike "from 23.0% to 70.4%". */
const RANGE_FROM = /\brang(?:e|es|ed|ing)\s+from\s+$/i;
const OWN_WORK = /\b(?:we|our|ours|proposed|this\s+(?:paper|work|study))\b/i;
const LIST_SEPARATOR_END = /(?:,|\band|\bor|\/)\s*(?:(?:up\s+to|about|around|only|just|over|nearly|approximately)\s+)?$/i;
const LIST_SEPARATOR_BLOCK = /[;:]|\b(?:compared|versus|vs|than|surpass\w*|outperform\w*|exceed\w*|baselines?|while|whereas|improv\w*|increas\w*|reduc\w*|decreas\w*|from|to)\b/i;

export function extractClaims(abstract: string): AbstractClaim[] {
  const text = plainAbstract(abstract);
  const out: AbstractClaim[] = [];
  for (const { text: s } of sentences(text)) out.push(...claimsOfSentence(s));
  return dedupe(out);
}

function claimsOfSentence(s: string): AbstractClaim[] {
  if (BACKGROUND_SENTENCE.test(s) && !OWN_WORK.test(s)) return [];
  const values = findValues(s).filter((v) => plausible(v, s) && !isLabel(s, v));
  if (values.length === 0) return [];
  const metrics = findMetrics(s);
  const slots: Slot[] = values.map((v) => ({ v, metric: null, side: null, blocked: false, groupEnd: v.end, dataset: null }));

  for (const slot of slots) {
    slot.blocked = blockReason(s, slot.v);
    pairDirect(s, slot, metrics);
  }
  pairFromTo(s, slots, metrics);
  const chains = linkLists(s, slots, metrics);
  const extra: Slot[] = [];
  for (const chain of chains) {
    inheritInChain(chain);
    const shared = mapMetricList(s, chain, metrics);
    for (const x of chain) resolveGenericScore(x, metrics);
    assignDatasets(s, chain);
    for (const x of shared) x.dataset = chain[0].dataset;
    extra.push(...shared);
  }
  return [...slots, ...extra]
    .filter((x) => !x.blocked && x.metric)
    .sort((a, b) => a.v.start - b.v.start)
    .map((x) => toClaim(x, s));
}

/** Percentages over 100 are relative, thousands-separated and huge numbers are counts. */
function plausible(v: ValueMention, s: string): boolean {
  if (v.unit === 'x' || v.unit === '×' || v.unit === '%pt' || v.unit === 'pp' || v.unit === 'points' || v.unit === 'point') return false;
  if (v.unit === '%' && v.value > 100) return false;
  if (/,/.test(v.text) || v.value >= 10000) return false;
  // A bare number followed by a noun counts or measures that noun ("40 clusters", "5 minute
  // precision"), unless the noun is the metric itself ("0.748 precision", "28.4 BLEU").
  if (v.unit === null && v.std === null) {
    const next = /^\s+([a-z][\w-]*)/.exec(s.slice(v.end));
    if (next && !FUNCTION_WORDS.test(next[1]) && !findMetrics(s.slice(v.end)).some((m) => m.start === next.index + next[0].length - next[1].length)) return false;
  }
  return true;
}

/** "Task 1", "COCO 2017", "Llama 3": an integer naming the word before it, not a value. */
function isLabel(s: string, v: ValueMention): boolean {
  if (v.unit !== null || v.std !== null || !/^\d+$/.test(v.text)) return false;
  const m = /(?:^|\s)([A-Z][\w-]*)\s$/.exec(s.slice(Math.max(0, v.start - 30), v.start));
  return !!m && !findMetrics(m[1]).some((x) => x.text === m[1]);
}

/** Start of the clause holding `at`: after the last , ; : or unclosed ( before it. */
function clauseStart(s: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = s[i];
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth === 0 && (c === ',' || c === ';' || c === ':')) return i + 1;
  }
  return 0;
}

function blockReason(s: string, v: ValueMention): Slot['blocked'] {
  const before = s.slice(Math.max(0, v.start - 60), v.start);
  const after = s.slice(v.end, v.end + 60);
  if (RELATIVE_AFTER.test(after) || RELATIVE_BEFORE.test(before)) return 'relative';
  if (KEEPING_SHARE.test(before) && /^\s*of\b/.test(after)) return 'relative';
  if (/\bfrom\s+$/i.test(before) && !RANGE_FROM.test(before) && /^\s*(?:\([^()]*\)\s*)?(?:with\s[^,;]*?\s)?to\s+\d/.test(after)) return 'start';
  // "less than 5%" bounds our own number; "higher than GPT-4 (76%)" compares with another's.
  const clause = s.slice(clauseStart(s, v.start), v.start).replace(/\b(?:less|more|greater|fewer)\s+than\s*$/i, '');
  if (BASELINE_CUE.test(clause) || BEATING_CUE.test(clause)) return 'baseline';
  // "85% of the pixels", "79% of cases": a share of something, not a metric's value.
  if (v.unit === '%' && /^\s+of\s+/.test(after) && !/^\s+of\s+(?:[\w-]+\s+)?(?:accuracy|precision|recall)\b/i.test(after)) return 'relative';
  return false;
}

function pairDirect(s: string, slot: Slot, metrics: MetricMention[]): void {
  const { v } = slot;
  const after = metrics.find((m) => m.start >= v.end && afterGapOk(s.slice(v.end, m.start)));
  const beforeM = [...metrics].reverse().find((m) => m.end <= v.start);
  const gap = beforeM ? s.slice(beforeM.end, v.start) : '';
  // Connector words only ("accuracy of", "BLEU score reaches", "ROUGE-1 score, 0.364").
  const before = beforeM && BEFORE_GAP.test(gap) ? beforeM : undefined;
  const adjacent = after && s.slice(v.end, after.start).trim() === '';
  if (after && (adjacent || !before)) {
    slot.metric = after;
    slot.side = 'after';
    slot.groupEnd = after.end;
    // "0.3% accuracy drop": the change word can follow the metric too.
    if (RELATIVE_AFTER.test(s.slice(after.end, after.end + 40))) slot.blocked = slot.blocked || 'relative';
  } else if (before) {
    slot.metric = before;
    slot.side = 'before';
    // "relative reductions in word error rates (WERs) of up to 5%": the change names the metric.
    if (CHANGE_IN.test(s.slice(Math.max(0, before.start - 50), before.start))) slot.blocked = slot.blocked || 'relative';
  } else {
    const acronym = ACHIEVEMENT.test(s.slice(clauseStart(s, v.start), v.start)) ? acronymMetricBefore(s, v) : null;
    if (acronym) {
      slot.metric = acronym;
      slot.side = 'before';
    }
  }
}

/** At most two plain words between a value and the metric after it ("90% clean data accuracy"). */
function afterGapOk(gap: string): boolean {
  const words = gap.trim().split(/\s+/).filter(Boolean);
  if (words.length > 2 || /[,;:()]/.test(gap)) return false;
  return words.every((w, i) => AFTER_FILLER_WORD.test(w) && (!NOT_FILLER.test(w) || (w === 'of' && i === words.length - 1 && words.length === 1)));
}

/** Metrics the vocabulary lacks but the paper spells as an acronym: "PA-MPVPE of 5.3mm", "F@15mm of 0.992". */
function acronymMetricBefore(s: string, v: ValueMention): MetricMention | null {
  const m = /(?:^|[\s(])((?:[A-Z][A-Za-z0-9@-]*[A-Z0-9][A-Za-z0-9@-]*|[A-Z]@[\w.]+))\s+of\s+$/.exec(s.slice(Math.max(0, v.start - 40), v.start));
  if (!m || /^(?:GPT|LLM|LLMs|API|GPU|CPU|TPU|AI|ML|DNN|CNN|RNN|SOTA|NLP)\b/.test(m[1]) || /\d{3,}/.test(m[1])) return null;
  const start = v.start - m[0].length + m[0].indexOf(m[1]);
  const def: MetricDef = { name: m[1], pattern: '', caseInsensitive: false, higherIsBetter: null };
  return { start, end: start + m[1].length, def, text: m[1] };
}

/**
 * "FID increase from 1.95 to 1.98", "accuracy of GPT-3.5 from 23.03% to 70.42%": the end value
 * gets the metric. "accuracy, ranging from 0.92 to 0.96": both ends share it. "by 41.7% to 42.3%":
 * both ends are relative.
 */
function pairFromTo(s: string, slots: Slot[], metrics: MetricMention[]): void {
  for (let i = 0; i + 1 < slots.length; i++) {
    const a = slots[i];
    const b = slots[i + 1];
    if (!/^\s*(?:\([^()]*\)\s*)?(?:with\s[^,;]*?\s)?to\s+$/.test(s.slice(a.v.end, b.v.start))) continue;
    if (a.blocked === 'relative') {
      b.blocked = b.blocked || 'relative';
      continue;
    }
    if (RANGE_FROM.test(s.slice(Math.max(0, a.v.start - 30), a.v.start)) && a.metric && !b.metric) {
      b.metric = a.metric;
      b.side = 'inherited';
      continue;
    }
    if (a.blocked !== 'start' || b.metric) continue;
    const m = [...metrics].reverse().find((x) => x.end <= a.v.start);
    if (!m) continue;
    const gap = s.slice(m.end, a.v.start);
    if (/[,;:]/.test(gap.replace(/^\s*\)/, ''))) continue;
    if (!/^(?:\s*\(?\s*|\s+(?:[\w.-]+\s+){0,5})from\s+$/i.test(gap)) continue;
    b.metric = m;
    b.side = 'before';
  }
}

/** Values listed together ("accuracies of 94.8%, 74.9% and 98.3% on ..."): chains of slots. */
function linkLists(s: string, slots: Slot[], metrics: MetricMention[]): Slot[][] {
  const chains: Slot[][] = [];
  let chain: Slot[] = [];
  for (let i = 0; i < slots.length; i++) {
    const prev = chain[chain.length - 1];
    if (prev && listSeparator(s, prev, slots[i], metrics)) chain.push(slots[i]);
    else {
      if (chain.length) chains.push(chain);
      chain = [slots[i]];
    }
  }
  if (chain.length) chains.push(chain);
  for (const c of chains) {
    // A relative number makes its whole list relative ("5.5%, 6.7% and 4.5% improvements").
    if (c.some((x) => x.blocked === 'relative')) for (const x of c) x.blocked = x.blocked || 'relative';
  }
  return chains;
}

function listSeparator(s: string, u: Slot, v: Slot, metrics: MetricMention[]): boolean {
  const sep = s.slice(u.groupEnd, v.v.start);
  if (sep.length > 80 || sep.trim().split(/\s+/).length > 10) return false;
  if (!LIST_SEPARATOR_END.test(sep)) return false;
  if (LIST_SEPARATOR_BLOCK.test(sep.replace(/\brespectively\b/g, '').replace(/\bup\s+to\s*$/, ''))) return false;
  if ((sep.match(/\(/g)?.length ?? 0) !== (sep.match(/\)/g)?.length ?? 0) && !/^\s*\)/.test(sep)) return false;
  if (metrics.some((m) => m.start >= u.groupEnd && m.end <= v.v.start)) return false;
  return true;
}

function inheritInChain(chain: Slot[]): void {
  for (let i = 0; i < chain.length; i++) {
    if (chain[i].metric) continue;
    for (let d = 1; d < chain.length; d++) {
      const donor = chain[i - d]?.metric ? chain[i - d] : chain[i + d]?.metric ? chain[i + d] : undefined;
      if (donor) {
        chain[i].metric = donor.metric;
        chain[i].side = 'inherited';
        break;
      }
    }
  }
}

/**
 * A list of metrics before a list of values. "mean AUC and F1 scores of 80.91% and 73.97%,
 * respectively": metric i goes to value i. "precision, recall and F1 score macro averaged > 0.90":
 * one value shared by every metric, returned as extra slots.
 */
function mapMetricList(s: string, chain: Slot[], metrics: MetricMention[]): Slot[] {
  const first = chain[0];
  if (first.side !== 'before' || !first.metric) return [];
  const list: MetricMention[] = [first.metric];
  let idx = metrics.indexOf(first.metric);
  while (idx > 0 && /^\s*(?:,|,?\s*and)\s*$/.test(s.slice(metrics[idx - 1].end, metrics[idx].start))) {
    list.unshift(metrics[idx - 1]);
    idx--;
  }
  if (list.length < 2) return [];
  const tail = s.slice(chain[chain.length - 1].groupEnd, chain[chain.length - 1].groupEnd + 40);
  if (chain.length > 1 && list.length === chain.length && /^[^.;]*\brespectively\b/.test(tail)) {
    chain.forEach((x, i) => (x.metric = list[i]));
    return [];
  }
  if (chain.length !== 1) return [];
  return list.slice(0, -1).map((metric) => ({ ...first, metric }));
}

/** A bare "scores" refers back to the metric the sentence named ("Dice ... achieved scores of 0.825"). */
function resolveGenericScore(slot: Slot, metrics: MetricMention[]): void {
  if (!slot.metric || slot.metric.def.name !== 'score') return;
  const named = [...metrics].reverse().find((m) => m.end <= slot.metric!.start && m.def.name !== 'score' && m.def.name !== 'error');
  if (named) slot.metric = named;
}

function assignDatasets(s: string, chain: Slot[]): void {
  const last = chain[chain.length - 1];
  const afterChain = s.slice(last.groupEnd);
  if (chain.length > 1) {
    const names = D.datasetListRightAfter(afterChain);
    if (names && names.length === chain.length) {
      chain.forEach((x, i) => (x.dataset = names[i]));
      return;
    }
  }
  for (const x of chain) x.dataset = D.datasetRightAfter(s.slice(x.groupEnd));
  if (chain.some((x) => x.dataset) && chain.length > 1) return;
  const clauseEnd = nextBoundary(s, last.groupEnd);
  const shared =
    D.firstDatasetIn(s.slice(last.groupEnd, clauseEnd)) ??
    D.lastDatasetIn(s.slice(clauseStart(s, chain[0].v.start), chain[0].v.start)) ??
    D.namedDatasetIn(s.slice(0, chain[0].v.start)) ??
    D.leadingDataset(s) ??
    (chain[0].metric && chain[0].side === 'before' ? D.nameBefore(s.slice(0, chain[0].metric.start)) : null);
  for (const x of chain) x.dataset = x.dataset ?? shared;
}

/** Where a forward dataset search stops: "84.5% and on HumanEval with pass@1 ..." names the next value's set. */
function nextBoundary(s: string, from: number): number {
  const m = /[,;]|\d|\band\b/.exec(s.slice(from));
  return m ? from + (m.index ?? 0) : s.length;
}

/** Words in front of a metric worth keeping in a description: "segmentation accuracy", "mean AUC". */
const QUALIFIER = /(?:^|\s)((?:[a-z]+-)?(?:[a-z]+(?:tion|sion|ment|ing)|test|validation|val|mean|average|overall|macro|micro|weighted|balanced|top-[15]|zero-shot|few-shot|one-shot|clean|exact|pixel-level|frame-level|video-level|word-level|token-level|sentence-level|image-level|object-level))\s+$/i;
const NOT_QUALIFIER = /^(?:during|using|including|following|achieving|reaching|yielding|outperforming|surpassing|improving|increasing|reducing|maintaining|preserving|demonstrating|showing|obtaining|attaining|setting|being|having|matching|exceeding|something|nothing|anything|everything)$/i;

function metricWithQualifier(m: MetricMention, sentence: string): string {
  const q = QUALIFIER.exec(sentence.slice(Math.max(0, m.start - 40), m.start));
  return q && !NOT_QUALIFIER.test(q[1]) ? `${q[1]} ${m.text}` : m.text;
}

function toClaim(x: Slot, sentence: string): AbstractClaim {
  const def = x.metric!.def;
  return {
    value: x.v.value,
    valueText: x.v.text,
    unit: x.v.unit === 'percent' ? '%' : (x.v.unit ?? def.displayUnit ?? null),
    reportedStd: x.v.std,
    metric: def.name,
    metricText: metricWithQualifier(x.metric!, sentence),
    dataset: x.dataset,
    higherIsBetter: def.higherIsBetter,
    sentence,
  };
}

/** The same claim read twice in different sentences (summary and detail) is kept once. */
function dedupe(claims: AbstractClaim[]): AbstractClaim[] {
  const firstSeenIn = new Map<string, string>();
  return claims.filter((c) => {
    const key = `${c.value}|${c.metric}|${c.dataset ?? ''}`;
    const where = firstSeenIn.get(key);
    if (where === undefined) firstSeenIn.set(key, c.sentence);
    return where === undefined || where === c.sentence;
  });
}
