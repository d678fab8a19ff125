// Paper detail tab: turns clicks and status changes into messages for the extension.
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
})();
