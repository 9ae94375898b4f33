/**
 * Reads a file into NFC UTF-8 for the classifier: UTF-8 (with or without BOM) and UTF-16 with a
 * BOM. Binary content (NUL bytes without a UTF-16 BOM) and minified bundles are skipped.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { isStreamedKind, STREAM_BYTES } from './bulk-stream.js';
import { normalizeBuffer } from '../../classify/engine.js';

export type ReadOutcome =
  | { ok: true; buf: Buffer }
  /** A large bulk data file, to be read in chunks (bulk-stream.ts). */
  | { ok: 'stream' }
  | { ok: false; skip: 'binary' | 'minified' | 'empty' }
  | { ok: false; error: string };

export function decode(raw: Buffer): Buffer | 'binary' {
  if (raw.length >= 2 && raw[0] === 0xff && raw[1] === 0xfe) return Buffer.from(raw.subarray(2).toString('utf16le'), 'utf8');
  if (raw.length >= 2 && raw[0] === 0xfe && raw[1] === 0xff) {
    const swapped = Buffer.from(raw.subarray(2));
    swapped.swap16();
    return Buffer.from(swapped.toString('utf16le'), 'utf8');
  }
  if (raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) return raw.subarray(3);
  const head = raw.subarray(0, 8192);
  if (head.includes(0)) return 'binary';
  return raw;
}

/** A bundle: very long lines and few of them. Checked on the first 64 KiB only. */
export function looksMinified(buf: Buffer, path: string): boolean {
  if (!/\.(m?js|cjs|css)$/i.test(path) || buf.length < 5000) return false;
  const head = buf.subarray(0, 65536);
  let lines = 1;
  for (let i = head.indexOf(10); i !== -1; i = head.indexOf(10, i + 1)) lines++;
  return head.length / lines > 1000;
}

/** UTF-8 without NUL bytes in its first 8 KiB: what the chunked reader handles. */
async function streamable(abs: string): Promise<boolean> {
  const fh = await open(abs, 'r');
  try {
    const head = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const utf16 = bytesRead >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
    return !utf16 && decode(head.subarray(0, bytesRead)) !== 'binary';
  } finally {
    await fh.close();
  }
}

export async function readForScan(abs: string, rel: string): Promise<ReadOutcome> {
  let raw: Buffer;
  try {
    if (isStreamedKind(rel) && (await stat(abs)).size > STREAM_BYTES && (await streamable(abs))) return { ok: 'stream' };
    raw = await readFile(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})` };
  }
  if (raw.length === 0) return { ok: false, skip: 'empty' };
  const decoded = decode(raw);
  if (decoded === 'binary') return { ok: false, skip: 'binary' };
  if (looksMinified(decoded, rel)) return { ok: false, skip: 'minified' };
  return { ok: true, buf: normalizeBuffer(decoded) };
}
