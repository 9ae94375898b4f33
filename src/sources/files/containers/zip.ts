/**
 * Zip reading for archives and for the zip-based office formats (xlsx, docx, pptx, odt, ods), with
 * yauzl: entries are listed from the central directory, so sizes, encryption and counts are
 * checked before a byte is inflated, and each entry is inflated as a stream that stops the moment
 * it passes a limit. Entry names are only ever strings: nothing is extracted to disk.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';
import { formatBytes, LimitExceeded, RATIO_FLOOR_BYTES, type ByteBudget } from './types.js';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  directory: boolean;
}

export class EntryEncrypted extends Error {}

function openArchive(source: string | Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) => (err || !zip ? reject(err ?? new Error('cannot open zip')) : resolve(zip));
    // Names decoded here, not by yauzl: it fails the whole archive on a `..` name, which we refuse alone.
    const opts: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
    if (typeof source === 'string') yauzl.open(source, opts, done);
    else yauzl.fromBuffer(source, opts, done);
  });
}

/** True for entry names that would escape an extraction directory (zip-slip). */
export function escapesRoot(name: string): boolean {
  return name.startsWith('/') || /^[a-z]:/i.test(name) || name.split(/[\\/]/).includes('..');
}

/** UTF-8 when flagged or given in an Info-ZIP Unicode Path field (0x7075); latin1 otherwise (cp437 has no decoder here). */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  if (entry.generalPurposeBitFlag & 0x800) return raw.toString('utf8');
  const unicode = entry.extraFields.find((f) => f.id === 0x7075 && f.data.length > 5 && f.data[0] === 1);
  if (unicode) return unicode.data.subarray(5).toString('utf8');
  return raw.toString('latin1');
}

export class ZipReader {
  private constructor(private readonly zip: yauzl.ZipFile) {}

  static async open(source: string | Buffer): Promise<ZipReader> {
    return new ZipReader(await openArchive(source));
  }

  get entryCount(): number {
    return this.zip.entryCount;
  }

  /** Every entry's header, in central-directory order, without inflating anything. */
  async list(): Promise<Array<{ info: ZipEntryInfo; entry: yauzl.Entry }>> {
    const out: Array<{ info: ZipEntryInfo; entry: yauzl.Entry }> = [];
    await new Promise<void>((resolve, reject) => {
      this.zip.on('entry', (entry: yauzl.Entry) => {
        out.push({
          entry,
          info: {
            name: entryName(entry),
            compressedSize: entry.compressedSize,
            uncompressedSize: entry.uncompressedSize,
            encrypted: entry.isEncrypted(),
            directory: entryName(entry).endsWith('/'),
          },
        });
        this.zip.readEntry();
      });
      this.zip.once('end', () => resolve());
      this.zip.once('error', reject);
      this.zip.readEntry();
    });
    return out;
  }

  /** The entry inflated as a stream that fails with LimitExceeded past the limits. */
  async stream(entry: yauzl.Entry, info: ZipEntryInfo, where: string, maxEntryBytes: number, maxRatio: number, budget: ByteBudget): Promise<Readable> {
    if (info.encrypted) throw new EntryEncrypted(`${where}: encrypted entry, not read`);
    checkDeclared(info, where, maxEntryBytes, maxRatio);
    const raw = await new Promise<Readable>((resolve, reject) => this.zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))));
    const guard = new SizeGuard(where, info.compressedSize, maxEntryBytes, maxRatio, budget);
    raw.on('error', (err) => guard.destroy(err));
    guard.on('close', () => raw.destroy());
    return raw.pipe(guard);
  }

  /** The whole entry in memory (bounded by the same limits). */
  async read(entry: yauzl.Entry, info: ZipEntryInfo, where: string, maxEntryBytes: number, maxRatio: number, budget: ByteBudget): Promise<Buffer> {
    const s = await this.stream(entry, info, where, maxEntryBytes, maxRatio, budget);
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}

/** Refuses from the central directory alone: no inflating for an entry that says it is a bomb. */
export function checkDeclared(info: { uncompressedSize: number; compressedSize: number }, where: string, maxEntryBytes: number, maxRatio: number): void {
  if (info.uncompressedSize > maxEntryBytes) {
    throw new LimitExceeded(`${where}: refused, ${formatBytes(info.uncompressedSize)} uncompressed (limit max_entry_bytes ${formatBytes(maxEntryBytes)})`);
  }
  if (info.uncompressedSize > RATIO_FLOOR_BYTES && info.uncompressedSize > maxRatio * Math.max(1, info.compressedSize)) {
    throw new LimitExceeded(`${where}: refused, compression ratio ${Math.round(info.uncompressedSize / Math.max(1, info.compressedSize))}:1 (limit max_ratio ${maxRatio}:1)`);
  }
}

/** Counts inflated bytes: the declared sizes may lie, the count does not. */
export class SizeGuard extends Transform {
  private seen = 0;
  constructor(
    private readonly where: string,
    private readonly compressed: number,
    private readonly maxEntryBytes: number,
    private readonly maxRatio: number,
    private readonly budget: ByteBudget,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length;
    try {
      this.budget.take(chunk.length, this.where);
      if (this.seen > this.maxEntryBytes) throw new LimitExceeded(`${this.where}: refused, more than ${formatBytes(this.maxEntryBytes)} uncompressed (limit max_entry_bytes)`);
      if (this.compressed > 0 && this.seen > RATIO_FLOOR_BYTES && this.seen > this.maxRatio * this.compressed) {
        throw new LimitExceeded(`${this.where}: refused, compression ratio above ${this.maxRatio}:1 (limit max_ratio)`);
      }
    } catch (err) {
      cb(err as Error);
      return;
    }
    cb(null, chunk);
  }
}
