/**
 * Archives: .zip, .tar, .tar.gz/.tgz and .gz. Every inner file becomes a text unit at
 * `archive!/inner/path`, or is opened as a container itself (nested archives, workbooks,
 * documents) up to max_depth. Limits are checked on declared sizes first, then on the bytes
 * actually inflated, and the first one passed stops that archive with a named refusal.
 */
import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract as tarExtract } from 'tar-stream';
import { escapesRoot, EntryEncrypted, SizeGuard, ZipReader } from './zip.js';
import { formatBytes, LimitExceeded, type ByteBudget } from './types.js';
import type { ExpandContext } from './expand.js';

export type EntryHandler = (name: string, data: Buffer, ctx: ExpandContext) => Promise<void>;

export async function expandZip(source: string | Buffer, where: string, ctx: ExpandContext, onEntry: EntryHandler): Promise<void> {
  const { limits, budget } = ctx;
  const zip = await ZipReader.open(source);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new LimitExceeded(`${where}: refused, ${zip.entryCount} entries (limit max_entries ${limits.maxEntries})`);
    }
    const entries = await zip.list();
    for (const { entry, info } of entries) {
      if (info.directory) continue;
      const inner = `${where}!/${info.name}`;
      if (escapesRoot(info.name)) {
        ctx.sink.notice({ where: inner, kind: 'refused', message: 'entry path leaves the archive root (zip-slip), not read' });
        continue;
      }
      let data: Buffer;
      try {
        data = await zip.read(entry, info, inner, limits.maxEntryBytes, limits.maxRatio, budget);
      } catch (err) {
        if (err instanceof EntryEncrypted) {
          ctx.sink.notice({ where: inner, kind: 'encrypted', message: 'encrypted entry, not read (no password is guessed)' });
          continue;
        }
        throw err;
      }
      await onEntry(inner, data, ctx);
    }
  } finally {
    zip.close();
  }
}

/** Counts the bytes of a tar stream that is not compressed, so that its total meets the budget too. */
class BudgetCounter extends Transform {
  constructor(private readonly budget: ByteBudget, private readonly where: string) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.budget.take(chunk.length, this.where);
    } catch (err) {
      cb(err as Error);
      return;
    }
    cb(null, chunk);
  }
}

function sourceStream(source: string | Buffer): Readable {
  return typeof source === 'string' ? createReadStream(source) : Readable.from([source]);
}

function sourceSize(source: string | Buffer, size: number | undefined): number {
  return typeof source === 'string' ? size ?? 0 : source.length;
}

/** Gunzip with the ratio and total limits applied to the whole decompressed stream. */
function gunzipGuarded(source: string | Buffer, where: string, ctx: ExpandContext, compressedSize: number): Readable {
  const gunzip = createGunzip();
  const guard = new SizeGuard(where, compressedSize, ctx.limits.maxTotalBytes, ctx.limits.maxRatio, ctx.budget);
  const input = sourceStream(source);
  input.on('error', (err) => guard.destroy(err));
  gunzip.on('error', (err) => guard.destroy(err));
  guard.on('close', () => {
    input.destroy();
    gunzip.destroy();
  });
  return input.pipe(gunzip).pipe(guard);
}

export async function expandTar(source: string | Buffer, where: string, gzipped: boolean, ctx: ExpandContext, onEntry: EntryHandler, size?: number): Promise<void> {
  const { limits } = ctx;
  let input: Readable;
  if (gzipped) input = gunzipGuarded(source, where, ctx, sourceSize(source, size));
  else {
    const raw = sourceStream(source);
    const counter = new BudgetCounter(ctx.budget, where);
    raw.on('error', (err) => counter.destroy(err));
    input = raw.pipe(counter);
  }
  const extract = tarExtract();
  input.on('error', (err) => extract.destroy(err));
  input.pipe(extract);
  let count = 0;
  try {
    for await (const entry of extract) {
      const h = entry.header;
      const inner = `${where}!/${h.name}`;
      if (h.type !== 'file' && h.type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      if (++count > limits.maxEntries) throw new LimitExceeded(`${where}: refused, more than ${limits.maxEntries} entries (limit max_entries)`);
      if (escapesRoot(h.name)) {
        entry.resume();
        ctx.sink.notice({ where: inner, kind: 'refused', message: 'entry path leaves the archive root, not read' });
        continue;
      }
      if ((h.size ?? 0) > limits.maxEntryBytes) {
        throw new LimitExceeded(`${inner}: refused, ${formatBytes(h.size ?? 0)} uncompressed (limit max_entry_bytes ${formatBytes(limits.maxEntryBytes)})`);
      }
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      await onEntry(inner, Buffer.concat(chunks), ctx);
    }
  } finally {
    input.destroy();
    extract.destroy();
  }
}

/** A lone .gz: one inner file named after the archive without its extension. */
export async function expandGzip(source: string | Buffer, where: string, ctx: ExpandContext, onEntry: EntryHandler, size?: number): Promise<void> {
  const stream = gunzipGuarded(source, where, ctx, sourceSize(source, size));
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    total += (c as Buffer).length;
    if (total > ctx.limits.maxEntryBytes) {
      stream.destroy();
      throw new LimitExceeded(`${where}: refused, more than ${formatBytes(ctx.limits.maxEntryBytes)} uncompressed (limit max_entry_bytes)`);
    }
    chunks.push(c as Buffer);
  }
  const base = where.slice(where.lastIndexOf('/') + 1).replace(/\.gz$/i, '');
  await onEntry(`${where}!/${base}`, Buffer.concat(chunks), ctx);
}
