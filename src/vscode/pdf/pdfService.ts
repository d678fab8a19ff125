import { promises as fsp } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ArxivClient } from '../../core/arxiv/client';
import type { PaperDetails } from '../../core/arxiv/types';
import { writeFileAtomic } from '../../core/fs/atomicWrite';
import { PdfCache } from '../../core/pdf/pdfCache';
import { signalOf } from '../errors';
import type { LibraryService } from '../library/libraryService';
import type { Logger } from '../logger';
import { settings } from '../settings';

/**
 * Downloads a paper's PDF once (through the same polite gate as every arXiv request, with
 * cancellable progress) and keeps it: in global storage, or in the paper's folder (git-ignored)
 * when `paperPractice.pdf.keepInPaperFolder` is on. A download that fails or is not a PDF leaves
 * nothing behind.
 */
export class PdfService {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly library: LibraryService,
    private readonly logger: Logger,
  ) {}

  private client(): ArxivClient {
    // No response cache: the PDF file itself is the cache. The shared gate keeps arXiv's spacing.
    return new ArxivClient({ apiUrl: settings.apiUrl(), rssUrl: settings.rssUrl(), pdfUrl: settings.pdfUrl(), cache: null });
  }

  private async cacheFor(paper: PaperDetails): Promise<PdfCache> {
    if (settings.keepPdfInPaperFolder()) {
      const entry = (await this.library.get())?.get(paper.id);
      if (entry) {
        const folder = path.dirname(entry.notePath);
        await ensureIgnored(folder);
        return new PdfCache(folder);
      }
    }
    return new PdfCache(path.join(this.context.globalStorageUri.fsPath, 'pdfs'));
  }

  /** Where this paper version's PDF is (or would be) kept. */
  async localPath(paper: PaperDetails): Promise<string> {
    return (await this.cacheFor(paper)).pathFor(paper.id, paper.version);
  }

  /** The local PDF of this paper version, downloading it if needed. */
  async ensure(paper: PaperDetails): Promise<vscode.Uri | undefined> {
    const cache = await this.cacheFor(paper);
    if (await cache.has(paper.id, paper.version)) return vscode.Uri.file(cache.pathFor(paper.id, paper.version));
    const id = `${paper.id}v${paper.version}`;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Downloading the PDF of arXiv:${id}`, cancellable: true },
      async (progress, token) => {
        let reported = 0;
        const bytes = await this.client().downloadPdf(id, {
          signal: signalOf(token),
          onProgress: (received, total) => {
            if (!total) return progress.report({ message: `${(received / 1e6).toFixed(1)} MB` });
            const percent = Math.floor((received / total) * 100);
            progress.report({ increment: percent - reported, message: `${(received / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB` });
            reported = percent;
          },
        });
        const file = await cache.put(paper.id, paper.version, bytes);
        this.logger.info(`Saved the PDF of ${id} (${bytes.length} bytes) to ${file}`);
        return vscode.Uri.file(file);
      },
    );
  }
}

/** PDFs kept next to the notes stay out of git (arXiv's licences rarely allow redistribution). */
async function ensureIgnored(folder: string): Promise<void> {
  const file = path.join(folder, '.gitignore');
  try {
    const current = await fsp.readFile(file, 'utf8').catch(() => '');
    if (!/^\*\.pdf$/m.test(current)) await writeFileAtomic(file, `${current}${current && !current.endsWith('\n') ? '\n' : ''}*.pdf\n`);
  } catch {
    // Not fatal: the PDF is still saved.
  }
}
