/**
 * PDF: the text layer only, page by page (unpdf, a packaging of Mozilla's pdf.js that needs no
 * canvas or worker). No OCR: a PDF without text (a scan) is named in the output, and named as a
 * possible identity-document image when its file name says so.
 */
import { normalizeBuffer } from '../../../classify/engine.js';
import { readFile, stat } from 'node:fs/promises';
import type { ExpandContext } from './expand.js';
import { looksLikeIdDocument } from './id-document.js';
import { LimitExceeded, formatBytes } from './types.js';

export async function expandPdf(source: string | Buffer, where: string, ctx: ExpandContext): Promise<void> {
  const size = typeof source === 'string' ? (await stat(source)).size : source.length;
  if (size > ctx.limits.maxEntryBytes) throw new LimitExceeded(`${where}: refused, ${formatBytes(size)} (limit max_entry_bytes)`);
  const data = typeof source === 'string' ? await readFile(source) : source;
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(data));
  let pages: string[];
  try {
    pages = (await extractText(pdf, { mergePages: false })).text;
  } finally {
    await pdf.destroy();
  }
  const text = pages.map((p) => p.trim()).filter(Boolean).join('\n\n');
  if (!text) {
    const idDocument = looksLikeIdDocument(where);
    ctx.sink.notice({
      where,
      kind: idDocument ? 'id-document-image' : 'no-text-layer',
      message: idDocument
        ? `PDF without a text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images, no OCR)`
        : `no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images, e.g. a scan), not read (no OCR)`,
    });
    return;
  }
  await ctx.sink.unit({ path: where, formatPath: `${where.slice(where.lastIndexOf('/') + 1)}.txt`, text: normalizeBuffer(Buffer.from(`${text}\n`, 'utf8')) });
}
