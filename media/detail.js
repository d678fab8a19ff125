// Paper detail tab: turns clicks and status changes into messages for the extension, and fills in
// the "Why recommended" and "Code and artifacts" sections when the extension's lookups answer.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!target) return;
    vscode.postMessage({ action: target.getAttribute('data-action') });
  });
  document.addEventListener('change', (event) => {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.dataset.action === 'setStatus') {
      vscode.postMessage({ action: 'setStatus', value: target.value });
    }
  });
  // Message types that replace the content of the element with the same id.
  const FILLED = new Set(['artifacts', 'recommendation']);
  window.addEventListener('message', (event) => {
    const message = event.data;
    const section = message && FILLED.has(message.type) ? document.getElementById(message.type) : null;
    if (!section || typeof message.html !== 'string') return;
    // The extension renders this HTML with every string from the network escaped (core/detail/),
    // and the page's CSP would stop any script in it anyway.
    section.innerHTML = message.html;
    if (message.type === 'artifacts') section.setAttribute('aria-busy', message.busy ? 'true' : 'false');
  });
  vscode.postMessage({ action: 'ready' });
})();
