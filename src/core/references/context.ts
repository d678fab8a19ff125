/**
 * Whether a bare new-style id (`1706.03762` with no `arXiv:` and no URL) is plausibly an arXiv
 * reference in its line. The shape rules already reject most numbers; these checks catch the
 * numbers that happen to have a valid shape: versions (`version 2101.00001`), quantities
 * (`1203.4567 ms`), code (`x = 1203.4567`), phone numbers, and rows of a table of numbers.
 * A regex in the editor grammar cannot see this much context, so only the matcher applies them.
 */
import { parseArxivId } from '../arxiv/ids';

/** A line that names arXiv, a paper or a citation is about references: the number checks are skipped there. */
const CUE = /arxiv|e-?print|preprint|\bpapers?\b|paper_?id|\bcit(?:e|ation)|\bdoi\b|\breferences?\b|\bet al\b/i;

/** Words after which a number is a version, not a paper. */
const VERSION_WORD =
  /\b(?:version|ver|release|rel|build|python|py|node|nodejs|java|jdk|go|ruby|rust|gcc|clang|cuda|cudnn|torch|pytorch|tensorflow|tf|numpy|jax|pip|npm|conda|ubuntu|debian|macos|windows|ios|android|unity|matlab|r)\.?[ \t]*$/i;

/** An operator or comparison just before: code or a formula. */
const OPERATOR_BEFORE = /[=<>+\-*/^|&][ \t]*$/;
/** A markdown table cell (`| `) or list bullet (`- `, `* `, `+ ` at the start of the line) is not an operator. */
const CELL_OR_BULLET_BEFORE = /(?:^|[ \t])\|[ \t]+$|^[ \t]*(?:[-*+]|\/\/|#|--|%)[ \t]+$/;
/** A measured quantity just before: `loss: 1203.4567`, `score 1203.4567`, `Total: 1203.4567`. */
const QUANTITY_BEFORE =
  /\b(?:loss|acc|accuracy|score|time|total|mean|avg|average|std|median|min|max|value|price|cost|lr|reward|return|ppl|perplexity|bleu|rouge|f1|auc|error|err|elapsed|duration|epoch|step|memory|mem|size|count|throughput|latency|speed|temperature|sum|balance|amount|distance|height|width|length|weight|elevation)[ \t]*[:=]?[ \t]*$/i;

/** A unit right after the number: it is a quantity. Letters that are also English words (a, in) are left out. */
const UNIT_AFTER =
  /^[ \t]?(?:ms|s|sec|secs|seconds|min|mins|minutes|h|hrs|hours|days|ns|us|µs|kg|g|mg|mb|gb|kb|tb|mib|gib|kib|hz|khz|mhz|ghz|m|km|cm|mm|nm|µm|ft|k|x|×|°|°c|°f|usd|eur|€|\$|px|pt|dpi|fps|flops|gflops|tflops|ppm|db|mv|kv|kw|mw|ma|kj|kcal|cal|mol|ml|bar|mbar|pa|kpa|mpa|hpa|psi|atm|%)(?![A-Za-z])/i;

const PHONE_WORD = /\b(?:tel|phone|fax|mobile|call|whatsapp|ext|contact|reach us)\b/i;

/** Numbers with a decimal part, as tokens of their own. */
const DECIMAL_NUMBER = /(?<![\w.])\d+[.,]\d+(?:[.,]\d+)*(?![\w.]\w)/g;

export interface BareContext {
  line: string;
  /** Offsets of the match within `line`. */
  start: number;
  end: number;
}

export function plausibleBareId({ line, start, end }: BareContext): boolean {
  const before = line.slice(0, start);
  const after = line.slice(end);
  if (VERSION_WORD.test(before)) return false;
  if (OPERATOR_BEFORE.test(before) && !CELL_OR_BULLET_BEFORE.test(before)) return false;
  if (UNIT_AFTER.test(after)) return false;
  if (QUANTITY_BEFORE.test(before)) return false;
  if (CUE.test(line)) return true;
  if (PHONE_WORD.test(line)) return false;
  if (numbersOnly(line, start, end)) return false;
  return preciseNumbers(line, start) === 0;
}

/**
 * A line of nothing but numbers and separators (`1203.4567,1302.5678,0.12`, `| 2021 | 1203.4567 |`)
 * is data when any of the other numbers is not an arXiv id; a plain list of ids is still a list of ids.
 */
function numbersOnly(line: string, start: number, end: number): boolean {
  const rest = (line.slice(0, start) + ' ' + line.slice(end)).replace(/(\d)v\d+/g, '$1');
  if (/[A-Za-z]/.test(rest)) return false;
  const others = rest.match(/\d+(?:[.,]\d+)*/g) ?? [];
  return others.some((n) => !parseArxivId(n).ok);
}

/**
 * Other numbers on the line that are measurements like the candidate could be: three or more
 * digits on either side of the point, and not arXiv ids themselves. One is enough to call the line
 * data (`| 1203.4567 | 1387.2213 |`, `0.0001 to 1203.4567`), while a list of ids or a row with
 * short scores (`| 1706.03762 | 28.4 | 41.8 |`) is not.
 */
function preciseNumbers(line: string, start: number): number {
  let count = 0;
  for (const m of line.matchAll(DECIMAL_NUMBER)) {
    if (m.index === start) continue;
    const [whole, fraction = ''] = m[0].split(/[.,]/);
    if ((whole.length >= 3 || fraction.length >= 3) && !parseArxivId(m[0]).ok) count++;
  }
  return count;
}
