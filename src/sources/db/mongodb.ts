/**
 * MongoDB connector (official driver), kept thin so that the same calls run against a real server
 * and the wire-protocol test server. Only read commands are issued (listDatabases, listCollections,
 * count, find, aggregate with `$sample` only), each with `maxTimeMS`. Fields are inferred from the
 * sampled documents, nested objects and arrays of sub-documents included (flatten.ts).
 * Sampling: `$sample` (a random cursor) when the sample is under 5% of the collection, otherwise a
 * few `find` windows at random offsets (no sort of the whole collection), or everything when the
 * collection is not bigger than the sample.
 */
import { MongoClient, type Document, type MongoClientOptions } from 'mongodb';
import { ScanError } from '../../util/errors.js';
import type { ConnectOptions, DbConnector, SampleOptions, TableInfo, TableSample } from './types.js';
import type { DbUrl } from './url.js';
import { cleanMessage, createRedactor, type Redactor } from './redact.js';
import { mongoPlan, seedFor, seededRandom } from './sampling-plan.js';

const SYSTEM_DATABASES = new Set(['admin', 'local', 'config']);
const BATCH = 1000;

/** A Binary's bytes, which the image check needs (bson keeps a larger backing buffer). */
function unwrapBinaries(doc: unknown, depth = 0): unknown {
  if (depth > 12 || doc === null || typeof doc !== 'object') return doc;
  const bin = doc as { _bsontype?: string; buffer?: Uint8Array; position?: number };
  if (bin._bsontype === 'Binary' && bin.buffer instanceof Uint8Array) return bin.buffer.subarray(0, bin.position ?? bin.buffer.length);
  if (Array.isArray(doc)) return doc.map((d) => unwrapBinaries(d, depth + 1));
  if (bin._bsontype) return doc;
  if (doc instanceof Date || doc instanceof Uint8Array) return doc;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) out[k] = unwrapBinaries(v, depth + 1);
  return out;
}

export class MongoConnector implements DbConnector {
  readonly engine = 'mongodb' as const;
  private readonly redact: Redactor;

  private constructor(
    private readonly url: DbUrl,
    private readonly opts: ConnectOptions,
    readonly client: MongoClient,
  ) {
    this.redact = createRedactor(url);
  }

  static async connect(url: DbUrl, opts: ConnectOptions): Promise<MongoConnector> {
    const options: MongoClientOptions = {
      appName: 'pdscan',
      maxPoolSize: opts.concurrency,
      serverSelectionTimeoutMS: Math.min(opts.timeoutMs, 15000),
      connectTimeoutMS: Math.min(opts.timeoutMs, 15000),
      socketTimeoutMS: opts.timeoutMs + 5000,
      ...(opts.sslCa ? { tls: true, tlsCAFile: opts.sslCa } : {}),
    };
    // A password from the environment: the URL names the user, the secret stays out of it.
    if (url.passwordSource && url.passwordSource !== 'url' && url.user) options.auth = { username: url.user, password: url.password };
    const redact = createRedactor(url);
    let client: MongoClient;
    try {
      client = new MongoClient(url.raw, options);
    } catch (err) {
      throw new ScanError(`invalid MongoDB URL ${url.display}: ${cleanMessage(err, redact)}`);
    }
    try {
      await client.connect();
      await client.db(url.database ?? 'admin').command({ ping: 1 });
    } catch (err) {
      await client.close().catch(() => undefined);
      throw new ScanError(`cannot connect to ${url.display}: ${cleanMessage(err, redact)}`);
    }
    return new MongoConnector(url, opts, client);
  }

  async listTables({ includeViews }: { includeViews: boolean }): Promise<TableInfo[]> {
    const max = this.opts.timeoutMs;
    try {
      let databases: string[];
      if (this.url.database) databases = [this.url.database];
      else {
        const r = await this.client.db('admin').admin().listDatabases({ nameOnly: true, maxTimeMS: max });
        databases = r.databases.map((d) => d.name).filter((n) => !SYSTEM_DATABASES.has(n)).sort();
      }
      const out: TableInfo[] = [];
      for (const dbName of databases) {
        const db = this.client.db(dbName);
        const colls = await db.listCollections({}, { nameOnly: false, maxTimeMS: max } as never).toArray();
        for (const c of colls.sort((a, b) => (a.name < b.name ? -1 : 1))) {
          if (c.name.startsWith('system.')) continue;
          const isView = c.type === 'view';
          if (isView && !includeViews) continue;
          // A collection we may not count is still listed: sampling it reports the real problem.
          const count = isView ? -1 : await db.collection(c.name).estimatedDocumentCount({ maxTimeMS: max }).catch(() => -1);
          out.push({ database: dbName, name: c.name, kind: isView ? 'view' : 'table', estimatedRows: count, columns: [] });
        }
      }
      return out;
    } catch (err) {
      throw new ScanError(`cannot list collections of ${this.url.display}: ${cleanMessage(err, this.redact)}`);
    }
  }

  async sample(table: TableInfo, opts: SampleOptions): Promise<TableSample> {
    const n = opts.sampleSize;
    const max = this.opts.timeoutMs;
    const coll = this.client.db(table.database).collection(table.name);
    const random = seededRandom(seedFor(`${table.database}.${table.name}`));
    let docs: Document[];
    let method: string;
    if (table.kind === 'view') {
      docs = await coll.find({}, { limit: n, maxTimeMS: max, batchSize: BATCH }).toArray();
      method = `first ${n} documents (view)`;
    } else {
      const plan = mongoPlan(table.estimatedRows, n, random);
      if (plan.method === 'all') {
        docs = await coll.find({}, { limit: n, maxTimeMS: max, batchSize: BATCH }).toArray();
        method = `all documents (about ${table.estimatedRows})`;
      } else if (plan.method === 'sample') {
        docs = await coll.aggregate([{ $sample: { size: n } }], { maxTimeMS: max, batchSize: BATCH }).toArray();
        method = `$sample of ${n} from about ${table.estimatedRows}`;
      } else {
        docs = [];
        for (const w of plan.windows) {
          docs.push(...(await coll.find({}, { skip: w.skip, limit: w.limit, maxTimeMS: max, batchSize: BATCH }).toArray()));
        }
        method = `${plan.windows.length} windows at random offsets of about ${table.estimatedRows}`;
      }
    }
    const values = new Map<string, unknown[]>([['', docs.map((d) => unwrapBinaries(d))]]);
    return { rows: docs.length, values, columns: [{ name: '', type: 'document', kind: 'json', ordinal: 1 }], method };
  }

  describe(err: unknown): string {
    const e = err as { code?: number; codeName?: string };
    const secs = Math.round(this.opts.timeoutMs / 100) / 10;
    if (e.code === 50 || e.codeName === 'MaxTimeMSExpired') return `timed out after ${secs}s (raise --timeout)`;
    if (e.code === 13 || e.codeName === 'Unauthorized') return `permission denied: ${cleanMessage(err, this.redact)}`;
    return cleanMessage(err, this.redact);
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }
}
