import { escapeHtml } from './escapeHtml';

export interface WebviewHeadOptions {
  cspSource: string;
  nonce: string;
  styleUri: string;
  title: string;
  /** Directives beyond the strict base (default-src none, own styles, scripts by nonce only). */
  extraDirectives?: string[];
}

/**
 * The opening of every Paper Practice webview page: a strict Content-Security-Policy (nothing but
 * the extension's own files; scripts only with the page's nonce; no inline styles), the
 * stylesheet and the title.
 */
export function webviewHead(o: WebviewHeadOptions): string {
  const csp = ["default-src 'none'", `style-src ${o.cspSource}`, `script-src 'nonce-${o.nonce}'`, ...(o.extraDirectives ?? [])].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>`;
}
