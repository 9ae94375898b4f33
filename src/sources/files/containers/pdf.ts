/**
 * PDF: the text layer only, page by page (unpdf, a packaging of Mozilla's pdf.js that needs no
 * canvas or worker). No OCR: a PDF without text (a scan) is named in the output, and named as a
 * possible identity-document image when its file name says so.
 */
import { normalizeBuffer } from '../../../classify/engine.js';
import type { ExpandContext } from './expand.js';
import { looksLikeIdDocument } from './id-document.js';
import { readWhole } from './types.js';

/** One line of a page's text layer: its text and where it starts and ends on the page. */
export interface PdfLine {
  text: string;
  left: number;
  right: number;
  /** Average glyph width, to measure "near the margin" in characters rather than points. */
  glyph: number;
}

/** The positioned text items of pdf.js, as far as line rebuilding needs them. */
interface TextItem { str: string; width: number; transform: number[]; hasEOL: boolean }

/** Groups a page's text items into lines (pdf.js marks each line's end with `hasEOL`). */
export function linesOf(items: readonly TextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let text = '';
  let left = Infinity;
  let right = -Infinity;
  const flush = () => {
    if (text.trim()) lines.push({ text, left, right, glyph: (right - left) / Math.max(1, text.length) });
    text = '';
    left = Infinity;
    right = -Infinity;
  };
  for (const it of items) {
    if (it.str) {
      const x = it.transform[4] ?? 0;
      // pdf.js hands Vietnamese letters back decomposed; composed, one character is one glyph.
      text += it.str.normalize('NFC');
      left = Math.min(left, x);
      right = Math.max(right, x + it.width);
    }
    if (it.hasEOL) flush();
  }
  flush();
  return lines;
}

/**
 * A word processor wraps a long line at the right margin; the text layer then holds one record
 * (a log line, a table row, "Họ tên: … CCCD: …") as two lines, and the label lands on one line and
 * its value on the next. A line of some length followed by a line at the same left edge whose first
 * word would not have fitted before the right margin (the longest line of the page) was wrapped,
 * and is joined to it, as the author wrote it.
 */
export function unwrap(lines: readonly PdfLine[]): string[] {
  const margin = Math.max(-Infinity, ...lines.map((l) => l.right));
  // One glyph's width for the page: the widest line average (combining marks and narrow glyphs pull
  // a Vietnamese line's own average below the width of the characters a word processor counts).
  const glyph = Math.max(0, ...lines.map((l) => l.glyph));
  const out: string[] = [];
  let current = '';
  let columns = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    current = current ? `${current} ${line.text.trimStart()}` : line.text;
    const next = lines[i + 1];
    // Wrapped: the next line's first word would not have fitted in the room left on this one. A
    // long first token (a timestamp, a hash) would never have fitted, so it says nothing: then
    // only a line that ends at the margin counts as wrapped.
    const firstWord = next?.text.trimStart().split(/\s/, 1)[0] ?? '';
    const wrapped = next !== undefined
      && margin - line.right < (firstWord.length <= 15 ? firstWord.length + 4 : 3) * glyph
      && Math.abs(next.left - line.left) <= glyph
      && line.text.length >= 50;
    // A Markdown-style table row that does not close with its pipe, or that has fewer cells than
    // the table's separator row (`|---|---|`), went on to the next line.
    const trimmed = current.trim();
    if (/^\|(\s*:?-{3,}:?\s*\|)+$/.test(trimmed)) columns = trimmed.split('|').length - 2;
    else if (!trimmed.startsWith('|')) columns = 0;
    const openRow = next !== undefined && trimmed.startsWith('|')
      && (!trimmed.endsWith('|') || (columns > 0 && trimmed.split('|').length - 2 < columns));
    if (!wrapped && !openRow) {
      out.push(current);
      current = '';
    }
  }
  return out;
}

export async function expandPdf(source: string | Buffer, where: string, ctx: ExpandContext): Promise<void> {
  const data = await readWhole(source, where, ctx.limits);
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const pages: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((it) => 'str' in it) as TextItem[];
      pages.push(unwrap(linesOf(items)).join('\n'));
      page.cleanup();
    }
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
