/** Fresh workspaces for the real-workbench runs, pointed at the local fake arXiv (and fake Hugging Face). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface ArxivEndpoints {
  apiUrl: string;
  rssUrl: string;
  pdfUrl?: string;
  /** Hugging Face base URL; by default the API's origin, so no test workspace ever reaches huggingface.co. */
  hfUrl?: string;
}

export function prepareWorkspace(name: string, endpoints: ArxivEndpoints, extraSettings: Record<string, unknown> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `paper-practice-${name}-`));
  const workspace = path.join(root, 'practice');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  const settings = {
    'paperPractice.arxiv.apiUrl': endpoints.apiUrl,
    'paperPractice.arxiv.rssUrl': endpoints.rssUrl,
    ...(endpoints.pdfUrl ? { 'paperPractice.arxiv.pdfUrl': endpoints.pdfUrl } : {}),
    'paperPractice.huggingFace.url': endpoints.hfUrl ?? new URL(endpoints.apiUrl).origin,
    ...extraSettings,
  };
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  return workspace;
}
