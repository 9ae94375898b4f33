/**
 * The one reader of tabular text: CSV/TSV rows under a header line, SQL `INSERT INTO t (cols)
 * VALUES (...)` tuples under their column list, Markdown table rows under the row above `|---|`.
 * Two users: keyed values (classify/keyed/tables.ts, the cells under personal headers) and
 * column hints (sources/files/structured.ts, the header of the cell a match is in). Byte
 * scanners, linear, no regex on the untrusted rows.
 */

export const NL = 10;
export const CR = 13;
const DQ = 34;
const SQ = 39;
const PIPE = 124;
const BACKSLASH = 92;

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

/** [s, e) without the spaces, tabs (and a CR) around it. */
export function trimmed(buf: Buffer, s: number, e: number): [number, number] {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9 || buf[e - 1] === CR)) e--;
  return [s, e];
}

// ---------------------------------------------------------------- CSV

export interface CsvField {
  /** The value's span: inside the quotes when quoted (`""` not yet unescaped). */
  start: number;
  end: number;
  quoted: boolean;
  /** Where the field stops: its delimiter, the newline, or the end of the buffer. */
  stop: number;
}

/** One CSV field starting at `i` (RFC 4180 quoting: a quoted field may span lines). */
function csvField(buf: Buffer, i: number, delim: number): CsvField {
  while (buf[i] === 32 || buf[i] === 9) {
    if (delim === 9 && buf[i] === 9) break;
    i++;
  }
  if (buf[i] === DQ) {
    const start = i + 1;
    let j = start;
    for (; j < buf.length; j++) {
      if (buf[j] === DQ) {
        if (buf[j + 1] === DQ) j++;
        else break;
      }
    }
    let stop = j + 1;
    while (stop < buf.length && buf[stop] !== delim && buf[stop] !== NL) stop++;
    return { start, end: j, quoted: true, stop };
  }
  const start = i;
  while (i < buf.length && buf[i] !== delim && buf[i] !== NL) i++;
  return { start, end: i, quoted: false, stop: i };
}

/** The CSV header line (BOM and CR removed) and the offset of the first data row, or undefined without a newline. */
export function csvHeader(buf: Buffer): { headers: string[]; delim: string; rowsFrom: number } | undefined {
  const headerEnd = buf.indexOf(NL);
  if (headerEnd < 0) return undefined;
  const line = buf.toString('utf8', 0, headerEnd).replace(/^\uFEFF/, '').replace(/\r$/, '');
  const delim = detectDelimiter(line);
  return { headers: splitHeader(line, delim), delim, rowsFrom: headerEnd + 1 };
}

/** Every field of every row from `from`, with its position in the row. */
export function walkCsvRows(buf: Buffer, from: number, delim: number, onField: (index: number, f: CsvField) => void): void {
  let index = 0;
  let i = from;
  while (i < buf.length) {
    const f = csvField(buf, i, delim);
    onField(index, f);
    i = f.stop;
    if (i >= buf.length) break;
    if (buf[i] === NL) index = 0;
    else index++;
    i++;
  }
}

/** Position in its row of the field containing `offset`, walking the row from `rowStart`. */
export function csvFieldIndexAt(buf: Buffer, rowStart: number, offset: number, delim: number): number {
  let index = 0;
  for (let i = rowStart; ; index++) {
    const f = csvField(buf, i, delim);
    if (offset <= f.stop || f.stop >= buf.length || buf[f.stop] === NL) return index;
    i = f.stop + 1;
  }
}

// ---------------------------------------------------------------- SQL INSERT

/** What an INSERT's column list says; one object per distinct header text. */
export interface InsertColumns {
  /** The table's own name, without schema or quotes. */
  table: string;
  cols: string[];
}

export interface InsertHead {
  columns: InsertColumns;
  /** Offset just after VALUES. */
  values: number;
}

/** Bytes from an INSERT keyword to the end of its column list: statements of a dump repeat it. */
const MAX_HEAD = 4000;

/**
 * The table, column list and VALUES offset of an INSERT statement starting at `at`. Dumps repeat
 * one header for thousands of statements: `seen` decodes each distinct header once.
 */
export function insertHead(buf: Buffer, at: number, seen: Map<string, InsertColumns | null>): InsertHead | undefined {
  const close = buf.indexOf(41, at);
  if (close < 0 || close - at > MAX_HEAD) return undefined;
  const headText = buf.toString('utf8', at, close + 1);
  let head = seen.get(headText);
  if (head === undefined) {
    // Bounded to MAX_HEAD bytes, no nested quantifiers: linear.
    const m = /^insert\s+into\s+([^\s(]+)\s*\(([^)]*)\)$/i.exec(headText);
    head = m ? { table: m[1]!.replace(/[`"[\]]/g, '').split('.').pop()!, cols: splitHeader(m[2]!, ',') } : null;
    seen.set(headText, head);
  }
  if (!head) return undefined;
  // "VALUES" after the column list, across whitespace.
  let v = close + 1;
  while (v < buf.length && (buf[v] === 32 || buf[v] === 9 || buf[v] === NL || buf[v] === CR)) v++;
  if (buf.toString('latin1', v, v + 6).toLowerCase() !== 'values') return undefined;
  return { columns: head, values: v + 6 };
}

/** A tuple field: where it starts (after `(` or `,`), where it stops, and its quoted literal if it is one. */
export interface SqlField {
  start: number;
  stop: number;
  /** Span inside the quotes of the field's first literal (`''` and `\'` not yet unescaped). */
  quote?: [number, number];
}

/** Walks the tuples after VALUES up to the closing `;` (quotes `''` and `\'` respected); returns where the statement ends. */
export function walkTuples(buf: Buffer, from: number, onField: (index: number, f: SqlField) => void): number {
  let depth = 0;
  let index = 0;
  let start = -1;
  let quote: [number, number] | undefined;
  const close = (stop: number) => {
    if (start >= 0) onField(index, quote ? { start, stop, quote } : { start, stop });
  };
  for (let i = from; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === SQ) {
      const s = i + 1;
      let j = s;
      for (; j < buf.length; j++) {
        if (buf[j] === BACKSLASH) j++;
        else if (buf[j] === SQ) {
          if (buf[j + 1] === SQ) j++;
          else break;
        }
      }
      if (depth === 1 && !quote) quote = [s, j];
      i = j;
      continue;
    }
    if (c === 40) {
      depth++;
      if (depth === 1) {
        index = 0;
        start = i + 1;
        quote = undefined;
      }
    } else if (c === 41) {
      if (depth === 1) close(i);
      depth = Math.max(0, depth - 1);
    } else if (c === 44 && depth === 1) {
      close(i);
      index++;
      start = i + 1;
      quote = undefined;
    } else if (c === 59 && depth === 0) {
      return i + 1;
    }
  }
  return buf.length;
}

/** The end of a statement from `from`, skipping quoted literals. */
export function skipStatement(buf: Buffer, from: number): number {
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

// ---------------------------------------------------------------- Markdown tables

/** `|---|:--:|` : only pipes, dashes, colons and spaces, with a run of three dashes. */
export function isSeparatorRow(buf: Buffer, s: number, e: number): boolean {
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

function firstNonSpace(buf: Buffer, s: number, e: number): number {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  return s;
}

/** Whether the line [s, e) is a table row: its first non-blank byte is a pipe. */
export function isPipeRow(buf: Buffer, s: number, e: number): boolean {
  return buf[firstNonSpace(buf, s, e)] === PIPE;
}

/** The header cells of a table whose header row is [s, e). */
export function markdownHeader(buf: Buffer, s: number, e: number): string[] {
  return splitHeader(buf.toString('utf8', s, e).trim().replace(/^\||\|$/g, ''), '|');
}

/**
 * The cells of a row after its first pipe (`from`), up to `count` cells; `\|` does not end a
 * cell. Returns early when `onCell` returns true.
 */
export function walkPipeCells(buf: Buffer, from: number, rowEnd: number, count: number, onCell: (index: number, s: number, e: number) => boolean | void): void {
  let index = 0;
  let s = from;
  for (let i = from; i <= rowEnd; i++) {
    const c = i === rowEnd ? PIPE : buf[i];
    if (c === BACKSLASH) {
      i++;
      continue;
    }
    if (c !== PIPE) continue;
    if (onCell(index, s, i)) return;
    index++;
    s = i + 1;
    if (index >= count) return;
  }
}

/**
 * Every table of a Markdown text: `onTable` gets the header cells and says whether rows are
 * wanted; `onRow` gets each row's span after its first pipe. Returns nothing; linear.
 */
export function walkMarkdownTables(buf: Buffer, onTable: (headers: string[]) => boolean, onRow: (from: number, rowEnd: number, headers: string[]) => void): void {
  let lineStart = 0;
  let prevStart = -1;
  let prevEnd = -1;
  while (lineStart < buf.length) {
    let lineEnd = buf.indexOf(NL, lineStart);
    if (lineEnd < 0) lineEnd = buf.length;
    if (prevStart >= 0 && isPipeRow(buf, lineStart, lineEnd) && isSeparatorRow(buf, lineStart, lineEnd)) {
      const headers = markdownHeader(buf, prevStart, prevEnd);
      const wanted = onTable(headers);
      let row = lineEnd + 1;
      while (row < buf.length) {
        let rowEnd = buf.indexOf(NL, row);
        if (rowEnd < 0) rowEnd = buf.length;
        const first = firstNonSpace(buf, row, rowEnd);
        if (buf[first] !== PIPE) break;
        if (wanted) onRow(first + 1, rowEnd, headers);
        row = rowEnd + 1;
      }
      prevStart = -1;
      lineStart = row;
      continue;
    }
    prevStart = isPipeRow(buf, lineStart, lineEnd) ? lineStart : -1;
    prevEnd = lineEnd;
    lineStart = lineEnd + 1;
  }
}
