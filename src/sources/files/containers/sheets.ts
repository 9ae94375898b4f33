/**
 * Workbooks (.xlsx/.xlsm, .ods) read as tables: each sheet becomes CSV text whose first line is
 * the sheet's header row, so that the column context, keyed values and bulk aggregation of CSV
 * files apply unchanged. Sheets are parsed as XML streams (saxes) and handed on in chunks of about
 * 1 MiB, each starting with the header again, so a 100 MB workbook never sits in memory as text.
 * Shared strings (xlsx) are the exception: cells refer to them by index, so they are kept.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { normalizeBuffer } from '../../../classify/engine.js';
import { ZipReader, type ZipEntryInfo } from './zip.js';
import type { ExpandContext } from './expand.js';
import type { TextUnit } from './types.js';

/** About 1 MiB of CSV a unit: a dense customer list yields a few hundred thousand matches per 4 MiB. */
export const CHUNK_BYTES = 1024 * 1024;
/** A repeated row or cell (ODS compresses blank runs this way) is written out at most this often. */
const MAX_REPEAT = 100;

function csvCell(v: string): string {
  const flat = v.replace(/\r?\n|\r/g, ' ');
  return /[",]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** Rows of one sheet in, CSV units out: the header row first in every chunk. */
export class SheetChunker {
  private header: string | undefined;
  private headerRow = 1;
  private lines: string[] = [];
  private rows: number[] = [];
  private bytes = 0;

  constructor(private readonly where: string, private readonly sheet: string) {}

  addRow(rowNumber: number, cells: string[]): TextUnit | undefined {
    let last = cells.length;
    while (last > 0 && !cells[last - 1]) last--;
    if (last === 0) return undefined;
    const used = cells.slice(0, last);
    if (this.header === undefined) {
      // A blank header cell takes the sheet's name: "Khách hàng" still says whose column it is.
      this.header = used.map((c) => csvCell(c.trim() || this.sheet)).join(',');
      this.headerRow = rowNumber;
      return undefined;
    }
    const line = used.map((c) => csvCell(c)).join(',');
    this.lines.push(line);
    this.rows.push(rowNumber);
    this.bytes += line.length + 1;
    return this.bytes >= CHUNK_BYTES ? this.flush() : undefined;
  }

  flush(): TextUnit | undefined {
    if (this.header === undefined || this.lines.length === 0) return undefined;
    const rows = Int32Array.from(this.rows);
    const headerRow = this.headerRow;
    const text = normalizeBuffer(Buffer.from(`${this.header}\n${this.lines.join('\n')}\n`, 'utf8'));
    this.lines = [];
    this.rows = [];
    this.bytes = 0;
    return {
      path: this.where,
      formatPath: `${this.sheet}.csv`,
      text,
      reportedLine: (line) => (line <= 1 ? headerRow : rows[line - 2] ?? headerRow),
      properties: { sheet: this.sheet },
    };
  }
}

/** Feeds a stream through a SAX parser, delivering the units the handlers queue after each chunk. */
async function parseStream(stream: Readable, parser: SaxesParser, queue: TextUnit[], ctx: ExpandContext): Promise<void> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    parser.write(decoder.write(chunk as Buffer));
    while (queue.length) await ctx.sink.unit(queue.shift()!);
  }
  parser.write(decoder.end());
  parser.close();
  while (queue.length) await ctx.sink.unit(queue.shift()!);
}

function columnIndex(ref: string | undefined, fallback: number): number {
  const m = ref ? /^([A-Z]+)/i.exec(ref) : null;
  if (!m) return fallback;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function rowIndex(ref: string | undefined, fallback: number): number {
  const m = ref ? /(\d+)$/.exec(ref) : null;
  return m ? Number(m[1]) : fallback;
}

type Entries = Map<string, { entry: Parameters<ZipReader['read']>[0]; info: ZipEntryInfo }>;

async function readXml(zip: ZipReader, entries: Entries, name: string, ctx: ExpandContext, where: string): Promise<string | undefined> {
  const e = entries.get(name);
  if (!e) return undefined;
  return (await zip.read(e.entry, e.info, `${where}!/${name}`, ctx.limits.maxEntryBytes, ctx.limits.maxRatio, ctx.budget)).toString('utf8');
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
}

async function sharedStrings(zip: ZipReader, entries: Entries, ctx: ExpandContext, where: string): Promise<string[]> {
  const e = entries.get('xl/sharedStrings.xml');
  if (!e) return [];
  const out: string[] = [];
  const parser = new SaxesParser();
  let cur = '';
  let inT = false;
  let phonetic = 0;
  parser.on('opentag', (t) => {
    if (t.name === 'si') cur = '';
    else if (t.name === 't') inT = true;
    else if (t.name === 'rPh') phonetic++;
  });
  parser.on('closetag', (t) => {
    if (t.name === 'si') out.push(cur);
    else if (t.name === 't') inT = false;
    else if (t.name === 'rPh') phonetic--;
  });
  parser.on('text', (s) => {
    if (inT && phonetic === 0) cur += s;
  });
  const stream = await zip.stream(e.entry, e.info, `${where}!/${e.info.name}`, ctx.limits.maxEntryBytes, ctx.limits.maxRatio, ctx.budget);
  await parseStream(stream, parser, [], ctx);
  return out;
}

/** Sheet names and their part names, in workbook order. */
function xlsxSheets(workbook: string, rels: string): Array<{ name: string; part: string }> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out: Array<{ name: string; part: string }> = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1] ?? 'Sheet';
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (part) out.push({ name: unescapeXml(name), part });
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

async function expandXlsx(zip: ZipReader, entries: Entries, where: string, ctx: ExpandContext): Promise<void> {
  const workbook = await readXml(zip, entries, 'xl/workbook.xml', ctx, where);
  const rels = await readXml(zip, entries, 'xl/_rels/workbook.xml.rels', ctx, where);
  if (!workbook || !rels) throw new Error('not an Excel workbook (no xl/workbook.xml)');
  const strings = await sharedStrings(zip, entries, ctx, where);
  for (const sheet of xlsxSheets(workbook, rels)) {
    const e = entries.get(sheet.part);
    if (!e) continue;
    const chunker = new SheetChunker(where, sheet.name);
    const queue: TextUnit[] = [];
    const parser = new SaxesParser();
    let cells: string[] = [];
    let rowNo = 0;
    let col = -1;
    let type = '';
    let value = '';
    let inValue = false;
    parser.on('opentag', (t) => {
      if (t.name === 'row') {
        rowNo = rowIndex(attr(t, 'r'), rowNo + 1);
        cells = [];
        col = -1;
      } else if (t.name === 'c') {
        col = columnIndex(attr(t, 'r'), col + 1);
        type = attr(t, 't') ?? 'n';
        value = '';
      } else if (t.name === 'v' || t.name === 't') inValue = true;
    });
    parser.on('text', (s) => {
      if (inValue) value += s;
    });
    parser.on('closetag', (t) => {
      if (t.name === 'v' || t.name === 't') inValue = false;
      else if (t.name === 'c') cells[col] = type === 's' ? strings[Number(value)] ?? '' : type === 'b' ? (value === '1' ? 'TRUE' : 'FALSE') : value;
      else if (t.name === 'row') {
        const unit = chunker.addRow(rowNo, Array.from(cells, (c) => c ?? ''));
        if (unit) queue.push(unit);
      }
    });
    const stream = await zip.stream(e.entry, e.info, `${where}!/${sheet.part}`, ctx.limits.maxEntryBytes, ctx.limits.maxRatio, ctx.budget);
    await parseStream(stream, parser, queue, ctx);
    const last = chunker.flush();
    if (last) await ctx.sink.unit(last);
  }
}

async function expandOds(zip: ZipReader, entries: Entries, where: string, ctx: ExpandContext): Promise<void> {
  const e = entries.get('content.xml');
  if (!e) throw new Error('not an OpenDocument spreadsheet (no content.xml)');
  const queue: TextUnit[] = [];
  const parser = new SaxesParser();
  let chunker: SheetChunker | undefined;
  let rowNo = 0;
  let rowRepeat = 1;
  let cells: string[] = [];
  let cellRepeat = 1;
  let cell = '';
  let inCell = false;
  let typed = false;
  let paragraphs = 0;
  let annotation = 0;
  parser.on('opentag', (t) => {
    switch (t.name) {
      case 'table:table':
        chunker = new SheetChunker(where, attr(t, 'table:name') ?? 'Sheet');
        rowNo = 0;
        break;
      case 'table:table-row':
        rowRepeat = Math.max(1, Number(attr(t, 'table:number-rows-repeated') ?? 1));
        cells = [];
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        cellRepeat = Math.max(1, Number(attr(t, 'table:number-columns-repeated') ?? 1));
        typed = (attr(t, 'office:value-type') ?? 'string') !== 'string';
        cell = typed ? attr(t, 'office:value') ?? '' : '';
        inCell = true;
        paragraphs = 0;
        break;
      case 'text:p':
        if (inCell && !annotation && paragraphs++ > 0) cell += ' ';
        break;
      case 'text:s':
        if (inCell && !annotation) cell += ' '.repeat(Math.min(100, Number(attr(t, 'text:c') ?? 1)));
        break;
      case 'office:annotation':
        annotation++;
        break;
    }
  });
  parser.on('text', (s) => {
    // A typed cell (number, date) already holds its value; its text:p is the formatted copy.
    if (inCell && !annotation && !typed && paragraphs > 0) cell += s;
  });
  parser.on('closetag', (t) => {
    if (t.name === 'office:annotation') annotation--;
    else if (t.name === 'table:table-cell' || t.name === 'table:covered-table-cell') {
      inCell = false;
      const n = cell ? Math.min(cellRepeat, MAX_REPEAT) : cellRepeat;
      for (let i = 0; i < n; i++) cells.push(cell);
    } else if (t.name === 'table:table-row') {
      const n = cells.some(Boolean) ? Math.min(rowRepeat, MAX_REPEAT) : 0;
      for (let i = 0; i < n; i++) {
        const unit = chunker?.addRow(rowNo + i + 1, cells);
        if (unit) queue.push(unit);
      }
      rowNo += rowRepeat;
    } else if (t.name === 'table:table') {
      const unit = chunker?.flush();
      if (unit) queue.push(unit);
    }
  });
  const stream = await zip.stream(e.entry, e.info, `${where}!/content.xml`, ctx.limits.maxEntryBytes, ctx.limits.maxRatio, ctx.budget);
  await parseStream(stream, parser, queue, ctx);
}

export async function expandSheet(source: string | Buffer, where: string, format: 'xlsx' | 'ods', ctx: ExpandContext): Promise<void> {
  const zip = await ZipReader.open(source);
  try {
    const entries: Entries = new Map((await zip.list()).map((x) => [x.info.name, x]));
    if ([...entries.values()].some((x) => x.info.encrypted)) throw new Error('encrypted workbook');
    await (format === 'xlsx' ? expandXlsx(zip, entries, where, ctx) : expandOds(zip, entries, where, ctx));
  } finally {
    zip.close();
  }
}
