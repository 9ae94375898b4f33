/**
 * The one interface between container formats (archives, spreadsheets, office documents, PDFs)
 * and the file pipeline: a container is turned into text units, each with the virtual path that
 * reports show (`backup.zip!/exports/kh.csv`), and notices for what could not or would not be
 * read (refused by a limit, encrypted, no text layer). Nothing is ever written to disk.
 */
import { readFile, stat } from 'node:fs/promises';

/** The file on disk that holds a virtual path: `backup.zip` for `backup.zip!/exports/kh.csv`. */
export function outerFile(virtualPath: string): string {
  const at = virtualPath.indexOf('!/');
  return at < 0 ? virtualPath : virtualPath.slice(0, at);
}

export interface ContainerLimits {
  /** Containers inside containers: an xlsx in a zip is depth 2. */
  maxDepth: number;
  /** Entries listed in one archive. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes read from one top-level file, all nesting levels together. */
  maxTotalBytes: number;
  /** Uncompressed/compressed bytes of one entry, checked once the entry passes 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_CONTAINER_LIMITS: ContainerLimits = {
  maxDepth: 3,
  maxEntries: 10_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
};

/** Entries smaller than this are never refused for their ratio: a tiny file of spaces is harmless. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface TextUnit {
  /** Virtual path shown in reports: `outer.zip!/dir/inner.csv`, or the file itself for a document. */
  path: string;
  /** Name whose extension picks the text hints and bulk aggregation (a sheet is read as `.csv`). */
  formatPath: string;
  /** NFC UTF-8 text. */
  text: Buffer;
  /** Maps a line of `text` to the line reported (a sheet chunk's lines to its row numbers). */
  reportedLine?: (line: number) => number;
  /** Extras copied onto each finding (sheet name...). */
  properties?: Record<string, unknown>;
}

export type NoticeKind = 'refused' | 'encrypted' | 'no-text-layer' | 'unsupported' | 'unreadable' | 'id-document-image';

export interface ContainerNotice {
  where: string;
  kind: NoticeKind;
  message: string;
}

/** Receives units as they are produced, so that a large workbook is classified chunk by chunk. */
export interface UnitSink {
  unit(u: TextUnit): Promise<void> | void;
  notice(n: ContainerNotice): void;
}

/** Raised inside a reader to stop a container at once; the caller turns it into a notice. */
export class LimitExceeded extends Error {}

/** The whole top-level file is refused: nested levels must not catch this and go on with siblings. */
export class BudgetExhausted extends LimitExceeded {}

/**
 * Bytes read from one top-level file, shared by every nesting level. Besides the total, the
 * expansion against the file's own size is bounded: a nested bomb of small entries (each under the
 * per-entry ratio floor) multiplies through its levels, and this is where that shows.
 */
export class ByteBudget {
  private used = 0;
  constructor(readonly limits: ContainerLimits, private readonly fileSize = 0) {}

  take(n: number, where: string): void {
    this.used += n;
    const top = where.split('!/')[0]!;
    if (this.used > this.limits.maxTotalBytes) {
      throw new BudgetExhausted(`${top}: refused, more than ${formatBytes(this.limits.maxTotalBytes)} uncompressed in total (limit max_total_bytes)`);
    }
    if (this.fileSize > 0 && this.used > RATIO_FLOOR_BYTES && this.used > this.limits.maxRatio * this.fileSize) {
      throw new BudgetExhausted(`${top}: refused, expands to more than ${this.limits.maxRatio}× its ${formatBytes(this.fileSize)} (limit max_ratio), e.g. nested archives`);
    }
  }
}

/**
 * The bytes of a container its reader needs whole (a PDF, an OLE workbook), refused before reading
 * when larger than `max_entry_bytes`: a file on disk by its size, an inner entry as given.
 */
export async function readWhole(source: string | Buffer, where: string, limits: ContainerLimits): Promise<Buffer> {
  const size = typeof source === 'string' ? (await stat(source)).size : source.length;
  if (size > limits.maxEntryBytes) throw new LimitExceeded(`${where}: refused, ${formatBytes(size)} (limit max_entry_bytes)`);
  return typeof source === 'string' ? readFile(source) : source;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
