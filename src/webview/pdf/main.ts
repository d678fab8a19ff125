import { pdfjsLib } from './pdfjsGlobal';
import { EventBus, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import type { FromWebview, ToWebview } from './protocol';

/**
 * The PDF tab: pdf.js's viewer (pages with a text layer for selection, find, zoom) in a chrome
 * that follows the VS Code theme. The PDF arrives as bytes from the extension; pdf.js parses it
 * in a worker started from a blob, as webviews cannot start workers from resource URLs.
 */
const vscode = acquireVsCodeApi();
const post = (message: FromWebview) => vscode.postMessage(message);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const container = $<HTMLDivElement>('viewerContainer');
const pageInput = $<HTMLInputElement>('pageNumber');
const pageCount = $<HTMLSpanElement>('pageCount');
const zoomSelect = $<HTMLSelectElement>('zoom');
const findInput = $<HTMLInputElement>('findInput');
const findResult = $<HTMLSpanElement>('findResult');
const quoteButton = $<HTMLButtonElement>('quote');
const status = $<HTMLDivElement>('status');

const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus, externalLinkTarget: 2 /* new window: VS Code opens it externally */ });
const findController = new PDFFindController({ eventBus, linkService });
const viewer = new PDFViewer({ container, eventBus, linkService, findController, textLayerMode: 1, removePageBorders: false });
linkService.setViewer(viewer);

async function startWorker(): Promise<void> {
  const src = document.body.dataset.workerSrc ?? '';
  const code = await (await fetch(src)).text();
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  pdfjsLib.GlobalWorkerOptions.workerPort = new Worker(url, { type: 'module' });
}

/** VS Code transfers an ArrayBuffer as is; older hosts or remotes may deliver an array copy. */
function toBytes(data: ArrayBuffer | Uint8Array | number[] | Record<string, number>): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Uint8Array.from(data);
  return Uint8Array.from(Object.values(data));
}

async function open(data: Uint8Array, page?: number): Promise<void> {
  status.textContent = 'Opening…';
  try {
    const doc = await pdfjsLib.getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
    viewer.setDocument(doc);
    linkService.setDocument(doc);
    pageCount.textContent = `of ${doc.numPages}`;
    pageInput.max = String(doc.numPages);
    eventBus.on('pagesinit', () => {
      viewer.currentScaleValue = zoomSelect.value;
      if (page && page <= doc.numPages) viewer.currentPageNumber = page;
      status.textContent = '';
      document.body.classList.add('loaded');
      post({ type: 'loaded', pages: doc.numPages });
    });
  } catch (e) {
    status.textContent = `This PDF cannot be shown: ${(e as Error).message}`;
    post({ type: 'error', message: (e as Error).message });
  }
}

eventBus.on('pagechanging', (e: { pageNumber: number }) => {
  pageInput.value = String(e.pageNumber);
  vscode.setState({ page: e.pageNumber });
  post({ type: 'page', page: e.pageNumber });
});
eventBus.on('scalechanging', (e: { presetValue?: string; scale: number }) => {
  const preset = e.presetValue ?? String(e.scale);
  if (![...zoomSelect.options].some((o) => o.value === preset)) {
    const custom = zoomSelect.querySelector<HTMLOptionElement>('option[data-custom]') ?? zoomSelect.appendChild(Object.assign(document.createElement('option'), { hidden: true }));
    custom.dataset.custom = 'true';
    custom.value = preset;
    custom.textContent = `${Math.round(e.scale * 100)}%`;
  }
  zoomSelect.value = preset;
});
eventBus.on('updatefindmatchescount', (e: { matchesCount: { current: number; total: number } }) => showMatches(e.matchesCount));
eventBus.on('updatefindcontrolstate', (e: { state: number; matchesCount: { current: number; total: number } }) => {
  if (e.state === 1 /* not found */) findResult.textContent = findInput.value ? 'No results' : '';
  else showMatches(e.matchesCount);
});

function showMatches(count: { current: number; total: number }): void {
  findResult.textContent = count.total ? `${count.current} of ${count.total}` : findInput.value ? 'No results' : '';
}

function find(again: boolean, previous = false): void {
  eventBus.dispatch('find', { source: null, type: again ? 'again' : '', query: findInput.value, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious: previous, matchDiacritics: false });
}

// pdf.js's own app re-fits the pages when its window resizes; the viewer component alone does not.
// A tab narrowed to sit beside its note keeps "Page width" meaning the tab's width.
new ResizeObserver(() => {
  const preset = viewer.currentScaleValue;
  if (viewer.pagesCount && Number.isNaN(Number(preset))) viewer.currentScaleValue = preset;
}).observe(container);

$('previous').addEventListener('click', () => viewer.previousPage());
$('next').addEventListener('click', () => viewer.nextPage());
pageInput.addEventListener('change', () => {
  const n = Number(pageInput.value);
  if (Number.isInteger(n) && n >= 1 && n <= viewer.pagesCount) viewer.currentPageNumber = n;
  else pageInput.value = String(viewer.currentPageNumber);
});
$('zoomOut').addEventListener('click', () => viewer.decreaseScale());
$('zoomIn').addEventListener('click', () => viewer.increaseScale());
zoomSelect.addEventListener('change', () => (viewer.currentScaleValue = zoomSelect.value));
findInput.addEventListener('input', () => find(false));
findInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') find(true, e.shiftKey);
  if (e.key === 'Escape') {
    findInput.value = '';
    find(false);
    container.focus();
  }
});
$('findPrevious').addEventListener('click', () => find(true, true));
$('findNext').addEventListener('click', () => find(true, false));

/** The selected text and the page it starts on, if the selection is inside the document. */
function selectionQuote(): { text: string; page: number } | undefined {
  const selection = document.getSelection();
  const text = selection?.toString().replace(/\s+/g, ' ').trim();
  if (!selection || !text || !selection.anchorNode) return undefined;
  const element = selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode.parentElement;
  const pageElement = element?.closest<HTMLElement>('.page[data-page-number]');
  if (!pageElement || !container.contains(pageElement)) return undefined;
  return { text, page: Number(pageElement.dataset.pageNumber) };
}

document.addEventListener('selectionchange', () => (quoteButton.disabled = !selectionQuote()));
quoteButton.addEventListener('click', () => {
  const quote = selectionQuote();
  if (quote) post({ type: 'quote', ...quote });
});

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'f') {
    e.preventDefault();
    findInput.focus();
    findInput.select();
  } else if (mod && (e.key === '=' || e.key === '+')) {
    e.preventDefault();
    viewer.increaseScale();
  } else if (mod && e.key === '-') {
    e.preventDefault();
    viewer.decreaseScale();
  } else if (document.activeElement === document.body || document.activeElement === container) {
    if (e.key === 'ArrowRight' || e.key === 'n') viewer.nextPage();
    if (e.key === 'ArrowLeft' || e.key === 'p') viewer.previousPage();
  }
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'open') {
    document.title = message.title;
    void open(toBytes(message.data), message.page ?? vscode.getState<{ page?: number }>()?.page);
  } else if (message.type === 'find') {
    findInput.value = message.query;
    find(false);
  } else if (message.type === 'goToPage') {
    if (message.page >= 1 && message.page <= viewer.pagesCount) viewer.currentPageNumber = message.page;
  }
});

startWorker().then(
  () => post({ type: 'ready' }),
  (e) => {
    status.textContent = `The PDF viewer could not start: ${(e as Error).message}`;
    post({ type: 'error', message: (e as Error).message });
  },
);
