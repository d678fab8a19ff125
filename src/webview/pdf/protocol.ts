/** Messages between the PDF tab and the extension. */
export type ToWebview =
  | { type: 'open'; data: ArrayBuffer | Uint8Array | number[]; title: string; page?: number }
  | { type: 'find'; query: string }
  | { type: 'goToPage'; page: number };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'loaded'; pages: number }
  | { type: 'page'; page: number }
  | { type: 'quote'; text: string; page: number }
  | { type: 'error'; message: string };
