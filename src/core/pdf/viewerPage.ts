import { escapeHtml } from '../text/escapeHtml';
import { webviewHead } from '../text/webviewHead';

export interface ViewerAssets {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  workerUri: string;
}

const icon = (path: string) => `<svg viewBox="0 0 16 16" aria-hidden="true"><path d="${path}"/></svg>`;
const ICONS = {
  up: icon('M8 4.5 3.5 9l.7.7L8 5.9l3.8 3.8.7-.7z'),
  down: icon('M8 11.5 12.5 7l-.7-.7L8 10.1 4.2 6.3l-.7.7z'),
  minus: icon('M3 7.5h10v1H3z'),
  plus: icon('M7.5 3h1v4.5H13v1H8.5V13h-1V8.5H3v-1h4.5z'),
  quote: icon('M3 4h4v4H5c0 1.1.9 2 2 2v1.5A3.5 3.5 0 0 1 3.5 8V4zm6 0h4v4h-2c0 1.1.9 2 2 2v1.5A3.5 3.5 0 0 1 9.5 8V4z'),
};

/**
 * The PDF tab's page: a toolbar (pages, zoom, find, quote) and pdf.js's viewer container. The only
 * script is the bundled viewer, allowed by nonce; the worker runs from a blob of its own file.
 */
export function renderPdfViewerPage(title: string, assets: ViewerAssets): string {
  return `${webviewHead({
    ...assets,
    title,
    extraDirectives: [
      `img-src ${assets.cspSource} data: blob:`,
      `font-src ${assets.cspSource} data:`,
      `connect-src ${assets.cspSource}`,
      'worker-src blob:',
    ],
  })}
<body data-worker-src="${escapeHtml(assets.workerUri)}">
<div class="toolbar" role="toolbar" aria-label="PDF">
  <div class="group">
    <button id="previous" title="Previous page (←)" aria-label="Previous page">${ICONS.up}</button>
    <button id="next" title="Next page (→)" aria-label="Next page">${ICONS.down}</button>
    <input id="pageNumber" type="number" min="1" value="1" aria-label="Page number">
    <span id="pageCount"></span>
  </div>
  <div class="separator"></div>
  <div class="group">
    <button id="zoomOut" title="Zoom out (Ctrl+-)" aria-label="Zoom out">${ICONS.minus}</button>
    <button id="zoomIn" title="Zoom in (Ctrl+=)" aria-label="Zoom in">${ICONS.plus}</button>
    <select id="zoom" aria-label="Zoom">
      <option value="page-width" selected>Page width</option>
      <option value="page-fit">Whole page</option>
      <option value="auto">Automatic</option>
      <option value="0.75">75%</option>
      <option value="1">100%</option>
      <option value="1.5">150%</option>
      <option value="2">200%</option>
    </select>
  </div>
  <div class="separator"></div>
  <div class="group">
    <input id="findInput" type="search" placeholder="Find in document (Ctrl+F)" aria-label="Find in document">
    <button id="findPrevious" title="Previous match (Shift+Enter)" aria-label="Previous match">${ICONS.up}</button>
    <button id="findNext" title="Next match (Enter)" aria-label="Next match">${ICONS.down}</button>
    <span id="findResult" role="status"></span>
  </div>
  <div class="spacer"></div>
  <button id="quote" class="primary" disabled title="Append the selected text to the paper's notes, with its page" aria-label="Quote in Notes">${ICONS.quote}<span>Quote in Notes</span></button>
</div>
<div id="viewerArea"><div id="viewerContainer" tabindex="0"><div id="viewer" class="pdfViewer"></div></div></div>
<div id="status" role="status">Loading…</div>
<script type="module" nonce="${assets.nonce}" src="${escapeHtml(assets.scriptUri)}"></script>
</body>
</html>`;
}
