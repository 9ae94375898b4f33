/**
 * Legacy Excel 97-2003 workbooks (.xls, BIFF8) read as tables, like .xlsx: each worksheet becomes
 * CSV units whose first line is the header row (SheetChunker), so column context, keyed values and
 * bulk aggregation apply unchanged. The OLE2 container is opened by `cfb` (SheetJS's reader of
 * compound files, which refuses sector-chain loops); the BIFF8 records are read here, and only the
 * ones that hold cell text or numbers: SST/CONTINUE (shared strings), LABELSST, LABEL, NUMBER, RK,
 * MULRK and FORMULA+STRING. A FILEPASS record means the workbook is encrypted: reported, not read.
 * Excel 5.0/95 (BIFF5) files are named as unsupported rather than misread.
 */
import type { ExpandContext } from './expand.js';
import { SheetChunker } from './sheets.js';
import { LimitExceeded, formatBytes, readWhole } from './types.js';
import { EntryEncrypted } from './zip.js';

const REC = {
  BOF: 0x0809, EOF: 0x000a, BOUNDSHEET: 0x0085, SST: 0x00fc, CONTINUE: 0x003c, FILEPASS: 0x002f,
  LABELSST: 0x00fd, LABEL: 0x0204, NUMBER: 0x0203, RK: 0x027e, MULRK: 0x00bd, FORMULA: 0x0006, STRING: 0x0207,
} as const;
const BIFF8 = 0x0600;

interface Rec { type: number; data: Buffer; offset: number }

/** The records of a BIFF stream from `start`, up to and including the EOF of its substream. */
function* records(stream: Buffer, start: number): Generator<Rec> {
  let at = start;
  while (at + 4 <= stream.length) {
    const type = stream.readUInt16LE(at);
    const len = stream.readUInt16LE(at + 2);
    const data = stream.subarray(at + 4, Math.min(stream.length, at + 4 + len));
    yield { type, data, offset: at };
    at += 4 + len;
    if (type === REC.EOF) return;
  }
}

/**
 * Reads strings that may run across CONTINUE records: the SST is one record plus CONTINUEs, and a
 * string's characters may break at a record boundary, where the next record restates whether the
 * characters are one or two bytes wide.
 */
class SegmentReader {
  private seg = 0;
  private at = 0;
  constructor(private readonly segments: Buffer[]) {}

  private ensure(): boolean {
    while (this.seg < this.segments.length && this.at >= this.segments[this.seg]!.length) {
      this.seg++;
      this.at = 0;
    }
    return this.seg < this.segments.length;
  }

  done(): boolean {
    return !this.ensure();
  }

  byte(): number {
    if (!this.ensure()) throw new Error('truncated shared-string table');
    return this.segments[this.seg]![this.at++]!;
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    for (let left = n; left > 0;) {
      if (!this.ensure()) throw new Error('truncated shared-string table');
      const take = Math.min(left, this.segments[this.seg]!.length - this.at);
      this.at += take;
      left -= take;
    }
  }

  chars(count: number, wide: boolean): string {
    let out = '';
    let twoBytes = wide;
    let left = count;
    while (left > 0) {
      if (this.at >= (this.segments[this.seg]?.length ?? 0)) {
        // A new CONTINUE record in the middle of the characters: its first byte is the width flag.
        if (!this.ensure()) throw new Error('truncated shared-string table');
        twoBytes = (this.byte() & 1) === 1;
      }
      const seg = this.segments[this.seg]!;
      const fit = Math.min(left, Math.floor((seg.length - this.at) / (twoBytes ? 2 : 1)));
      if (fit === 0) throw new Error('malformed shared string');
      const part = seg.subarray(this.at, this.at + fit * (twoBytes ? 2 : 1));
      out += twoBytes ? part.toString('utf16le') : part.toString('latin1');
      this.at += part.length;
      left -= fit;
    }
    return out;
  }
}

/** XLUnicodeRichExtendedString, as in the SST. */
function richString(r: SegmentReader): string {
  const cch = r.u16();
  const flags = r.byte();
  const runs = flags & 0x8 ? r.u16() : 0;
  const ext = flags & 0x4 ? r.u32() : 0;
  const text = r.chars(cch, (flags & 1) === 1);
  r.skip(runs * 4 + ext);
  return text;
}

/** XLUnicodeString (16-bit count) or ShortXLUnicodeString (8-bit count), within one record. */
function unicodeString(data: Buffer, at: number, shortCount: boolean): string {
  const cch = shortCount ? data[at]! : data.readUInt16LE(at);
  const p = at + (shortCount ? 1 : 2);
  const wide = (data[p]! & 1) === 1;
  const body = data.subarray(p + 1, p + 1 + cch * (wide ? 2 : 1));
  return wide ? body.toString('utf16le') : body.toString('latin1');
}

/** An RK number: a 30-bit integer or the top 30 bits of a double, optionally divided by 100. */
function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(0, 0);
    b.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    v = b.readDoubleLE(0);
  }
  return rk & 1 ? v / 100 : v;
}

/** Numbers as a person typed them: 912345678, not 912345678.0000001 or 9.12345678e8. */
const numberText = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15))));

interface SheetEntry { name: string; offset: number }

function readGlobals(stream: Buffer): { sheets: SheetEntry[]; sst: string[] } {
  const sheets: SheetEntry[] = [];
  const sstSegments: Buffer[] = [];
  let inSst = false;
  let first = true;
  for (const rec of records(stream, 0)) {
    if (first) {
      first = false;
      if (rec.type !== REC.BOF) throw new Error('not an Excel workbook stream');
      const version = rec.data.readUInt16LE(0);
      if (version !== BIFF8) throw new UnsupportedBiff(version);
      continue;
    }
    if (rec.type === REC.FILEPASS) throw new EntryEncrypted();
    if (rec.type === REC.BOUNDSHEET && rec.data.length >= 8 && rec.data[5] === 0) {
      sheets.push({ offset: rec.data.readUInt32LE(0), name: unicodeString(rec.data, 6, true) });
    }
    if (rec.type === REC.SST) {
      inSst = true;
      sstSegments.push(rec.data.subarray(8));
    } else if (rec.type === REC.CONTINUE && inSst) sstSegments.push(rec.data);
    else inSst = false;
  }
  const sst: string[] = [];
  const reader = new SegmentReader(sstSegments);
  while (!reader.done()) sst.push(richString(reader));
  return { sheets, sst };
}

class UnsupportedBiff extends Error {
  constructor(readonly version: number) {
    super(`BIFF version 0x${version.toString(16)}`);
  }
}

/** The cells of one worksheet substream, by row then column. */
function readSheet(stream: Buffer, offset: number, sst: readonly string[]): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  const put = (row: number, col: number, value: string) => {
    if (!value) return;
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = []));
    while (cells.length < col) cells.push('');
    cells[col] = value;
  };
  let pendingFormula: { row: number; col: number } | undefined;
  for (const rec of records(stream, offset)) {
    const d = rec.data;
    switch (rec.type) {
      case REC.LABELSST:
        if (d.length >= 10) put(d.readUInt16LE(0), d.readUInt16LE(2), sst[d.readUInt32LE(6)] ?? '');
        break;
      case REC.LABEL:
        if (d.length >= 9) put(d.readUInt16LE(0), d.readUInt16LE(2), unicodeString(d, 6, false));
        break;
      case REC.NUMBER:
        if (d.length >= 14) put(d.readUInt16LE(0), d.readUInt16LE(2), numberText(d.readDoubleLE(6)));
        break;
      case REC.RK:
        if (d.length >= 10) put(d.readUInt16LE(0), d.readUInt16LE(2), numberText(rkValue(d.readUInt32LE(6))));
        break;
      case REC.MULRK: {
        const row = d.readUInt16LE(0);
        const firstCol = d.readUInt16LE(2);
        for (let i = 0, at = 4; at + 6 <= d.length - 2; i++, at += 6) put(row, firstCol + i, numberText(rkValue(d.readUInt32LE(at + 2))));
        break;
      }
      case REC.FORMULA:
        // A cached string result follows in a STRING record; a cached number is in the record itself.
        if (d.length >= 14 && d.readUInt16LE(12) === 0xffff) pendingFormula = d[6] === 0 ? { row: d.readUInt16LE(0), col: d.readUInt16LE(2) } : undefined;
        else if (d.length >= 14) put(d.readUInt16LE(0), d.readUInt16LE(2), numberText(d.readDoubleLE(6)));
        break;
      case REC.STRING:
        if (pendingFormula && d.length >= 3) put(pendingFormula.row, pendingFormula.col, unicodeString(d, 0, false));
        pendingFormula = undefined;
        break;
    }
  }
  return rows;
}

export async function expandXls(source: string | Buffer, where: string, ctx: ExpandContext): Promise<void> {
  const data = await readWhole(source, where, ctx.limits);
  const CFB = (await import('cfb')).default;
  const container = CFB.read(data, { type: 'buffer' });
  const entry = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
  if (!entry?.content) throw new Error('no workbook stream in this OLE file');
  const stream = Buffer.from(entry.content as Uint8Array);
  if (stream.length > ctx.limits.maxEntryBytes) throw new LimitExceeded(`${where}: refused, workbook stream of ${formatBytes(stream.length)} (limit max_entry_bytes)`);
  let globals: ReturnType<typeof readGlobals>;
  try {
    globals = readGlobals(stream);
  } catch (err) {
    if (err instanceof UnsupportedBiff) {
      ctx.sink.notice({ where, kind: 'unsupported', message: 'Excel 5.0/95 workbook (BIFF5), not read: save it as .xlsx to scan it' });
      return;
    }
    throw err;
  }
  for (const sheet of globals.sheets) {
    const rows = readSheet(stream, sheet.offset, globals.sst);
    const chunker = new SheetChunker(where, sheet.name);
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const unit = chunker.addRow(row + 1, rows.get(row)!);
      if (unit) await ctx.sink.unit(unit);
    }
    const last = chunker.flush();
    if (last) await ctx.sink.unit(last);
  }
}
