// Practice page: opening a finished paper and setting goals are done by the extension.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const paper = target.closest('a[data-paper-id]');
    if (paper) {
      event.preventDefault();
      vscode.postMessage({ action: 'openPaper', id: paper.getAttribute('data-paper-id') });
    } else if (target.closest('#set-goals')) {
      vscode.postMessage({ action: 'setGoals' });
    }
  });
})();
