/**
 * PostgreSQL connector (pg). Safety: every statement runs inside `BEGIN READ ONLY` with
 * `SET LOCAL statement_timeout` and `lock_timeout`, the session default is read-only too, and
 * identifiers are always quoted. Sampling: TABLESAMPLE with a percentage from the row estimate
 * (BERNOULLI up to 20× the sample size, SYSTEM above, which reads only the sampled pages), topped
 * up when it comes back short and capped with LIMIT; tables never analyzed are probed with bounded
 * queries first. Views (only with --include-views) cannot be sampled and give their first rows.
 */
import pg from 'pg';
import { ScanError } from '../../util/errors.js';
import type { ColumnInfo, ConnectOptions, DbConnector, SampleOptions, TableInfo, TableSample, ValueKind } from './types.js';
import type { DbUrl } from './url.js';
import { cleanMessage, createRedactor, type Redactor } from './redact.js';
import { nodeTls, tlsPlan } from './tls.js';
import { pgPlan, pgRowEstimate, topUpPercent, ROW_SAMPLING_MAX_FACTOR, seedFor } from './sampling-plan.js';
import { BINARY_PREFIX } from './images.js';
import { MAX_TEXT } from './values.js';

const MAX_JSON = 65536;
/** Fewest pages a SYSTEM sample reads (about 800 kB): a floor on how spread out the rows are. */
const MIN_PAGES = 100;

export function quotePg(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function pgKind(typname: string, category: string): ValueKind {
  if (typname === 'bytea') return 'binary';
  if (typname === 'json' || typname === 'jsonb') return 'json';
  if (['int2', 'int4', 'int8', 'numeric'].includes(typname)) return 'integer';
  if (['float4', 'float8'].includes(typname)) return 'number';
  if (['bool', 'uuid', 'tsvector', 'tsquery', 'oid', 'xid', 'cid', 'tid', 'regclass', 'regtype', 'regproc'].includes(typname)) return 'skip';
  if ('BTVRPZ'.includes(category)) return 'skip';
  return 'text';
}

/** SELECT expression of one column: bounded text, bounded bytes, or only whether it is null. */
export function pgSelectExpr(col: ColumnInfo, alias: string): string {
  const q = quotePg(col.name);
  switch (col.kind) {
    case 'binary':
      return `substring(${q} from 1 for ${BINARY_PREFIX}) AS ${alias}`;
    case 'json':
      return `left(${q}::text, ${MAX_JSON}) AS ${alias}`;
    case 'skip':
      return `CASE WHEN ${q} IS NULL THEN NULL ELSE 1 END AS ${alias}`;
    case 'integer':
    case 'number':
      return `${q}::text AS ${alias}`;
    default:
      return `left(${q}::text, ${MAX_TEXT}) AS ${alias}`;
  }
}

interface PgExtra {
  oid: string;
  relkind: string;
  reltuples: number;
  relpages: number;
  unreadable: string[];
}

export class PostgresConnector implements DbConnector {
  readonly engine = 'postgres' as const;
  private readonly pools = new Map<string, pg.Pool>();
  private readonly redact: Redactor;

  private constructor(
    private readonly url: DbUrl,
    private readonly opts: ConnectOptions,
    private readonly ssl: ReturnType<typeof nodeTls>,
    private databases: string[],
  ) {
    this.redact = createRedactor(url);
  }

  /** Connects (and checks the connection) or throws a one-line ScanError without credentials. */
  static async connect(url: DbUrl, opts: ConnectOptions): Promise<PostgresConnector> {
    const first = url.database ?? 'postgres';
    const c = new PostgresConnector(url, opts, nodeTls(tlsPlan(url.sslmode, opts.sslCa)), [first]);
    try {
      await c.withClient(first, async (client) => {
        if (url.database) await c.readOnly(client, 'SELECT 1');
        else {
          // No database in the URL: every database that accepts connections.
          const r = await c.readOnly(client, `SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY datname`);
          c.databases = r.rows.map((x) => String(x.datname));
        }
      });
    } catch (err) {
      await c.close();
      throw new ScanError(`cannot connect to ${url.display}: ${cleanMessage(err, c.redact)}`);
    }
    return c;
  }

  private pool(database: string): pg.Pool {
    let p = this.pools.get(database);
    if (p) return p;
    const timeout = this.opts.timeoutMs;
    p = new pg.Pool({
      host: this.url.host,
      port: this.url.port ?? 5432,
      database,
      user: this.url.user ?? process.env.PGUSER ?? 'postgres',
      password: this.url.password,
      ssl: this.ssl,
      max: this.opts.concurrency,
      connectionTimeoutMillis: Math.min(timeout, 15000),
      idleTimeoutMillis: 10000,
      application_name: 'pdscan',
      // Belt and braces: the session default is read-only as well as each transaction.
      options: `-c default_transaction_read_only=on -c statement_timeout=${timeout} -c lock_timeout=${Math.min(timeout, 5000)}`,
    });
    // An idle client killed by the server must not crash the process.
    p.on('error', () => undefined);
    this.pools.set(database, p);
    return p;
  }

  /** Runs statements in one read-only transaction with a statement timeout; rolls back at the end. */
  async readOnly<T extends pg.QueryResultRow = pg.QueryResultRow>(
    client: pg.PoolClient,
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<T>> {
    const results = await this.transaction(client, async (run) => run<T>(sql, params));
    return results;
  }

  async transaction<R>(client: pg.PoolClient, fn: (run: <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<T>>) => Promise<R>): Promise<R> {
    const t = this.opts.timeoutMs;
    await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(t))}`);
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(Math.min(t, 5000)))}`);
      const out = await fn(<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => client.query<T>(sql, params));
      await client.query('ROLLBACK');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /** Borrow a connection to `database` (tests use it to prove the session cannot write). */
  async withClient<R>(database: string, fn: (c: pg.PoolClient) => Promise<R>): Promise<R> {
    const client = await this.pool(database).connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  }

  async listTables({ includeViews }: { includeViews: boolean }): Promise<TableInfo[]> {
    const out: TableInfo[] = [];
    for (const db of this.databases) {
      try {
        out.push(...(await this.withClient(db, (c) => this.listIn(c, db, includeViews))));
      } catch (err) {
        if (this.databases.length === 1) throw new ScanError(`cannot list tables of ${this.url.display}: ${cleanMessage(err, this.redact)}`);
        // Other databases may refuse us (CONNECT privilege); the rest are still scanned.
        this.skippedDatabases.push({ database: db, message: this.describe(err) });
      }
    }
    return out;
  }

  readonly skippedDatabases: Array<{ database: string; message: string }> = [];

  private async listIn(client: pg.PoolClient, database: string, includeViews: boolean): Promise<TableInfo[]> {
    const kinds = includeViews ? ['r', 'p', 'v', 'm', 'f'] : ['r', 'p'];
    return this.transaction(client, async (run) => {
      const tables = await run<{
        oid: string;
        schema: string;
        name: string;
        relkind: string;
        reltuples: number;
        relpages: number;
        part_rows: number | null;
      }>(
        `SELECT c.oid::int8::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind,
                c.reltuples::float8 AS reltuples, c.relpages::int8 AS relpages,
                CASE WHEN c.relkind = 'p' THEN (SELECT sum(greatest(p.reltuples, 0))::float8 FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid WHERE i.inhparent = c.oid) END AS part_rows
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = ANY($1::char[]) AND NOT c.relispartition
            AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
          ORDER BY n.nspname, c.relname`,
        [kinds],
      );
      if (!tables.rows.length) return [];
      const cols = await run<{ oid: string; name: string; type: string; typname: string; category: string; attnum: number; readable: boolean }>(
        `SELECT a.attrelid::int8::text AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
                coalesce(bt.typname, t.typname) AS typname, coalesce(bt.typcategory, t.typcategory)::text AS category,
                a.attnum, has_column_privilege(a.attrelid, a.attnum, 'SELECT') AS readable
           FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
           LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
          WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY a.attrelid, a.attnum`,
        [tables.rows.map((t) => t.oid)],
      );
      const byOid = new Map<string, typeof cols.rows>();
      for (const c of cols.rows) byOid.set(c.oid, [...(byOid.get(c.oid) ?? []), c]);
      return tables.rows.map((t) => {
        const list = byOid.get(t.oid) ?? [];
        const columns: ColumnInfo[] = list.map((c, i) => ({ name: c.name, type: c.type, kind: pgKind(c.typname, c.category), ordinal: i + 1 }));
        // Refined with the current size when the table is sampled (pg_relation_size takes a lock).
        const est = t.relkind === 'p' ? (t.part_rows ?? -1) : t.reltuples;
        const extra: PgExtra = { oid: t.oid, relkind: t.relkind, reltuples: t.reltuples, relpages: t.relpages, unreadable: list.filter((c) => !c.readable).map((c) => c.name) };
        return {
          database,
          schema: t.schema,
          name: t.name,
          kind: t.relkind === 'r' || t.relkind === 'p' ? 'table' : 'view',
          estimatedRows: est,
          columns,
          extra: extra as unknown as Record<string, unknown>,
        } satisfies TableInfo;
      });
    });
  }

  async sample(table: TableInfo, opts: SampleOptions): Promise<TableSample> {
    const extra = table.extra as unknown as PgExtra;
    const n = opts.sampleSize;
    const unreadable = new Set(extra.unreadable);
    const columns = table.columns.filter((c) => !unreadable.has(c.name));
    if (!columns.length) {
      throw new Error(unreadable.size ? 'permission denied for every column' : 'no columns');
    }
    const from = `${quotePg(table.schema!)}.${quotePg(table.name)}`;
    const exprs = columns.map((c, i) => pgSelectExpr(c, `c${i}`)).join(', ');
    const seed = seedFor(`${table.database}.${table.schema}.${table.name}`);
    const sampleable = extra.relkind === 'r' || extra.relkind === 'm' || extra.relkind === 'p';

    return this.withClient(table.database, (client) =>
      this.transaction(client, async (run) => {
        // Rows as arrays: no per-row objects to build for ten thousand rows.
        const select = async (sql: string) => (await client.query<unknown[]>({ text: sql, rowMode: 'array' })).rows;
        let method: string;
        let rows: unknown[][];
        if (!sampleable) {
          rows = await select(`SELECT ${exprs} FROM ${from} LIMIT ${n}`);
          method = `first ${n} rows (views cannot be sampled)`;
        } else {
          let est = table.estimatedRows;
          let pages = 0;
          if (extra.relkind !== 'p') {
            const size = await run<{ pages: string }>(`SELECT (pg_relation_size($1::oid) / current_setting('block_size')::int)::text AS pages`, [extra.oid]);
            pages = Number(size.rows[0]?.pages ?? 0);
            est = pgRowEstimate(extra.reltuples, extra.relpages, pages);
          }
          if (est < 0) est = await this.probeRows(run, from, n, pages, seed);
          const plan = pgPlan(est, n);
          if (plan.method === 'all') {
            rows = await select(`SELECT ${exprs} FROM ${from} LIMIT ${n}`);
            method = `all rows (about ${est})`;
          } else {
            await run(`SELECT setseed($1)`, [(seed % 1000) / 1000]);
            // SYSTEM returns whole pages: read at least MIN_PAGES of them so that the rows kept
            // (ORDER BY random() LIMIT n) come from many places in the table, not three pages.
            let percent = plan.method === 'system' && pages > 0 ? Math.max(plan.percent, Math.min(100, Math.round((100 * MIN_PAGES * 10000) / pages) / 10000)) : plan.percent;
            let kind = plan.method.toUpperCase();
            rows = [];
            for (let attempt = 0; attempt < 4; attempt++) {
              const got = await select(
                `SELECT ${exprs} FROM ${from} TABLESAMPLE ${kind} (${percent}) REPEATABLE (${seed % 2147483647}) ORDER BY random() LIMIT ${n}`,
              );
              if (got.length > rows.length) rows = got;
              if (rows.length >= n || percent >= 100) break;
              percent = topUpPercent(percent, rows.length, n);
              // SYSTEM picks whole pages; once it must read a large part of the table, rows are cheaper.
              if (kind === 'SYSTEM' && percent * est / 100 <= n * ROW_SAMPLING_MAX_FACTOR) kind = 'BERNOULLI';
            }
            method = `TABLESAMPLE ${kind} (${percent}%) of about ${est} rows`;
          }
        }
        const values = new Map<string, unknown[]>();
        columns.forEach((c, i) => values.set(c.name, rows.map((r) => r[i] ?? null)));
        const notes = unreadable.size ? [`columns not readable (permission denied): ${[...unreadable].join(', ')}`] : undefined;
        return { rows: rows.length, values, columns, method, ...(notes ? { notes } : {}) };
      }),
    );
  }

  /** Row count of a table never analyzed, without reading more than a bounded part of it. */
  private async probeRows(
    run: <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<T>>,
    from: string,
    n: number,
    pages: number,
    seed: number,
  ): Promise<number> {
    const cap = n * ROW_SAMPLING_MAX_FACTOR;
    const r = await run<{ n: string }>(`SELECT count(*)::text AS n FROM (SELECT 1 FROM ${from} LIMIT ${cap + 1}) s`);
    const count = Number(r.rows[0]?.n ?? 0);
    if (count <= cap || pages <= 0) return count;
    // Bigger than that: count the rows of about 100 random pages and scale up.
    const percent = Math.min(100, Math.max(0.0001, (100 * 100) / pages));
    const s = await run<{ n: string }>(`SELECT count(*)::text AS n FROM ${from} TABLESAMPLE SYSTEM (${percent}) REPEATABLE (${seed % 2147483647})`);
    return Math.max(cap, Math.round((Number(s.rows[0]?.n ?? 0) * 100) / percent));
  }

  /** One line for a failed table: what happened, without credentials. */
  describe(err: unknown): string {
    const code = (err as { code?: string }).code;
    const secs = Math.round(this.opts.timeoutMs / 100) / 10;
    if (code === '57014') return `timed out after ${secs}s (raise --timeout)`;
    if (code === '55P03') return 'the table is locked by another session (lock timeout)';
    if (code === '42501') return `permission denied: ${cleanMessage(err, this.redact)}`;
    return cleanMessage(err, this.redact);
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.end().catch(() => undefined)));
    this.pools.clear();
  }
}
