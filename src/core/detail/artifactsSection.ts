/**
 * The detail tab's "Code and artifacts" section: the paper's code repository, project page, and
 * the models and datasets on Hugging Face that cite it. Everything in it comes from the network,
 * so every string is escaped and only http(s) links are clickable.
 */
import type { ArtifactsState } from '../replication/artifactsLookup';
import { type HfRepoRef, noArtifacts, noneFoundText } from '../replication/huggingFace';
import { escapeHtml } from '../text/escapeHtml';
import { safeUrl } from '../text/safeUrl';

export const ARTIFACTS_ELEMENT_ID = 'artifacts';

/** The whole section, with the current state inside; the page script replaces its body when the lookup ends. */
export function renderArtifactsSection(state: ArtifactsState): string {
  return `<section class="artifacts" aria-label="Code and artifacts">
  <h2>Code and artifacts</h2>
  <div id="${ARTIFACTS_ELEMENT_ID}" aria-live="polite" aria-busy="${state.kind === 'loading'}">${renderArtifactsBody(state)}</div>
</section>`;
}

/** The section's body for one state of the lookup. */
export function renderArtifactsBody(state: ArtifactsState): string {
  switch (state.kind) {
    case 'loading':
      return '<p class="muted">Looking up official code and artifacts on Hugging Face…</p>';
    case 'off':
      return '<p class="muted">Not looked up: the <code>paperPractice.huggingFace.url</code> setting is empty.</p>';
    case 'failed':
      return `<p class="muted">Could not look up official code and artifacts: ${escapeHtml(state.message)}. Open the paper again to retry.</p>`;
    case 'found':
      break;
  }
  const a = state.artifacts;
  if (noArtifacts(a)) return `<p>${escapeHtml(noneFoundText(a))}</p>`;
  const rows: [string, string][] = [
    ['Code', a.githubRepo ? `${link(a.githubRepo, repoLabel(a.githubRepo))}${a.githubStars !== null ? ` <span class="muted">(${a.githubStars} stars)</span>` : ''}` : none('none linked')],
    ['Project page', a.projectPage ? link(a.projectPage, a.projectPage) : none('none linked')],
    ['Models', refList(a.models)],
    ['Datasets', refList(a.datasets)],
  ];
  const source = a.paperUrl ? link(a.paperUrl, 'Hugging Face') : 'Hugging Face';
  return `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<p class="muted source">From ${source}, as of ${escapeHtml(a.checkedAt.slice(0, 10))}.</p>`;
}

function refList(refs: HfRepoRef[]): string {
  if (!refs.length) return none('none found');
  return `<ul class="refs">${refs
    .map((r) => `<li>${link(r.url, r.id)}${r.downloads !== null ? ` <span class="muted">(${r.downloads.toLocaleString('en-US')} downloads)</span>` : ''}</li>`)
    .join('')}</ul>`;
}

function link(url: string, text: string): string {
  return `<a href="${escapeHtml(safeUrl(url))}" title="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}

function none(text: string): string {
  return `<span class="muted">${text}</span>`;
}

/** `https://github.com/owner/repo` reads as `owner/repo`. */
function repoLabel(url: string): string {
  const m = /^https?:\/\/(?:www\.)?github\.com\/([^/?#]+\/[^/?#]+?)(?:\.git)?\/?$/i.exec(url);
  return m ? m[1] : url;
}
