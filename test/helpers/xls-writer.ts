/**
 * A minimal BIFF8 (.xls) writer for tests: an OLE2 file (written by `cfb`) holding a Workbook
 * stream with the record kinds real workbooks use for cells. Strings go to the shared-string table
 * (LABELSST), split into CONTINUE records of `sstChunk` bytes so that strings break across records
 * as Excel's do; integers are RK numbers (a row of several as MULRK), other numbers NUMBER records;
 * a cell given as { formula: 'text' } is a FORMULA with a cached string result (STRING record), and
 * { inline: 'text' } a LABEL record.
 */
import CFB from 'cfb';

export type XlsCell = string | number | { formula: string } | { inline: string } | null;
export interface XlsSheet { name: string; rows: XlsCell[][] }

const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; };
const rec = (type: number, data: Buffer) => Buffer.concat([u16(type), u16(data.length), data]);

function wide(s: string): boolean {
  return [...s].some((c) => c.charCodeAt(0) > 0xff);
}
function chars(s: string): Buffer {
  return wide(s) ? Buffer.from(s, 'utf16le') : Buffer.from(s, 'latin1');
}
/** XLUnicodeString (16-bit count). */
function xlString(s: string): Buffer {
  return Buffer.concat([u16(s.length), Buffer.from([wide(s) ? 1 : 0]), chars(s)]);
}
const bof = (dt: number, version = 0x0600) => rec(0x0809, Buffer.concat([u16(version), u16(dt), u16(0), u16(0), u32(0), u32(0)]));
const eof = () => rec(0x000a, Buffer.alloc(0));

/** SST plus CONTINUE records; a string's characters split at a boundary restate their width. */
function sst(strings: string[], chunk: number): Buffer {
  const out: Buffer[] = [];
  let cur: Buffer[] = [u32(strings.length), u32(strings.length)];
  let curLen = 8;
  let type = 0x00fc;
  const flush = () => {
    out.push(rec(type, Buffer.concat(cur)));
    type = 0x003c;
    cur = [];
    curLen = 0;
  };
  for (const s of strings) {
    const isWide = wide(s);
    const header = Buffer.concat([u16(s.length), Buffer.from([isWide ? 1 : 0])]);
    if (curLen + header.length + (isWide ? 2 : 1) > chunk) flush();
    cur.push(header);
    curLen += header.length;
    let rest = [...s];
    while (rest.length) {
      const room = Math.max(1, Math.floor((chunk - curLen) / (isWide ? 2 : 1)));
      const part = rest.slice(0, room);
      rest = rest.slice(part.length);
      const bytes = isWide ? Buffer.from(part.join(''), 'utf16le') : Buffer.from(part.join(''), 'latin1');
      cur.push(bytes);
      curLen += bytes.length;
      if (rest.length) {
        flush();
        cur.push(Buffer.from([isWide ? 1 : 0]));
        curLen = 1;
      }
    }
  }
  flush();
  return Buffer.concat(out);
}

const rk = (n: number) => u32(((n << 2) | 2) >>> 0);

function sheetStream(sheet: XlsSheet, strings: Map<string, number>): Buffer {
  const out: Buffer[] = [bof(0x0010)];
  sheet.rows.forEach((row, r) => {
    const ints = row.every((c) => typeof c === 'number' && Number.isInteger(c) && Math.abs(c) < 2 ** 29);
    if (ints && row.length > 1) {
      out.push(rec(0x00bd, Buffer.concat([u16(r), u16(0), ...row.map((c) => Buffer.concat([u16(15), rk(c as number)])), u16(row.length - 1)])));
      return;
    }
    row.forEach((c, col) => {
      const head = Buffer.concat([u16(r), u16(col), u16(15)]);
      if (c === null) return;
      if (typeof c === 'string') out.push(rec(0x00fd, Buffer.concat([head, u32(strings.get(c)!)])));
      else if (typeof c === 'number') {
        if (Number.isInteger(c) && Math.abs(c) < 2 ** 29) out.push(rec(0x027e, Buffer.concat([head, rk(c)])));
        else { const d = Buffer.alloc(8); d.writeDoubleLE(c); out.push(rec(0x0203, Buffer.concat([head, d]))); }
      } else if ('formula' in c) {
        const value = Buffer.from([0, 0, 0, 0, 0, 0, 0xff, 0xff]);
        out.push(rec(0x0006, Buffer.concat([head, value, u16(0), u32(0), u16(0)])), rec(0x0207, xlString(c.formula)));
      } else out.push(rec(0x0204, Buffer.concat([head, xlString(c.inline)])));
    });
  });
  out.push(eof());
  return Buffer.concat(out);
}

export function xls(sheets: XlsSheet[], opts: { sstChunk?: number; encrypted?: boolean; version?: number } = {}): Buffer {
  const list: string[] = [];
  const strings = new Map<string, number>();
  for (const s of sheets) for (const row of s.rows) for (const c of row) if (typeof c === 'string' && !strings.has(c)) strings.set(c, list.push(c) - 1);
  const streams = sheets.map((s) => sheetStream(s, strings));
  const boundSheet = (offset: number, name: string) => rec(0x0085, Buffer.concat([u32(offset), Buffer.from([0, 0]), Buffer.from([name.length, wide(name) ? 1 : 0]), chars(name)]));
  const tail = Buffer.concat([opts.encrypted ? rec(0x002f, Buffer.alloc(6)) : Buffer.alloc(0), sst(list, opts.sstChunk ?? 8224), eof()]);
  const headLen = bof(0x0005).length + sheets.reduce((n, s) => n + boundSheet(0, s.name).length, 0);
  let offset = headLen + tail.length;
  const bound = sheets.map((s, i) => {
    const b = boundSheet(offset, s.name);
    offset += streams[i]!.length;
    return b;
  });
  const workbook = Buffer.concat([bof(0x0005, opts.version), ...bound, tail, ...streams]);
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'Workbook', workbook);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}
