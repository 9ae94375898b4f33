/**
 * Values keyed by a header rather than written next to their key: CSV/TSV cells under the first
 * line, SQL `INSERT INTO t (cols) VALUES (...)` fields under the column list, Markdown table cells
 * under the row above `|---|`. The header is classified first; rows are walked only when some
 * column is wanted, and only the wanted cells are decoded. Byte scanners, linear, no regex on the
 * untrusted rows.
 */
import type { KeyedValue } from './types.js';
import { splitHeader as splitHeaderCells, detectDelimiter } from '../../sources/files/structured.js';

const NL = 10;
const CR = 13;
const DQ = 34;
const SQ = 39;
const PIPE = 124;
const BACKSLASH = 92;

function trimmed(buf: Buffer, s: number, e: number): [number, number] {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9 || buf[e - 1] === CR)) e--;
  return [s, e];
}

/**
 * CSV/TSV (RFC 4180 quoting, quoted fields may span lines). `owner` is the file's name stem:
 * `products.csv` says what its `name` column names.
 */
export function scanCsv(buf: Buffer, want: (header: string) => boolean, owner: string | undefined, out: KeyedValue[] = []): KeyedValue[] {
  const headerEnd = buf.indexOf(NL);
  if (headerEnd < 0) return out;
  const headerLine = buf.toString('utf8', 0, headerEnd).replace(/^\uFEFF/, '').replace(/\r$/, '');
  const delim = detectDelimiter(headerLine);
  const headers = splitHeaderCells(headerLine, delim);
  if (headers.length < 2) return out;
  const wanted = headers.map((h) => h !== '' && want(h));
  if (!wanted.some(Boolean)) return out;
  const d = delim.charCodeAt(0);
  let field = 0;
  let i = headerEnd + 1;
  const emit = (s: number, e: number, quoted: boolean) => {
    if (!wanted[field]) return;
    const [ts, te] = quoted ? [s, e] : trimmed(buf, s, e);
    if (te <= ts) return;
    let value = buf.toString('utf8', ts, te);
    if (quoted && value.includes('""')) value = value.replace(/""/g, '"');
    out.push({ key: headers[field]!, value, start: ts, end: te, keyStart: 0, kind: 'cell', syntax: 'csv', owner });
  };
  while (i < buf.length) {
    // One field starting at i.
    while (buf[i] === 32 || buf[i] === 9) {
      if (d === 9 && buf[i] === 9) break;
      i++;
    }
    if (buf[i] === DQ) {
      const s = i + 1;
      let j = s;
      for (; j < buf.length; j++) {
        if (buf[j] === DQ) {
          if (buf[j + 1] === DQ) j++;
          else break;
        }
      }
      emit(s, j, true);
      i = j + 1;
      while (i < buf.length && buf[i] !== d && buf[i] !== NL) i++;
    } else {
      const s = i;
      while (i < buf.length && buf[i] !== d && buf[i] !== NL) i++;
      emit(s, i, false);
    }
    if (i >= buf.length) break;
    if (buf[i] === NL) field = 0;
    else field++;
    i++;
  }
  return out;
}

interface InsertHead {
  table: string;
  cols: string[];
  wanted: boolean[];
  /** Offset just after VALUES. */
  values: number;
}

/** Bytes from an INSERT keyword to the end of its column list: statements of a dump repeat it. */
const MAX_HEAD = 4000;

/**
 * The column list, table name and VALUES offset of an INSERT statement starting at `at`.
 * Dumps repeat one header for thousands of statements: headers are decoded and judged once.
 */
function insertHead(buf: Buffer, at: number, want: (column: string, table: string) => boolean, seen: Map<string, InsertHead | null>): InsertHead | undefined {
  const close = buf.indexOf(41, at);
  if (close < 0 || close - at > MAX_HEAD) return undefined;
  const headText = buf.toString('utf8', at, close + 1);
  let head = seen.get(headText);
  if (head === undefined) {
    // Bounded to MAX_HEAD bytes, no nested quantifiers: linear.
    const m = /^insert\s+into\s+([^\s(]+)\s*\(([^)]*)\)$/i.exec(headText);
    if (m) {
      const table = m[1]!.replace(/[`"[\]]/g, '').split('.').pop()!;
      const cols = splitHeaderCells(m[2]!, ',');
      head = { table, cols, wanted: cols.map((c) => want(c, table)), values: 0 };
    } else {
      head = null;
    }
    seen.set(headText, head);
  }
  if (!head) return undefined;
  // "VALUES" after the column list, across whitespace.
  let v = close + 1;
  while (v < buf.length && (buf[v] === 32 || buf[v] === 9 || buf[v] === NL || buf[v] === CR)) v++;
  if (buf.toString('latin1', v, v + 6).toLowerCase() !== 'values') return undefined;
  return { ...head, values: v + 6 };
}

const INSERT_UPPER = Buffer.from('INSERT INTO');
const INSERT_LOWER = Buffer.from('insert into');

/** SQL INSERT statements: each tuple field under its column (quotes '' and \' respected). */
export function scanSqlInserts(buf: Buffer, want: (column: string, table: string) => boolean, out: KeyedValue[] = []): KeyedValue[] {
  const seen = new Map<string, InsertHead | null>();
  // Upper- and lower-case spellings (mixed case "Insert Into" is rare enough to miss).
  let up = buf.indexOf(INSERT_UPPER);
  let low = buf.indexOf(INSERT_LOWER);
  while (up >= 0 || low >= 0) {
    const at = low < 0 || (up >= 0 && up < low) ? up : low;
    const head = insertHead(buf, at, want, seen);
    let next = at + 11;
    if (head) next = head.wanted.some(Boolean) ? tuples(buf, head.values, head.cols, head.wanted, head.table, out) : skipStatement(buf, head.values);
    if (up >= 0 && up < next) up = buf.indexOf(INSERT_UPPER, next);
    if (low >= 0 && low < next) low = buf.indexOf(INSERT_LOWER, next);
  }
  return out;
}

function skipStatement(buf: Buffer, from: number): number {
  let inQuote = false;
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (inQuote) {
      if (c === BACKSLASH) i++;
      else if (c === SQ) inQuote = false;
    } else if (c === SQ) inQuote = true;
    else if (c === 59) return i + 1;
  }
  return buf.length;
}

/** Walk the tuples after VALUES up to the closing ';'; returns where the statement ends. */
function tuples(buf: Buffer, from: number, cols: string[], wanted: boolean[], table: string, out: KeyedValue[]): number {
  let depth = 0;
  let field = 0;
  let fieldStart = -1;
  let quoteStart = -1;
  let quoteEnd = -1;
  const emit = (end: number) => {
    if (!wanted[field] || fieldStart < 0) return;
    let s: number;
    let e: number;
    let quoted = false;
    if (quoteStart >= 0) {
      [s, e, quoted] = [quoteStart, quoteEnd, true];
    } else {
      [s, e] = trimmed(buf, fieldStart, end);
      while (e > s && (buf[e - 1] === NL || buf[e - 1] === CR || buf[e - 1] === 32)) e--;
      while (s < e && (buf[s] === NL || buf[s] === CR || buf[s] === 32)) s++;
    }
    if (e <= s) return;
    let value = buf.toString('utf8', s, e);
    // NULL, DEFAULT, NOW(), concat(...): not a stored literal.
    if (!quoted && (/^(?:null|default)$/i.test(value) || value.includes('('))) return;
    if (quoted) value = value.replace(/''/g, "'").replace(/\\(['"\\])/g, '$1');
    out.push({ key: cols[field]!, value, start: s, end: e, keyStart: 0, kind: 'cell', syntax: 'sql', owner: table });
  };
  for (let i = from; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === SQ) {
      // A quoted literal: '' is an escaped quote, \' too (MySQL).
      const s = i + 1;
      let j = s;
      for (; j < buf.length; j++) {
        if (buf[j] === BACKSLASH) j++;
        else if (buf[j] === SQ) {
          if (buf[j + 1] === SQ) j++;
          else break;
        }
      }
      if (depth === 1 && quoteStart < 0) {
        quoteStart = s;
        quoteEnd = j;
      }
      i = j;
      continue;
    }
    if (c === 40) {
      depth++;
      if (depth === 1) {
        field = 0;
        fieldStart = i + 1;
        quoteStart = -1;
      }
    } else if (c === 41) {
      if (depth === 1) emit(i);
      depth = Math.max(0, depth - 1);
    } else if (c === 44 && depth === 1) {
      emit(i);
      field++;
      fieldStart = i + 1;
      quoteStart = -1;
    } else if (c === 59 && depth === 0) {
      return i + 1;
    }
  }
  return buf.length;
}

/** `|---|:--:|` : only pipes, dashes, colons and spaces, with a run of three dashes. */
function isSeparatorRow(buf: Buffer, s: number, e: number): boolean {
  let dashes = 0;
  let run = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i];
    if (c === 45) {
      run++;
      if (run >= 3) dashes++;
    } else if (c === PIPE || c === 58 || c === 32 || c === 9 || c === CR) {
      run = 0;
    } else {
      return false;
    }
  }
  return dashes > 0;
}

/** Markdown tables: rows below `|---|` under the header row above it. */
export function scanMarkdownTables(buf: Buffer, want: (header: string) => boolean, out: KeyedValue[] = []): KeyedValue[] {
  let lineStart = 0;
  let prevStart = -1;
  let prevEnd = -1;
  while (lineStart < buf.length) {
    let lineEnd = buf.indexOf(NL, lineStart);
    if (lineEnd < 0) lineEnd = buf.length;
    if (prevStart >= 0 && buf[firstNonSpace(buf, lineStart, lineEnd)] === PIPE && isSeparatorRow(buf, lineStart, lineEnd)) {
      const header = buf.toString('utf8', prevStart, prevEnd).trim().replace(/^\||\|$/g, '');
      const headers = splitHeaderCells(header, '|');
      const wanted = headers.map((h) => h !== '' && want(h));
      let row = lineEnd + 1;
      while (row < buf.length) {
        let rowEnd = buf.indexOf(NL, row);
        if (rowEnd < 0) rowEnd = buf.length;
        const first = firstNonSpace(buf, row, rowEnd);
        if (buf[first] !== PIPE) break;
        if (wanted.some(Boolean)) cells(buf, first + 1, rowEnd, headers, wanted, out);
        row = rowEnd + 1;
      }
      prevStart = -1;
      lineStart = row;
      continue;
    }
    prevStart = buf[firstNonSpace(buf, lineStart, lineEnd)] === PIPE ? lineStart : -1;
    prevEnd = lineEnd;
    lineStart = lineEnd + 1;
  }
  return out;
}

function firstNonSpace(buf: Buffer, s: number, e: number): number {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  return s;
}

function cells(buf: Buffer, from: number, rowEnd: number, headers: string[], wanted: boolean[], out: KeyedValue[]): void {
  let field = 0;
  let s = from;
  for (let i = from; i <= rowEnd; i++) {
    const c = i === rowEnd ? PIPE : buf[i];
    if (c === BACKSLASH) {
      i++;
      continue;
    }
    if (c !== PIPE) continue;
    if (wanted[field]) {
      const [ts, te] = trimmed(buf, s, i);
      if (te > ts) out.push({ key: headers[field]!, value: buf.toString('utf8', ts, te), start: ts, end: te, keyStart: 0, kind: 'cell', syntax: 'markdown' });
    }
    field++;
    s = i + 1;
    if (field >= headers.length) return;
  }
}
