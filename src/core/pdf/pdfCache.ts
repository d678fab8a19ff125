/**
 * Where downloaded PDFs live: one file per paper version, written whole or not at all, so a
 * failed or cancelled download (or arXiv sending an HTML page) never leaves a broken file.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { fileSafeId } from '../arxiv/ids';
import { writeFileAtomic } from '../fs/atomicWrite';
import { isCompletePdf, isPdf } from '../http/content';

export function pdfFileName(id: string, version: number): string {
  return `${fileSafeId(id)}v${version}.pdf`;
}

/** Reverses pdfFileName: `hep-th_9901001v2.pdf` -> { id: 'hep-th/9901001', version: 2 }. */
export function parsePdfFileName(name: string): { id: string; version: number } | undefined {
  const m = /^(.+)v(\d+)\.pdf$/.exec(name);
  if (!m) return undefined;
  return { id: m[1].replace('_', '/'), version: Number(m[2]) };
}

export class PdfCache {
  constructor(readonly dir: string) {}

  pathFor(id: string, version: number): string {
    return path.join(this.dir, pdfFileName(id, version));
  }

  async has(id: string, version: number): Promise<boolean> {
    try {
      const handle = await fsp.open(this.pathFor(id, version), 'r');
      try {
        const head = Buffer.alloc(5);
        await handle.read(head, 0, 5, 0);
        return isPdf(head);
      } finally {
        await handle.close();
      }
    } catch {
      return false;
    }
  }

  /** Stores a downloaded PDF; refuses anything that is not one, or only part of one. */
  async put(id: string, version: number, bytes: Buffer): Promise<string> {
    if (!isPdf(bytes)) throw new Error(`arXiv did not send a PDF for ${id}v${version}.`);
    if (!isCompletePdf(bytes)) throw new Error(`The PDF of ${id}v${version} was cut off before its end.`);
    const file = this.pathFor(id, version);
    await writeFileAtomic(file, bytes);
    return file;
  }
}
