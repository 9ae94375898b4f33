/**
 * Values keyed by a header rather than written next to their key: CSV/TSV cells under the first
 * line, SQL `INSERT INTO t (cols) VALUES (...)` fields under the column list, Markdown table cells
 * under the row above `|---|`. The header is classified first; rows are walked only when some
 * column is wanted, and only the wanted cells are decoded. The text is read by util/tabular.ts.
 */
import type { KeyedValue } from './types.js';
import { CR, NL, csvHeader, insertHead, skipStatement, trimmed, walkCsvRows, walkMarkdownTables, walkPipeCells, walkTuples, type InsertColumns, type InsertHead } from '../../util/tabular.js';

/**
 * CSV/TSV (RFC 4180 quoting, quoted fields may span lines). `owner` is the file's name stem:
 * `products.csv` says what its `name` column names.
 */
export function scanCsv(buf: Buffer, want: (header: string) => boolean, owner: string | undefined, out: KeyedValue[] = []): KeyedValue[] {
  const head = csvHeader(buf);
  if (!head || head.headers.length < 2) return out;
  const { headers } = head;
  const wanted = headers.map((h) => h !== '' && want(h));
  if (!wanted.some(Boolean)) return out;
  walkCsvRows(buf, head.rowsFrom, head.delim.charCodeAt(0), (field, f) => {
    if (!wanted[field]) return;
    const [ts, te] = f.quoted ? [f.start, f.end] : trimmed(buf, f.start, f.end);
    if (te <= ts) return;
    let value = buf.toString('utf8', ts, te);
    if (f.quoted && value.includes('""')) value = value.replace(/""/g, '"');
    out.push({ key: headers[field]!, value, start: ts, end: te, keyStart: 0, kind: 'cell', syntax: 'csv', owner });
  });
  return out;
}

const INSERT_UPPER = Buffer.from('INSERT INTO');
const INSERT_LOWER = Buffer.from('insert into');

/** SQL INSERT statements: each tuple field under its column (quotes '' and \' respected). */
export function scanSqlInserts(buf: Buffer, want: (column: string, table: string) => boolean, out: KeyedValue[] = []): KeyedValue[] {
  const seen = new Map<string, InsertColumns | null>();
  // Dumps repeat one header for thousands of statements: each is judged once.
  const judged = new Map<InsertColumns, boolean[]>();
  // Upper- and lower-case spellings (mixed case "Insert Into" is rare enough to miss).
  let up = buf.indexOf(INSERT_UPPER);
  let low = buf.indexOf(INSERT_LOWER);
  while (up >= 0 || low >= 0) {
    const at = low < 0 || (up >= 0 && up < low) ? up : low;
    const head = insertHead(buf, at, seen);
    let next = at + 11;
    if (head) {
      const { table, cols } = head.columns;
      let wanted = judged.get(head.columns);
      if (!wanted) judged.set(head.columns, (wanted = cols.map((c) => want(c, table))));
      next = wanted.some(Boolean) ? tuples(buf, head, wanted, out) : skipStatement(buf, head.values);
    }
    if (up >= 0 && up < next) up = buf.indexOf(INSERT_UPPER, next);
    if (low >= 0 && low < next) low = buf.indexOf(INSERT_LOWER, next);
  }
  return out;
}

/** The wanted fields of the tuples after VALUES; returns where the statement ends. */
function tuples(buf: Buffer, head: InsertHead, wanted: boolean[], out: KeyedValue[]): number {
  return walkTuples(buf, head.values, (field, f) => {
    if (!wanted[field]) return;
    let [s, e] = f.quote ?? trimmed(buf, f.start, f.stop);
    if (!f.quote) {
      while (e > s && (buf[e - 1] === NL || buf[e - 1] === CR || buf[e - 1] === 32)) e--;
      while (s < e && (buf[s] === NL || buf[s] === CR || buf[s] === 32)) s++;
    }
    if (e <= s) return;
    let value = buf.toString('utf8', s, e);
    // NULL, DEFAULT, NOW(), concat(...): not a stored literal.
    if (!f.quote && (/^(?:null|default)$/i.test(value) || value.includes('('))) return;
    if (f.quote) value = value.replace(/''/g, "'").replace(/\\(['"\\])/g, '$1');
    out.push({ key: head.columns.cols[field]!, value, start: s, end: e, keyStart: 0, kind: 'cell', syntax: 'sql', owner: head.columns.table });
  });
}

/** Markdown tables: rows below `|---|` under the header row above it. */
export function scanMarkdownTables(buf: Buffer, want: (header: string) => boolean, out: KeyedValue[] = []): KeyedValue[] {
  let wanted: boolean[] = [];
  walkMarkdownTables(
    buf,
    (headers) => {
      wanted = headers.map((h) => h !== '' && want(h));
      return wanted.some(Boolean);
    },
    (from, rowEnd, headers) =>
      walkPipeCells(buf, from, rowEnd, headers.length, (field, s, e) => {
        if (!wanted[field]) return;
        const [ts, te] = trimmed(buf, s, e);
        if (te > ts) out.push({ key: headers[field]!, value: buf.toString('utf8', ts, te), start: ts, end: te, keyStart: 0, kind: 'cell', syntax: 'markdown' });
      }),
  );
  return out;
}
