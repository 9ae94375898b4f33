/**
 * Column context for tabular text. In a CSV row, a SQL INSERT tuple or a Markdown table row,
 * the word that says what a value is (the header) is far from the value, outside any character
 * window. These providers give the classifier that header as context for each value's offset.
 */
import { LineIndex } from '../../util/lines.js';

export type HintAt = (byteOffset: number) => string | undefined;

const QUOTE = 34;
const APOS = 39;

/** Index of the field containing `offset`, counting delimiters outside quotes from `start`. */
function fieldIndex(buf: Buffer, start: number, offset: number, delim: number, quote: number): number {
  let idx = 0;
  let inQuote = false;
  for (let i = start; i < offset; i++) {
    const c = buf[i];
    if (c === quote) inQuote = !inQuote;
    else if (c === delim && !inQuote) idx++;
  }
  return idx;
}

/** Split one header line on `delim` outside double quotes ("Tín ngưỡng, tôn giáo" stays one cell); cells trimmed and unquoted. */
export function splitHeader(line: string, delim: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (const ch of line) {
    if (ch === '"') inQuote = !inQuote;
    if (ch === delim && !inQuote) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.map((h) => h.trim().replace(/^["'`[]+|["'`\]]+$/g, '').trim());
}

/** The most frequent of , ; tab | in a header line (comma when none occurs). */
export function detectDelimiter(header: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = header.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** CSV/TSV: the first line is the header. */
export function csvHint(buf: Buffer, lines: LineIndex): HintAt | undefined {
  const header = lines.lineText(1);
  const delim = detectDelimiter(header);
  const headers = splitHeader(header, delim);
  if (headers.length < 2) return undefined;
  const d = delim.charCodeAt(0);
  return (offset) => {
    const line0 = lines.lineOf(offset);
    if (line0 === 0) return undefined;
    return headers[fieldIndex(buf, lines.startOf(line0), offset, d, QUOTE)];
  };
}

/** Markdown tables: the header is the row above the `|---|` separator of the same table. */
export function markdownTableHint(buf: Buffer, lines: LineIndex): HintAt {
  return (offset) => {
    const line0 = lines.lineOf(offset);
    if (!lines.lineText(line0 + 1).trimStart().startsWith('|')) return undefined;
    for (let l = line0; l >= 1 && line0 - l < 500; l--) {
      const text = lines.lineText(l + 1);
      if (!text.trimStart().startsWith('|')) return undefined;
      if (/^\s*\|?\s*:?-{3,}/.test(text) && l >= 1) {
        const headers = splitHeader(lines.lineText(l).trim().replace(/^\||\|$/g, ''), '|');
        const rowStart = lines.startOf(line0);
        const firstPipe = buf.indexOf(124, rowStart);
        return headers[fieldIndex(buf, firstPipe + 1, offset, 124, QUOTE)];
      }
    }
    return undefined;
  };
}

const INSERT = Buffer.from('insert into', 'latin1');

/**
 * SQL `INSERT INTO t (a, b) VALUES (...), (...)`: the column list names each tuple position.
 * Each statement is read once into a sorted list of field starts, so a dump with thousands of
 * tuples costs one pass, not one pass per value.
 */
export function sqlInsertHint(buf: Buffer): HintAt {
  const lower = Buffer.from(buf.toString('latin1').toLowerCase(), 'latin1');
  let cacheAt = -1;
  let cols: string[] = [];
  let starts: number[] = [];
  let indexes: number[] = [];
  return (offset) => {
    const at = lower.lastIndexOf(INSERT, offset);
    if (at < 0) return undefined;
    if (at !== cacheAt) {
      cacheAt = at;
      const head = buf.toString('utf8', at, Math.min(buf.length, at + 4000));
      const m = /^insert\s+into\s+[^\s(]+\s*\(([^)]*)\)\s*values/i.exec(head);
      cols = m ? splitHeader(m[1]!, ',') : [];
      [starts, indexes] = m ? fieldStarts(buf, lower.indexOf('values', at, 'latin1')) : [[], []];
    }
    // The table name is not context for every value in it: `tai_khoan_ngan_hang` would turn
    // each number of the row into a bank account. Only the column names a value.
    if (!cols.length) return undefined;
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || starts[0]! > offset) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return cols[indexes[lo]!];
  };
}

/** Starts of every field of every tuple after VALUES, with its position in the tuple, up to the `;`. */
function fieldStarts(buf: Buffer, from: number): [number[], number[]] {
  const starts: number[] = [];
  const indexes: number[] = [];
  let inQuote = false;
  let depth = 0;
  let field = 0;
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (c === APOS) {
      inQuote = !inQuote;
      continue;
    }
    if (inQuote) continue;
    if (c === 40) {
      depth++;
      if (depth === 1) {
        field = 0;
        starts.push(i + 1);
        indexes.push(0);
      }
    } else if (c === 41) {
      depth = Math.max(0, depth - 1);
    } else if (c === 44 && depth === 1) {
      field++;
      starts.push(i + 1);
      indexes.push(field);
    } else if (c === 59 && depth === 0) {
      break;
    }
  }
  return [starts, indexes];
}

/** The hint provider for a file, by its extension and content. */
export function hintFor(rel: string, buf: Buffer, lines: LineIndex): HintAt | undefined {
  const ext = rel.slice(rel.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'psv') return csvHint(buf, lines);
  if (ext === 'sql') return sqlInsertHint(buf);
  if (ext === 'md' || ext === 'markdown') return markdownTableHint(buf, lines);
  return undefined;
}
