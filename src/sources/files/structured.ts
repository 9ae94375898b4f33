/**
 * Column context for tabular text. In a CSV row, a SQL INSERT tuple or a Markdown table row,
 * the word that says what a value is (the header) is far from the value, outside any character
 * window. These providers give the classifier that header as context for each value's offset;
 * the tables themselves are read by util/tabular.ts.
 */
import { LineIndex } from '../../util/lines.js';
import { csvFieldIndexAt, csvHeader, insertHead, isPipeRow, isSeparatorRow, markdownHeader, walkPipeCells, walkTuples, type InsertColumns } from '../../util/tabular.js';

export type HintAt = (byteOffset: number) => string | undefined;

/** CSV/TSV: the first line is the header. */
export function csvHint(buf: Buffer, lines: LineIndex): HintAt | undefined {
  const head = csvHeader(buf);
  if (!head || head.headers.length < 2) return undefined;
  const { headers } = head;
  const d = head.delim.charCodeAt(0);
  return (offset) => {
    const line0 = lines.lineOf(offset);
    if (line0 === 0) return undefined;
    return headers[csvFieldIndexAt(buf, lines.startOf(line0), offset, d)];
  };
}

/** Rows a header may sit above: a longer run of pipe rows is not looked through. */
const MAX_TABLE_ROWS = 500;

/** Markdown tables: the header is the row above the `|---|` separator of the same table. */
export function markdownTableHint(buf: Buffer, lines: LineIndex): HintAt {
  const span = (line0: number): [number, number] => {
    const s = lines.startOf(line0);
    const next = lines.startOf(line0 + 1);
    return [s, next > s && buf[next - 1] === 10 ? next - 1 : next];
  };
  return (offset) => {
    const line0 = lines.lineOf(offset);
    for (let l = line0; l >= 1 && line0 - l < MAX_TABLE_ROWS; l--) {
      const [s, e] = span(l);
      if (!isPipeRow(buf, s, e)) return undefined;
      if (isSeparatorRow(buf, s, e) && isPipeRow(buf, ...span(l - 1))) {
        const headers = markdownHeader(buf, ...span(l - 1));
        const [rowStart, rowEnd] = span(line0);
        let header: string | undefined;
        walkPipeCells(buf, buf.indexOf(124, rowStart) + 1, rowEnd, headers.length, (i, _s, cellEnd) => {
          if (offset > cellEnd) return false;
          header = headers[i];
          return true;
        });
        return header;
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
  const seen = new Map<string, InsertColumns | null>();
  let cacheAt = -1;
  let cols: string[] = [];
  let starts: number[] = [];
  let indexes: number[] = [];
  return (offset) => {
    const at = lower.lastIndexOf(INSERT, offset);
    if (at < 0) return undefined;
    if (at !== cacheAt) {
      cacheAt = at;
      const head = insertHead(buf, at, seen);
      cols = head?.columns.cols ?? [];
      starts = [];
      indexes = [];
      if (head) {
        walkTuples(buf, head.values, (index, f) => {
          starts.push(f.start);
          indexes.push(index);
        });
      }
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

/** The hint provider for a file, by its extension and content. */
export function hintFor(rel: string, buf: Buffer, lines: LineIndex): HintAt | undefined {
  const ext = rel.slice(rel.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'psv') return csvHint(buf, lines);
  if (ext === 'sql') return sqlInsertHint(buf);
  // A pipe table with its separator row is a table wherever it appears: plain-text notes and the
  // text layer of a PDF or Word file made from Markdown keep the `| a | b |` / `|---|` shape.
  if (ext === 'md' || ext === 'markdown' || ext === 'txt') return markdownTableHint(buf, lines);
  return undefined;
}
