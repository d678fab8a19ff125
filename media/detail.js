// Paper detail tab: turns clicks and status changes into messages for the extension, and fills in
// the "Code and artifacts" section when the extension's lookup answers.
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
  window.addEventListener('message', (event) => {
    const message = event.data;
    const section = document.getElementById('artifacts');
    if (!section || !message || message.type !== 'artifacts' || typeof message.html !== 'string') return;
    // The extension renders this HTML with every string from Hugging Face escaped (core/detail/artifactsSection.ts),
    // and the page's CSP would stop any script in it anyway.
    section.innerHTML = message.html;
    section.setAttribute('aria-busy', message.busy ? 'true' : 'false');
  });
  vscode.postMessage({ action: 'ready' });
})();
