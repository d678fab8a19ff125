import type { PaperDetails } from '../arxiv/types';
import type { ArtifactsState } from '../replication/artifactsLookup';
import { escapeHtml } from '../text/escapeHtml';
import { safeUrl } from '../text/safeUrl';
import { plainTitle } from '../text/texText';
import { webviewHead } from '../text/webviewHead';
import { formatScore } from '../ranking/feedOrder';
import { renderArtifactsSection } from './artifactsSection';
import { renderParagraphs, renderTextWithMath } from './renderMath';

/** What the detail tab shows about one paper besides its arXiv record. */
export interface PaperPageModel {
  paper: PaperDetails;
  /** Library status label ("to read"), or null when the paper is not saved. */
  status: string | null;
  statuses: { value: string; label: string }[];
  tags: string[];
  /** Why the ranking places it where it does: the top terms it shares with the library. */
  recommendation?: RecommendationModel | null;
  /** Official code and artifacts (Hugging Face); absent: no such section. */
  artifacts?: ArtifactsState;
}

export interface RecommendationModel {
  /** "your library" or "papers tagged vision". */
  basis: string;
  /** The decision value; null when ranking by date. */
  score: number | null;
  /** Why the ranking is by date, when it is. */
  reason: string | null;
  terms: { term: string; libraryPapers: number }[];
}

export interface PageAssets {
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
}

/**
 * The detail tab's HTML. Every string from arXiv is escaped (or typeset by KaTeX as MathML); the
 * only script is the extension's own, allowed by nonce; nothing loads from outside the extension.
 */
export function renderPaperPage(model: PaperPageModel, assets: PageAssets): string {
  const { paper } = model;
  const id = escapeHtml(paper.id);
  return `${webviewHead({
    ...assets,
    title: plainTitle(paper.title),
    extraDirectives: [`img-src ${assets.cspSource} data:`, `font-src ${assets.cspSource}`],
  })}
<body data-paper-id="${id}">
<main>
<header>
  <div class="eyebrow">
    <span class="paper-id">arXiv:${id}v${paper.version}</span>
    ${paper.primaryCategory ? `<span class="category primary">${escapeHtml(paper.primaryCategory)}</span>` : ''}
    ${paper.categories.filter((c) => c !== paper.primaryCategory).map((c) => `<span class="category">${escapeHtml(c)}</span>`).join('')}
  </div>
  <h1>${renderTextWithMath(paper.title)}</h1>
  <p class="authors">${renderAuthors(paper)}</p>
  ${renderDates(paper)}
</header>
${renderActions(model)}
${renderRecommendation(model)}
<section class="abstract" aria-label="Abstract">
  <h2>Abstract</h2>
  ${renderParagraphs(paper.summary)}
</section>
${renderFacts(paper)}
${renderLinks(paper)}
${model.artifacts ? renderArtifactsSection(model.artifacts) : ''}
${renderVersions(paper)}
</main>
<script nonce="${assets.nonce}" src="${escapeHtml(assets.scriptUri)}"></script>
</body>
</html>`;
}

function renderAuthors(paper: PaperDetails): string {
  return paper.authors
    .map((a) => {
      const affiliation = a.affiliations.length
        ? ` <span class="affiliation">(${a.affiliations.map(escapeHtml).join(', ')})</span>`
        : '';
      return `<span class="author">${escapeHtml(a.name)}${affiliation}</span>`;
    })
    .join(', ');
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

function renderDates(paper: PaperDetails): string {
  const parts: string[] = [];
  if (paper.published) parts.push(`Submitted <time datetime="${escapeHtml(paper.published)}">${day(paper.published)}</time>`);
  if (paper.updated && paper.updated !== paper.published && paper.version > 1) {
    parts.push(`v${paper.version} <time datetime="${escapeHtml(paper.updated)}">${day(paper.updated)}</time>`);
  }
  return parts.length ? `<p class="dates">${parts.join(' · ')}</p>` : '';
}

function renderActions(model: PaperPageModel): string {
  const options = model.statuses
    .map((s) => `<option value="${escapeHtml(s.value)}"${s.label === model.status || s.value === model.status ? ' selected' : ''}>${escapeHtml(s.label)}</option>`)
    .join('');
  const statusControl = model.status
    ? `<label class="status">Status <select data-action="setStatus" aria-label="Library status">${options}</select></label>`
    : `<button class="primary" data-action="save">Save to Library</button>`;
  const tags = model.tags.length
    ? `<span class="tags" aria-label="Tags">${model.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('')}</span>`
    : '';
  return `<nav class="actions" aria-label="Paper actions">
  ${statusControl}
  <button data-action="openPdf">Open PDF</button>
  <button data-action="openNotes">Open Notes</button>
  <button data-action="startReplication">Start Replication</button>
  <button data-action="copyBibtex">Copy BibTeX</button>
  ${tags}
</nav>`;
}

export const RECOMMENDATION_ELEMENT_ID = 'recommendation';

/**
 * Where "Why recommended" goes for a paper outside the library: filled now if the ranker has
 * answered, else when it does (the page script fills it, so the page is not reloaded under the reader).
 */
function renderRecommendation(model: PaperPageModel): string {
  if (model.status) return '';
  const r = model.recommendation;
  return `<div id="${RECOMMENDATION_ELEMENT_ID}" aria-live="polite">${r ? renderRecommendationSection(r) : ''}</div>`;
}

/** The "Why recommended" section. */
export function renderRecommendationSection(r: RecommendationModel): string {
  const basis = escapeHtml(r.basis);
  const lead =
    r.score !== null
      ? `<p>Score <strong class="score">${formatScore(r.score)}</strong> from a ranker trained on ${basis} (higher is closer).</p>`
      : `<p>${escapeHtml(r.reason ?? 'Sorted by date.')}</p>`;
  const terms = r.terms.length
    ? `<p>Words it shares with ${basis}, strongest first:</p><ul class="terms">${r.terms
        .map((t) => `<li><span class="term">${escapeHtml(t.term)}</span> <span class="count">${t.libraryPapers} paper${t.libraryPapers === 1 ? '' : 's'}</span></li>`)
        .join('')}</ul>`
    : `<p>It shares no distinctive words with ${basis}.</p>`;
  return `<section class="recommendation" aria-label="Why recommended"><h2>Why recommended</h2>${lead}${terms}</section>`;
}

function renderFacts(paper: PaperDetails): string {
  const rows: [string, string][] = [];
  if (paper.comment) rows.push(['Comment', renderTextWithMath(paper.comment)]);
  if (paper.journalRef) rows.push(['Journal reference', escapeHtml(paper.journalRef)]);
  if (paper.doi) rows.push(['DOI', `<a href="https://doi.org/${encodeURI(paper.doi)}">${escapeHtml(paper.doi)}</a>`]);
  if (paper.otherClassifications.length) rows.push(['Classification', escapeHtml(paper.otherClassifications.join('; '))]);
  if (paper.license) rows.push(['Licence', `<a href="${escapeHtml(safeUrl(paper.license))}">${escapeHtml(paper.license)}</a>`]);
  if (!rows.length) return '';
  return `<section class="facts" aria-label="Details"><dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></section>`;
}

function renderLinks(paper: PaperDetails): string {
  const links: [string, string][] = [
    ['Abstract page', paper.links.abs],
    ['PDF', paper.links.pdf],
    ['HTML (experimental)', `https://arxiv.org/html/${paper.id}v${paper.version}`],
  ];
  if (paper.links.doi) links.push(['DOI', paper.links.doi]);
  return `<section class="links" aria-label="Links"><h2>Links</h2><ul>${links
    .map(([label, url]) => `<li><a href="${escapeHtml(safeUrl(url))}">${label}</a></li>`)
    .join('')}</ul></section>`;
}

function renderVersions(paper: PaperDetails): string {
  if (paper.version <= 1) return '';
  const items = Array.from({ length: paper.version }, (_, i) => i + 1)
    .map((v) => `<li><a href="https://arxiv.org/abs/${escapeHtml(paper.id)}v${v}">v${v}</a>${v === paper.version ? ' (this version)' : ''}</li>`)
    .join('');
  return `<section class="versions" aria-label="Versions"><h2>Versions</h2><ol>${items}</ol></section>`;
}
