/**
 * Which files are containers, and the one entry point that turns a container (a file on disk or
 * an entry already in memory) into text units and notices. Limits are enforced here for nesting
 * and in the format readers for bytes; a limit passed ends that container with a named refusal
 * and the rest of the scan goes on.
 */
import { open } from 'node:fs/promises';
import { normalizeBuffer } from '../../../classify/engine.js';
import { decode } from '../read.js';
import { expandGzip, expandTar, expandZip } from './archives.js';
import { expandSheet } from './sheets.js';
import { expandDocument } from './documents.js';
import { expandPdf } from './pdf.js';
import { expandXls } from './xls.js';
import { BudgetExhausted, ByteBudget, LimitExceeded, type ContainerLimits, type TextUnit, type UnitSink } from './types.js';
import { CHUNK_BYTES } from './sheets.js';
import { EntryEncrypted } from './zip.js';
import { looksLikeIdDocument } from './id-document.js';
import { containerFormat, isContainerPath } from './format.js';
export { looksLikeIdDocument };


export interface ExpandContext {
  limits: ContainerLimits;
  budget: ByteBudget;
  /** 1 for a file on disk, 2 for a container inside it... */
  depth: number;
  sink: UnitSink;
}

export { containerFormat, isContainerPath, type ContainerFormat } from './format.js';

const SQLITE_EXT = /\.(sqlite3?|db)$/i;

/**
 * Expands one top-level file. Refusals (limits) and unreadable containers become notices; units
 * already delivered stay delivered, so a refused archive still reports what it read before.
 */
export async function expandFile(abs: string, rel: string, size: number, limits: ContainerLimits, sink: UnitSink): Promise<void> {
  let notices = 0;
  // A bomb of thousands of refused entries is one problem to the reader, not thousands of lines.
  const capped: UnitSink = {
    unit: (u) => sink.unit(u),
    notice: (n) => {
      if (++notices <= MAX_NOTICES_PER_FILE) sink.notice(n);
    },
  };
  const ctx: ExpandContext = { limits, budget: new ByteBudget(limits, size), depth: 1, sink: capped };
  await guarded(rel, capped, () => expandContainer(abs, rel, ctx, size), true);
  if (notices > MAX_NOTICES_PER_FILE) {
    sink.notice({ where: rel, kind: 'refused', message: `${notices - MAX_NOTICES_PER_FILE} more entries refused or not read in this file` });
  }
}

const MAX_NOTICES_PER_FILE = 20;

async function guarded(where: string, sink: UnitSink, fn: () => Promise<void>, top = false): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof BudgetExhausted && !top) throw err;
    if (err instanceof LimitExceeded) sink.notice({ where, kind: 'refused', message: err.message.startsWith(where) ? err.message.slice(where.length + 2) : err.message });
    else if (err instanceof EntryEncrypted) sink.notice({ where, kind: 'encrypted', message: 'encrypted, not read (no password is guessed)' });
    else sink.notice({ where, kind: 'unreadable', message: `cannot read: ${(err as Error).message.split('\n')[0]}` });
  }
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function head(source: string | Buffer): Promise<Buffer> {
  if (typeof source !== 'string') return source.subarray(0, 8);
  const fh = await open(source, 'r');
  try {
    const buf = Buffer.alloc(8);
    await fh.read(buf, 0, 8, 0);
    return buf;
  } finally {
    await fh.close();
  }
}

async function expandContainer(source: string | Buffer, where: string, ctx: ExpandContext, size?: number): Promise<void> {
  const format = containerFormat(where)!;
  // A password-protected xlsx/docx/pptx is not a zip but an OLE file holding the encrypted package.
  if ((format === 'xlsx' || format === 'docx' || format === 'pptx') && (await head(source)).equals(OLE_MAGIC)) {
    ctx.sink.notice({ where, kind: 'encrypted', message: 'password-protected Office file, not read (no password is guessed)' });
    return;
  }
  switch (format) {
    case 'zip':
      return expandZip(source, where, ctx, onEntry);
    case 'tar':
      return expandTar(source, where, false, ctx, onEntry, size);
    case 'tgz':
      return expandTar(source, where, true, ctx, onEntry, size);
    case 'gz':
      return expandGzip(source, where, ctx, onEntry, size);
    case 'xlsx':
    case 'ods':
      return expandSheet(source, where, format, ctx);
    case 'docx':
    case 'pptx':
    case 'odt':
      return expandDocument(source, where, format, ctx);
    case 'pdf':
      return expandPdf(source, where, ctx);
    case 'xls':
      // An .xlsx saved under the old name is common: the bytes decide, not the extension.
      if ((await head(source)).subarray(0, 2).toString('latin1') === 'PK') return expandSheet(source, where, 'xlsx', ctx);
      return expandXls(source, where, ctx);
  }
}

/** An inner file of an archive: a nested container, or text. */
async function onEntry(inner: string, data: Buffer, ctx: ExpandContext): Promise<void> {
  if (isContainerPath(inner)) {
    if (ctx.depth + 1 > ctx.limits.maxDepth) {
      ctx.sink.notice({ where: inner, kind: 'refused', message: `nested ${ctx.depth + 1} levels deep, not read (limit max_depth ${ctx.limits.maxDepth})` });
      return;
    }
    await guarded(inner, ctx.sink, () => expandContainer(data, inner, { ...ctx, depth: ctx.depth + 1 }));
    return;
  }
  if (data.length === 0) return;
  if (SQLITE_EXT.test(inner) && data.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000') {
    ctx.sink.notice({ where: inner, kind: 'unsupported', message: 'SQLite database inside an archive, not scanned: extract it and run `pdscan db sqlite:PATH`' });
    return;
  }
  const text = decode(data);
  if (text === 'binary') {
    if (looksLikeIdDocument(inner)) ctx.sink.notice({ where: inner, kind: 'id-document-image', message: 'binary file inside an archive, not read' });
    else ctx.sink.notice({ where: inner, kind: 'unsupported', message: 'binary file, not read' });
    return;
  }
  const name = inner.slice(inner.lastIndexOf('!/') + 2);
  for (const unit of lineChunks(inner, name, normalizeBuffer(text))) await ctx.sink.unit(unit);
}

const TABLE_EXT = /\.(csv|tsv|psv)$/i;
const LINE_DATA_EXT = /\.(ndjson|jsonl|log|sql|dump|txt)$/i;

/**
 * A large inner CSV (or other line data) in chunks of whole lines, each CSV chunk starting with
 * the header again, so that classifying a 10 MB export does not hold its half-million matches at
 * once. Other files, and small ones, stay one unit.
 */
export function* lineChunks(path: string, formatPath: string, text: Buffer): Generator<TextUnit> {
  const table = TABLE_EXT.test(formatPath);
  if (text.length <= CHUNK_BYTES * 2 || (!table && !LINE_DATA_EXT.test(formatPath))) {
    yield { path, formatPath, text };
    return;
  }
  const headerEnd = table ? text.indexOf(10) + 1 : 0;
  const header = text.subarray(0, headerEnd);
  let start = headerEnd;
  let firstLine = table ? 2 : 1;
  while (start < text.length) {
    let end = text.indexOf(10, Math.min(text.length - 1, start + CHUNK_BYTES));
    end = end < 0 ? text.length : end + 1;
    const body = text.subarray(start, end);
    let lines = 0;
    for (let i = body.indexOf(10); i !== -1; i = body.indexOf(10, i + 1)) lines++;
    const offset = firstLine - (table ? 2 : 1);
    yield {
      path,
      formatPath,
      text: table ? Buffer.concat([header, body]) : body,
      reportedLine: (line) => (table && line === 1 ? 1 : line + offset),
    };
    firstLine += lines;
    start = end;
  }
}
