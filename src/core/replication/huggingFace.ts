/**
 * Official code and artifacts from the Hugging Face Hub: the paper page (`/api/papers/<id>`: the
 * GitHub repository and project page the authors linked) and the models and datasets whose cards
 * cite the arXiv id (`/api/models?filter=arxiv:<id>`, `/api/datasets?filter=arxiv:<id>`).
 * A 404 on the paper page means the Hub has not indexed the paper: not an error, just nothing.
 * Papers with Code, the old source for this, shut down in July 2025.
 */
import { nodeFetch } from '../lazy';
import { defaultUserAgent } from '../http/userAgent';

export const DEFAULT_HF_URL = 'https://huggingface.co';

export interface HfRepoRef {
  id: string;
  url: string;
  likes: number | null;
  downloads: number | null;
}

export interface HfArtifacts {
  /** The Hub has a paper page for this id. */
  indexed: boolean;
  paperUrl: string | null;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  models: HfRepoRef[];
  datasets: HfRepoRef[];
  checkedAt: string;
}

export interface HfOptions {
  baseUrl?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  userAgent?: string;
  /** Most models / datasets listed (by downloads). */
  limit?: number;
  now?: () => Date;
}

export class HfError extends Error {
  constructor(message: string, readonly url: string, readonly status: number | null) {
    super(message);
    this.name = 'HfError';
  }
}

/** True when nothing at all was found: no page links, no models, no datasets. */
export function noArtifacts(a: HfArtifacts): boolean {
  return !a.githubRepo && !a.projectPage && a.models.length === 0 && a.datasets.length === 0;
}

export async function fetchHfArtifacts(arxivId: string, opts: HfOptions = {}): Promise<HfArtifacts> {
  const base = (opts.baseUrl ?? DEFAULT_HF_URL).replace(/\/+$/, '');
  const limit = opts.limit ?? 20;
  const filter = encodeURIComponent(`arxiv:${arxivId}`);
  const [paper, models, datasets] = await Promise.all([
    getJson(`${base}/api/papers/${encodeURIComponent(arxivId)}`, opts, true),
    getJson(`${base}/api/models?filter=${filter}&limit=${limit}`, opts, false),
    getJson(`${base}/api/datasets?filter=${filter}&limit=${limit}`, opts, false),
  ]);
  const page = isObject(paper) ? paper : null;
  return {
    indexed: page !== null,
    paperUrl: page ? `${base}/papers/${arxivId}` : null,
    githubRepo: str(page?.githubRepo),
    githubStars: num(page?.githubStars),
    projectPage: str(page?.projectPage),
    models: repoRefs(models, `${base}/`, limit),
    datasets: repoRefs(datasets, `${base}/datasets/`, limit),
    checkedAt: (opts.now?.() ?? new Date()).toISOString(),
  };
}

async function getJson(url: string, opts: HfOptions, notFoundIsNull: boolean): Promise<unknown> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), opts.timeoutMs ?? 15_000);
  const onAbort = () => ac.abort();
  opts.signal?.addEventListener('abort', onAbort);
  try {
    const res = await nodeFetch()(url, {
      headers: { Accept: 'application/json', 'User-Agent': opts.userAgent ?? defaultUserAgent() },
      // node-fetch@2 types predate the DOM AbortSignal; the runtime object is compatible.
      signal: ac.signal as never,
    });
    if (res.status === 404 && notFoundIsNull) return null;
    if (!res.ok) throw new HfError(`Hugging Face answered ${res.status} ${res.statusText} for ${url}`, url, res.status);
    try {
      return await res.json();
    } catch {
      throw new HfError(`Hugging Face sent something that is not JSON for ${url}`, url, res.status);
    }
  } catch (e) {
    if (e instanceof HfError) throw e;
    const why = ac.signal.aborted ? (opts.signal?.aborted ? 'cancelled' : 'timed out') : (e as Error).message;
    throw new HfError(`Could not reach Hugging Face (${why})`, url, null);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

function repoRefs(list: unknown, urlPrefix: string, limit: number): HfRepoRef[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(isObject)
    .map((r) => ({ id: str(r.id) ?? str(r.modelId) ?? '', likes: num(r.likes), downloads: num(r.downloads) }))
    .filter((r) => r.id !== '')
    .map((r) => ({ ...r, url: `${urlPrefix}${r.id}` }))
    .sort((a, b) => (b.downloads ?? 0) - (a.downloads ?? 0))
    .slice(0, limit);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
const str = (x: unknown): string | null => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** The plain sentence for a paper with nothing on the Hub (README and detail view say the same). */
export function noneFoundText(a: HfArtifacts): string {
  return `None found: as of ${a.checkedAt.slice(0, 10)}, Hugging Face ${a.indexed ? 'has a page for this paper but lists' : 'has not indexed this paper and lists'} no code repository, project page, model or dataset for it.`;
}

/** Markdown lines for the README: what was found, or plainly that nothing was. */
export function artifactsMarkdown(a: HfArtifacts | null, error?: string): string {
  if (!a) return error ? `Could not check Hugging Face: ${error}. Look the paper up at https://huggingface.co/papers later.` : 'Not checked.';
  const day = a.checkedAt.slice(0, 10);
  if (noArtifacts(a)) return noneFoundText(a);
  const out: string[] = [`From Hugging Face, as of ${day}${a.paperUrl ? ` ([paper page](${a.paperUrl}))` : ''}:`, ''];
  out.push(`- Code: ${a.githubRepo ? `${a.githubRepo}${a.githubStars !== null ? ` (${a.githubStars} stars)` : ''}` : 'none linked'}`);
  out.push(`- Project page: ${a.projectPage ?? 'none linked'}`);
  const list = (refs: HfRepoRef[]) =>
    refs.length ? refs.map((r) => `[${r.id}](${r.url})${r.downloads !== null ? ` (${r.downloads} downloads)` : ''}`).join(', ') : 'none found';
  out.push(`- Models citing it: ${list(a.models)}`);
  out.push(`- Datasets citing it: ${list(a.datasets)}`);
  return out.join('\n');
}
