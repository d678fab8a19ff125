/**
 * `replication.json` read for the editor: the manifest (normalised, defaults filled in), every
 * problem with the range it concerns, and the range of each claim and assumption so the editor
 * can put a verdict (CodeLens, diagnostic) on the right lines. Positions are 0-based lines and
 * UTF-16 characters, as VS Code's Position. Tolerant: a claim that cannot be judged is reported
 * and left out, the rest still shows; syntax errors are reported and whatever parses is used.
 */
import { type JsonNode as Node, parseJsonTree } from './jsonTree';
import {
  type Assumption,
  type Claim,
  type CodeLocation,
  type ComputeBudget,
  DEFAULT_SEEDS,
  type Environment,
  type Framework,
  FRAMEWORKS,
  MANIFEST_SCHEMA_VERSION,
  REPLICATION_STATUSES,
  type ReplicationManifest,
  type ReplicationStatus,
  type Run,
} from './manifest';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface ManifestProblem {
  severity: 'error' | 'warning';
  message: string;
  /** JSON path of the value concerned (`["claims", 2, "tolerance"]`). */
  path: Array<string | number>;
  range: Range;
}
export interface ManifestParse {
  /** null when the text is not a JSON object at all. */
  manifest: ReplicationManifest | null;
  problems: ManifestProblem[];
  /** Each claim's object, by claim id. */
  claimRanges: Record<string, Range>;
  assumptionRanges: Record<string, Range>;
}

type Path = Array<string | number>;

class Reader {
  readonly problems: ManifestProblem[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStarts[lo] };
  }

  range(offset: number, length: number): Range {
    return { start: this.position(offset), end: this.position(offset + length) };
  }

  report(severity: 'error' | 'warning', message: string, path: Path, node: Node | undefined, fallback: Node): void {
    const at = node ?? fallback;
    // A missing key is reported on the object's first line, not the whole object.
    const length = node ? at.length : Math.min(at.length, 1);
    this.problems.push({ severity, message, path, range: this.range(at.offset, length) });
  }
}

function prop(obj: Node, key: string): Node | undefined {
  if (obj.type !== 'object') return undefined;
  const p = obj.children?.find((c) => c.type === 'property' && c.children?.[0]?.value === key);
  return p?.children?.[1];
}

const describe = (n: Node) => (n.type === 'null' ? 'null' : n.type);

export function parseManifest(text: string): ManifestParse {
  const r = new Reader(text);
  const { root, errors } = parseJsonTree(text);
  for (const e of errors) {
    r.problems.push({ severity: 'error', message: `JSON syntax: ${e.message}`, path: [], range: r.range(e.offset, e.length) });
  }
  const empty = { claimRanges: {}, assumptionRanges: {} };
  if (!root || root.type !== 'object') {
    const at: Node = root ?? { type: 'null', offset: 0, length: 0 };
    r.report('error', 'replication.json must be a JSON object', [], root, at);
    return { manifest: null, problems: r.problems, ...empty };
  }
  const v = new Values(r, root);
  const manifest = readManifest(v, root);
  const claimRanges: Record<string, Range> = {};
  const assumptionRanges: Record<string, Range> = {};
  for (const [id, node] of v.claimNodes) claimRanges[id] = r.range(node.offset, node.length);
  for (const [id, node] of v.assumptionNodes) assumptionRanges[id] = r.range(node.offset, node.length);
  return { manifest, problems: r.problems, claimRanges, assumptionRanges };
}

/** Typed reads of one value each, reporting what is wrong and falling back to a default. */
class Values {
  readonly claimNodes = new Map<string, Node>();
  readonly assumptionNodes = new Map<string, Node>();
  constructor(private readonly r: Reader, private readonly root: Node) {}

  private get(obj: Node, key: string): Node | undefined {
    return prop(obj, key);
  }

  private wrong(obj: Node, key: string, path: Path, want: string, node: Node | undefined, required: boolean): void {
    if (!node && !required) return;
    const msg = node ? `"${key}" must be ${want}, not ${describe(node)}` : `"${key}" is missing (${want})`;
    this.r.report(node || required ? 'error' : 'warning', msg, path, node, obj);
  }

  string(obj: Node, key: string, path: Path, def: string | null, opts: { required?: boolean; nullable?: boolean } = {}): string | null {
    const n = this.get(obj, key);
    if (n?.type === 'string') return n.value as string;
    if (n?.type === 'null' && opts.nullable) return null;
    this.wrong(obj, key, [...path, key], opts.nullable ? 'a string or null' : 'a string', n, !!opts.required);
    return def;
  }

  number(obj: Node, key: string, path: Path, def: number | null, opts: { required?: boolean; nullable?: boolean; min?: number; integer?: boolean } = {}): number | null {
    const n = this.get(obj, key);
    if (n?.type === 'number') {
      const x = n.value as number;
      if (opts.integer && !Number.isInteger(x)) this.r.report('error', `"${key}" must be a whole number`, [...path, key], n, obj);
      else if (opts.min !== undefined && x < opts.min) this.r.report('error', `"${key}" must be at least ${opts.min}`, [...path, key], n, obj);
      else return x;
      return def;
    }
    if (n?.type === 'null' && opts.nullable) return null;
    this.wrong(obj, key, [...path, key], opts.nullable ? 'a number or null' : 'a number', n, !!opts.required);
    return def;
  }

  boolean(obj: Node, key: string, path: Path, def: boolean | null, opts: { nullable?: boolean } = {}): boolean | null {
    const n = this.get(obj, key);
    if (n?.type === 'boolean') return n.value as boolean;
    if (n?.type === 'null' && opts.nullable) return null;
    this.wrong(obj, key, [...path, key], opts.nullable ? 'true, false or null' : 'true or false', n, false);
    return def;
  }

  oneOf<T extends string>(obj: Node, key: string, path: Path, allowed: readonly T[], def: T): T {
    const n = this.get(obj, key);
    if (n?.type === 'string' && (allowed as readonly string[]).includes(n.value as string)) return n.value as T;
    const want = `one of ${allowed.map((a) => `"${a}"`).join(', ')}`;
    if (n) this.r.report('error', `"${key}" must be ${want}`, [...path, key], n, obj);
    else this.r.report('warning', `"${key}" is missing (${want}); using "${def}"`, [...path, key], undefined, obj);
    return def;
  }

  array(obj: Node, key: string, path: Path, required: boolean): Node[] {
    const n = this.get(obj, key);
    if (n?.type === 'array') return n.children ?? [];
    this.wrong(obj, key, [...path, key], 'an array', n, required);
    return [];
  }

  object(obj: Node, key: string, path: Path, required: boolean, nullable = false): Node | null {
    const n = this.get(obj, key);
    if (n?.type === 'object') return n;
    if (n?.type === 'null' && nullable) return null;
    this.wrong(obj, key, [...path, key], nullable ? 'an object or null' : 'an object', n, required);
    return null;
  }

  report(severity: 'error' | 'warning', message: string, path: Path, node: Node | undefined, fallback: Node = this.root): void {
    this.r.report(severity, message, path, node, fallback);
  }
}

function readManifest(v: Values, root: Node): ReplicationManifest {
  const schemaVersion = v.number(root, 'schemaVersion', [], MANIFEST_SCHEMA_VERSION, { integer: true, min: 1 }) ?? MANIFEST_SCHEMA_VERSION;
  if (schemaVersion > MANIFEST_SCHEMA_VERSION) {
    v.report('warning', `schemaVersion ${schemaVersion} is newer than this version of Paper Practice understands (${MANIFEST_SCHEMA_VERSION})`, ['schemaVersion'], prop(root, 'schemaVersion'));
  }
  const paperNode = v.object(root, 'paper', [], true);
  const paper = paperNode
    ? {
        id: v.string(paperNode, 'id', ['paper'], '', { required: true }) ?? '',
        version: v.number(paperNode, 'version', ['paper'], 1, { integer: true, min: 1 }) ?? 1,
        title: v.string(paperNode, 'title', ['paper'], '') ?? '',
      }
    : { id: '', version: 1, title: '' };
  const status = v.oneOf<ReplicationStatus>(root, 'status', [], REPLICATION_STATUSES, 'planned');
  const framework = v.oneOf<Framework>(root, 'framework', [], FRAMEWORKS, 'pytorch');
  const seeds = readSeeds(v, root);
  const claims: Claim[] = [];
  v.array(root, 'claims', [], true).forEach((n, i) => {
    const c = readClaim(v, n, i, seeds.length);
    if (!c) return;
    if (v.claimNodes.has(c.id)) {
      v.report('error', `claim id "${c.id}" is used twice; record() would update only the first`, ['claims', i, 'id'], prop(n, 'id'), n);
      return;
    }
    v.claimNodes.set(c.id, n);
    claims.push(c);
  });
  const assumptions: Assumption[] = [];
  v.array(root, 'assumptions', [], false).forEach((n, i) => {
    const a = readAssumption(v, n, i);
    if (a) {
      v.assumptionNodes.set(a.id, n);
      assumptions.push(a);
    }
  });
  const compute = readCompute(v, root);
  const envNode = v.object(root, 'environment', [], false, true);
  const environment = envNode ? (nodeValue(envNode) as Environment) : null;
  const created = v.string(root, 'created', [], '') ?? '';
  const updated = v.string(root, 'updated', [], created) ?? created;
  return { schemaVersion, paper, status, framework, seeds, claims, assumptions, compute, environment, created, updated };
}

function readSeeds(v: Values, root: Node): number[] {
  const n = prop(root, 'seeds');
  if (!n) {
    v.report('warning', `"seeds" is missing; using ${DEFAULT_SEEDS.join(', ')}`, ['seeds'], undefined, root);
    return [...DEFAULT_SEEDS];
  }
  const ok = n.type === 'array' && (n.children ?? []).every((c) => c.type === 'number' && Number.isInteger(c.value));
  if (!ok || !n.children?.length) {
    v.report('error', '"seeds" must be a non-empty array of whole numbers', ['seeds'], n);
    return [...DEFAULT_SEEDS];
  }
  return n.children.map((c) => c.value as number);
}

function readClaim(v: Values, n: Node, i: number, seedCount: number): Claim | null {
  const path: Path = ['claims', i];
  if (n.type !== 'object') {
    v.report('error', `claim ${i + 1} must be an object`, path, n);
    return null;
  }
  const id = v.string(n, 'id', path, null, { required: true });
  const reported = v.number(n, 'reported', path, null, { required: true });
  const metric = v.string(n, 'metric', path, '', { required: true }) ?? '';
  const tolerance = v.number(n, 'tolerance', path, 0, { required: true, min: 0 }) ?? 0;
  const runs: Run[] = [];
  v.array(n, 'runs', path, false).forEach((rn, j) => {
    const rp: Path = [...path, 'runs', j];
    if (rn.type !== 'object') return v.report('error', 'a run must be an object {value, seed, at, how}', rp, rn);
    const value = v.number(rn, 'value', rp, null, { required: true });
    if (value === null) return;
    runs.push({
      value,
      seed: v.number(rn, 'seed', rp, null, { nullable: true, integer: true }),
      at: v.string(rn, 'at', rp, '') ?? '',
      how: v.string(rn, 'how', rp, null, { nullable: true }),
    });
  });
  if (id === null || id === '' || reported === null) {
    if (id === '') v.report('error', 'claim id must not be empty', [...path, 'id'], prop(n, 'id'), n);
    return null;
  }
  const sourceNode = v.object(n, 'source', path, false);
  const runsPlanned = v.number(n, 'runsPlanned', path, seedCount, { integer: true, min: 1 }) ?? seedCount;
  if (runs.length > runsPlanned) {
    v.report('warning', `${runs.length} runs recorded but ${runsPlanned} planned`, [...path, 'runs'], prop(n, 'runs'), n);
  }
  return {
    id,
    description: v.string(n, 'description', path, '') ?? '',
    metric,
    dataset: v.string(n, 'dataset', path, null, { nullable: true }),
    reported,
    reportedStd: v.number(n, 'reportedStd', path, null, { nullable: true, min: 0 }),
    unit: v.string(n, 'unit', path, null, { nullable: true }),
    tolerance,
    higherIsBetter: v.boolean(n, 'higherIsBetter', path, null, { nullable: true }),
    runsPlanned,
    runs,
    measured: v.number(n, 'measured', path, null, { nullable: true }),
    measuredAt: v.string(n, 'measuredAt', path, null, { nullable: true }),
    measuredHow: v.string(n, 'measuredHow', path, null, { nullable: true }),
    source: sourceNode
      ? {
          where: v.string(sourceNode, 'where', [...path, 'source'], '') ?? '',
          page: v.number(sourceNode, 'page', [...path, 'source'], null, { nullable: true, integer: true, min: 1 }),
          quote: v.string(sourceNode, 'quote', [...path, 'source'], null, { nullable: true }),
        }
      : { where: '', page: null, quote: null },
    confirmed: v.boolean(n, 'confirmed', path, false) ?? false,
  };
}

function readAssumption(v: Values, n: Node, i: number): Assumption | null {
  const path: Path = ['assumptions', i];
  if (n.type !== 'object') {
    v.report('error', `assumption ${i + 1} must be an object`, path, n);
    return null;
  }
  const id = v.string(n, 'id', path, `a${i + 1}`) ?? `a${i + 1}`;
  const topic = v.string(n, 'topic', path, null, { required: true });
  const decision = v.string(n, 'decision', path, null, { required: true });
  if (topic === null || decision === null) return null;
  const where = v.object(n, 'decidedIn', path, false, true);
  const decidedIn: CodeLocation | null = where
    ? {
        file: v.string(where, 'file', [...path, 'decidedIn'], '', { required: true }) ?? '',
        line: v.number(where, 'line', [...path, 'decidedIn'], null, { nullable: true, integer: true, min: 1 }),
        cell: v.number(where, 'cell', [...path, 'decidedIn'], null, { nullable: true, integer: true, min: 1 }),
      }
    : null;
  return {
    id,
    topic,
    decision,
    rationale: v.string(n, 'rationale', path, null, { nullable: true }),
    paper: v.string(n, 'paper', path, null, { nullable: true }),
    decidedIn,
    at: v.string(n, 'at', path, '') ?? '',
  };
}

function readCompute(v: Values, root: Node): ComputeBudget {
  const n = v.object(root, 'compute', [], false);
  if (!n) return { estimatedHours: null, estimateBasis: null, actualHours: 0, entries: [] };
  const path: Path = ['compute'];
  const entries = v
    .array(n, 'entries', path, false)
    .map((e, j) => {
      const ep: Path = [...path, 'entries', j];
      if (e.type !== 'object') return null;
      const hours = v.number(e, 'hours', ep, null, { required: true, min: 0 });
      return hours === null ? null : { hours, at: v.string(e, 'at', ep, '') ?? '', note: v.string(e, 'note', ep, null, { nullable: true }) };
    })
    .filter((e): e is NonNullable<typeof e> => e !== null);
  const sum = entries.reduce((a, e) => a + e.hours, 0);
  const actualHours = v.number(n, 'actualHours', path, sum, { min: 0 }) ?? sum;
  if (Math.abs(actualHours - sum) > 1e-6 * Math.max(1, sum)) {
    v.report('warning', `"actualHours" is ${actualHours} but the entries add up to ${Number(sum.toFixed(6))}`, [...path, 'actualHours'], prop(n, 'actualHours'), n);
  }
  return {
    estimatedHours: v.number(n, 'estimatedHours', path, null, { nullable: true, min: 0 }),
    estimateBasis: v.string(n, 'estimateBasis', path, null, { nullable: true }),
    actualHours,
    entries,
  };
}

function nodeValue(n: Node): unknown {
  switch (n.type) {
    case 'object':
      return Object.fromEntries((n.children ?? []).map((p) => [p.children?.[0]?.value as string, p.children?.[1] ? nodeValue(p.children[1]) : null]));
    case 'array':
      return (n.children ?? []).map(nodeValue);
    default:
      return n.value;
  }
}
