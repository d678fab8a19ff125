/**
 * Official code and artifacts looked up once per paper for the session: the detail view opens at
 * once and fills its "Code and artifacts" section when the answer comes. Concurrent lookups of one
 * paper share a request. What was found (including "nothing") is remembered until the base URL
 * changes; a failure is not, so opening the paper again retries.
 */
import { fetchHfArtifacts, type HfArtifacts, HfError, type HfOptions } from './huggingFace';

export type ArtifactsState =
  | { kind: 'loading' }
  /** The base URL setting is empty: the user turned the lookup off. */
  | { kind: 'off' }
  | { kind: 'found'; artifacts: HfArtifacts }
  | { kind: 'failed'; message: string };

export type FetchArtifacts = (arxivId: string, opts: HfOptions) => Promise<HfArtifacts>;

export class ArtifactsLookup {
  private readonly found = new Map<string, HfArtifacts>();
  private readonly pending = new Map<string, Promise<ArtifactsState>>();
  /** Aborts whatever is in flight when the extension goes away. */
  private readonly controller = new AbortController();

  constructor(
    private readonly fetch: FetchArtifacts = fetchHfArtifacts,
    private readonly options: Omit<HfOptions, 'baseUrl' | 'signal'> = {},
  ) {}

  /** What is known now, without asking: the remembered answer, or "loading". */
  peek(arxivId: string, baseUrl: string): ArtifactsState {
    if (!baseUrl.trim()) return { kind: 'off' };
    const a = this.found.get(key(arxivId, baseUrl));
    return a ? { kind: 'found', artifacts: a } : { kind: 'loading' };
  }

  /** The answer for a paper: remembered, shared with a lookup in flight, or asked for now. Never rejects. */
  lookup(arxivId: string, baseUrl: string): Promise<ArtifactsState> {
    const known = this.peek(arxivId, baseUrl);
    if (known.kind !== 'loading') return Promise.resolve(known);
    const k = key(arxivId, baseUrl);
    let p = this.pending.get(k);
    if (!p) {
      p = this.fetch(arxivId, { ...this.options, baseUrl: baseUrl.trim(), signal: this.controller.signal }).then(
        (artifacts): ArtifactsState => {
          this.found.set(k, artifacts);
          return { kind: 'found', artifacts };
        },
        (e: unknown): ArtifactsState => ({ kind: 'failed', message: e instanceof HfError ? e.message : `Hugging Face lookup failed (${String(e)})` }),
      );
      this.pending.set(k, p);
      void p.finally(() => this.pending.delete(k));
    }
    return p;
  }

  dispose(): void {
    this.controller.abort();
  }
}

function key(arxivId: string, baseUrl: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')} ${arxivId}`;
}
