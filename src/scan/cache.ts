/**
 * `--cache [DIR]`: per-file scan results kept between runs, like ESLint's --cache. An entry is a
 * file's whole FileTaskOutput (value findings, code findings and evidence, its code summary,
 * problems), found again by the file's path, its content hash and where it was found. Linking
 * still runs over every summary, cached or fresh, so flows across files stay current.
 *
 * One cache file per run key: the pdscan version, the rule catalogue's hash, the effective rules
 * (user rules and disabled ones included) and every option that changes a file's results. A run
 * with other settings reads and writes another file; a change to any of them is a clean miss.
 *
 * The cache is never trusted: a file that does not deserialize, is not a pdscan cache, or holds
 * an entry of the wrong shape is ignored with a warning, and the run starts from nothing. Writes
 * go to a temporary file renamed into place, so a reader never sees half a cache.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { TOOL_VERSION } from '../util/version.js';
import { sourceHash } from '../rules/catalogue.js';
import type { FileTaskInput, FileTaskOutput } from './file-task.js';

export const DEFAULT_CACHE_DIR = '.pdscan-cache';
const MAGIC = 'pdscan-scan-cache';
// 2: declaration findings carry properties.input (the inventory reads it instead of framework ids).
const FORMAT = 2;
/** Cache files kept per directory (one per run key): the oldest beyond this are removed. */
const KEEP_FILES = 8;
/** Files up to this size are hashed from one read; larger ones are streamed through the hash. */
const WHOLE_READ_BYTES = 8 * 1024 * 1024;
const HASH_CONCURRENCY = 32;

interface Entry {
  /** Content hash of the file. */
  hash: string;
  out: FileTaskOutput;
}

interface CacheData {
  magic: typeof MAGIC;
  format: number;
  version: string;
  key: string;
  entries: Map<string, Entry>;
}

/** Settings the results of a file depend on, besides its content and place. */
export interface CacheSettings {
  rules: unknown;
  code: boolean;
  codeSettings?: unknown;
  containerLimits?: unknown;
}

export function cacheKey(settings: CacheSettings): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: TOOL_VERSION, catalogue: sourceHash(), ...settings }))
    .digest('hex');
}

/** What an entry stands for besides the content: the same bytes elsewhere may judge differently (context, project names). */
function entryId(input: FileTaskInput): string {
  return JSON.stringify([input.rel, input.inRoot ?? input.rel, input.abs, input.codeOnly === true, input.container === true]);
}

function isOutput(o: unknown, rel: string): o is FileTaskOutput {
  if (!o || typeof o !== 'object') return false;
  const r = o as Record<string, unknown>;
  return r.rel === rel && Array.isArray(r.findings) && Array.isArray(r.evidence) && typeof r.bytes === 'number' && typeof r.lines === 'number';
}

function checked(data: unknown, key: string): CacheData | string {
  if (!data || typeof data !== 'object' || (data as CacheData).magic !== MAGIC) return 'not a pdscan scan cache';
  const c = data as CacheData;
  if (c.format !== FORMAT || c.version !== TOOL_VERSION || c.key !== key) return 'written by another pdscan version or for other settings';
  if (!(c.entries instanceof Map)) return 'malformed';
  for (const [id, e] of c.entries) {
    let rel: unknown;
    try {
      rel = (JSON.parse(id) as unknown[])[0];
    } catch {
      return 'malformed entry';
    }
    if (!e || typeof e !== 'object' || typeof e.hash !== 'string' || !isOutput(e.out, rel as string)) return 'malformed entry';
  }
  return c;
}

export async function hashFile(abs: string, size: number): Promise<string | undefined> {
  const h = createHash('sha256');
  try {
    if (size <= WHOLE_READ_BYTES) h.update(await readFile(abs));
    else for await (const chunk of createReadStream(abs)) h.update(chunk as Buffer);
  } catch {
    return undefined; // unreadable now: scanned (and reported) the usual way
  }
  return h.digest('hex');
}

export class ScanCache {
  private readonly fresh = new Map<string, Entry>();
  private hashes = new Map<string, string>();
  hits = 0;

  private constructor(
    readonly file: string,
    private readonly key: string,
    private readonly old: Map<string, Entry>,
  ) {}

  /** Opens the cache of this run key in `dir`; `warn` hears about a cache that cannot be used. */
  static async open(dir: string, settings: CacheSettings, warn: (message: string) => void): Promise<ScanCache> {
    const key = cacheKey(settings);
    const file = path.join(dir, `scan-${key.slice(0, 20)}.bin`);
    let old = new Map<string, Entry>();
    let buf: Buffer | undefined;
    try {
      buf = await readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`ignoring the scan cache ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (buf) {
      let data: unknown;
      try {
        data = deserialize(buf);
      } catch {
        data = undefined;
      }
      const c = data === undefined ? 'corrupt' : checked(data, key);
      if (typeof c === 'string') warn(`ignoring the scan cache ${file}: ${c}; it will be rebuilt`);
      else old = c.entries;
    }
    return new ScanCache(file, key, old);
  }

  /** Hashes the files to scan (containers too: their bytes decide their findings). */
  async hash(inputs: ReadonlyArray<FileTaskInput & { size: number }>): Promise<void> {
    let next = 0;
    const work = async () => {
      while (next < inputs.length) {
        const f = inputs[next++]!;
        const h = await hashFile(f.abs, f.size);
        if (h) this.hashes.set(entryId(f), h);
      }
    };
    await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, inputs.length) }, work));
  }

  /** The cached output of a file whose content is unchanged, kept for the next run. */
  get(input: FileTaskInput): FileTaskOutput | undefined {
    const id = entryId(input);
    const hash = this.hashes.get(id);
    const e = this.old.get(id);
    if (!hash || !e || e.hash !== hash) return undefined;
    this.fresh.set(id, e);
    this.hits++;
    return e.out;
  }

  put(input: FileTaskInput, out: FileTaskOutput): void {
    const hash = this.hashes.get(entryId(input));
    // A file that changed while read, or that a crashed worker lost, is scanned again next time.
    if (!hash || out.problem?.startsWith('could not be scanned')) return;
    this.fresh.set(entryId(input), { hash, out });
  }

  /** Writes this run's entries (files no longer scanned drop out), atomically; a failure is a warning. */
  async save(warn: (message: string) => void): Promise<void> {
    const data: CacheData = { magic: MAGIC, format: FORMAT, version: TOOL_VERSION, key: this.key, entries: this.fresh };
    const dir = path.dirname(this.file);
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(tmp, serialize(data));
      await rename(tmp, this.file);
      await prune(dir, this.file);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      warn(`could not write the scan cache ${this.file}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
}

/** Keeps the most recent cache files of a directory (one per run key). */
async function prune(dir: string, current: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => /^scan-[0-9a-f]{20}\.bin$/.test(n) && path.join(dir, n) !== current);
  if (names.length < KEEP_FILES) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(dir, n))).mtimeMs })));
  dated.sort((a, b) => b.t - a.t);
  for (const { n } of dated.slice(KEEP_FILES - 1)) await rm(path.join(dir, n), { force: true });
}
