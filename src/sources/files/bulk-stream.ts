/**
 * Bulk data files (CSV, NDJSON, SQL dumps, logs) over a few megabytes are read in chunks cut at
 * line ends, so memory stays bounded whatever the file size: a whole 50 MB export classified at
 * once held about a hundred times its size in matches and findings. What gives a value its
 * meaning is carried into each chunk: a CSV's header line, and for a SQL dump the head of the
 * INSERT statement a chunk continues (`INSERT INTO t (a, b) VALUES`).
 */
import { open } from 'node:fs/promises';

/** Bulk files larger than this are streamed. */
export const STREAM_BYTES = 2 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
/** A line longer than this is cut where it stands: no single line may hold the file in memory. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

const STREAMED_EXT = /\.(csv|tsv|psv|ndjson|jsonl|sql|dump|log)$/i;

export function isStreamedKind(rel: string): boolean {
  return STREAMED_EXT.test(rel);
}

export interface Chunk {
  /** Carried context (header line, INSERT head) followed by the chunk's own lines. */
  text: Buffer;
  /** Lines of carried context at the start of `text`: findings there belong to an earlier chunk. */
  prefixLines: number;
  /** 1-based line in the file of the chunk's first own line. */
  firstLine: number;
}

const NL = 10;
const INSERT_INTO = Buffer.from('insert into', 'latin1');
const VALUES = Buffer.from('values', 'latin1');

function countLines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(NL); i !== -1; i = buf.indexOf(NL, i + 1)) n++;
  return n;
}

/** Where to cut `data`: after the last statement end (SQL) or line end, or -1 to read on. */
function cutPoint(data: Buffer, sql: boolean, eof: boolean): number {
  if (eof) return data.length;
  if (sql) {
    const stmt = data.lastIndexOf(';\n');
    if (stmt >= data.length / 2) return stmt + 2;
  }
  const nl = data.lastIndexOf(NL);
  if (nl >= 0) return nl + 1;
  return data.length >= MAX_LINE_BYTES ? data.length : -1;
}

/** The head of an INSERT statement still open at the end of `body`, or undefined. */
function openInsertHead(body: Buffer): Buffer | undefined {
  const tail = body.subarray(Math.max(0, body.length - 4096)).toString('latin1').trimEnd();
  if (tail.endsWith(';')) return undefined;
  const lower = Buffer.from(body.toString('latin1').toLowerCase(), 'latin1');
  const at = lower.lastIndexOf(INSERT_INTO);
  if (at < 0) return undefined;
  const values = lower.indexOf(VALUES, at);
  if (values < 0) return undefined;
  return Buffer.concat([body.subarray(at, values + VALUES.length), Buffer.from('\n')]);
}

/** The file in chunks of about CHUNK_BYTES, each with the context it needs to be read alone. */
export async function* readChunks(abs: string, rel: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<Chunk> {
  const sql = /\.(sql|dump)$/i.test(rel);
  const csv = /\.(csv|tsv|psv)$/i.test(rel);
  const fh = await open(abs, 'r');
  try {
    let pending = Buffer.alloc(0);
    let firstLine = 1;
    let carried: Buffer | undefined;
    let eof = false;
    let first = true;
    while (!eof || pending.length) {
      const block = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = eof ? { bytesRead: 0 } : await fh.read(block, 0, chunkBytes, null);
      if (bytesRead === 0) eof = true;
      let data = pending.length ? Buffer.concat([pending, block.subarray(0, bytesRead)]) : block.subarray(0, bytesRead);
      if (first && data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
      const cut = cutPoint(data, sql, eof);
      if (cut < 0) {
        pending = Buffer.from(data);
        continue;
      }
      const body = data.subarray(0, cut);
      pending = Buffer.from(data.subarray(cut));
      if (body.length === 0) continue;
      const prefix = carried ?? Buffer.alloc(0);
      yield { text: prefix.length ? Buffer.concat([prefix, body]) : body, prefixLines: countLines(prefix), firstLine };
      firstLine += countLines(body);
      if (first && csv) {
        const nl = body.indexOf(NL);
        carried = nl > 0 ? Buffer.from(body.subarray(0, nl + 1)) : undefined;
      } else if (sql) {
        carried = openInsertHead(body) ?? (body.toString('latin1').trimEnd().endsWith(';') ? undefined : carried);
      }
      first = false;
    }
  } finally {
    await fh.close();
  }
}
