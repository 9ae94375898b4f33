/**
 * MySQL / MariaDB connector (mysql2). Safety: the session is `TRANSACTION READ ONLY`, every sample
 * runs inside `START TRANSACTION READ ONLY` (rolled back), with a server-side statement limit
 * (MySQL `MAX_EXECUTION_TIME`, MariaDB `max_statement_time`) plus a client-side timeout; identifiers
 * are quoted with backticks. Sampling without a full scan: short index ranges starting at random
 * points of the primary key (or another index) in one UNION ALL query; tables without any index
 * are sampled with RAND() only while small, otherwise their first rows are read (and said so).
 */
import mysql from 'mysql2/promise';
import { ScanError } from '../../util/errors.js';
import type { ColumnInfo, ConnectOptions, DbConnector, SampleOptions, TableInfo, TableSample, ValueKind } from './types.js';
import type { DbUrl } from './url.js';
import { cleanMessage, createRedactor, type Redactor } from './redact.js';
import { mysqlTls, tlsPlan } from './tls.js';
import { ROW_SAMPLING_MAX_FACTOR, randomIntStarts, randomStringStarts, seedFor, seededRandom } from './sampling-plan.js';
import { BINARY_PREFIX } from './images.js';
import { MAX_TEXT } from './values.js';

const SYSTEM_SCHEMAS = ['mysql', 'information_schema', 'performance_schema', 'sys'];
const MAX_JSON = 65536;
/** Index ranges per sample: enough spread, one round trip. */
const RANGES = 20;

export function quoteMy(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function myKind(dataType: string, columnType: string): ValueKind {
  const t = dataType.toLowerCase();
  if (t === 'tinyint' && /^tinyint\(1\)/i.test(columnType)) return 'skip'; // BOOLEAN
  if (['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'decimal', 'numeric'].includes(t)) return 'integer';
  if (['float', 'double', 'real'].includes(t)) return 'number';
  if (t === 'json') return 'json';
  if (['binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob'].includes(t)) return 'binary';
  if (['bit', 'boolean', 'bool', 'uuid', 'geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'geometrycollection', 'year'].includes(t)) return 'skip';
  return 'text';
}

export function mySelectExpr(col: ColumnInfo, alias: string): string {
  const q = quoteMy(col.name);
  switch (col.kind) {
    case 'binary':
      return `SUBSTRING(${q}, 1, ${BINARY_PREFIX}) AS ${alias}`;
    case 'json':
      return `LEFT(${q}, ${MAX_JSON}) AS ${alias}`;
    case 'skip':
      return `CASE WHEN ${q} IS NULL THEN NULL ELSE 1 END AS ${alias}`;
    case 'integer':
    case 'number':
      return `${q} AS ${alias}`;
    default:
      return `LEFT(${q}, ${MAX_TEXT}) AS ${alias}`;
  }
}

interface MyExtra {
  /** Columns of the index used for ranges, in order (empty: no index). */
  key: string[];
  keyType: 'int' | 'string' | 'other';
  unique: boolean;
}

type Row = Record<string, unknown>;

export class MysqlConnector implements DbConnector {
  readonly engine = 'mysql' as const;
  private readonly redact: Redactor;
  private mariadb = false;

  private constructor(
    private readonly url: DbUrl,
    private readonly opts: ConnectOptions,
    private readonly pool: mysql.Pool,
  ) {
    this.redact = createRedactor(url);
  }

  static async connect(url: DbUrl, opts: ConnectOptions): Promise<MysqlConnector> {
    const ssl = mysqlTls(tlsPlan(url.sslmode, opts.sslCa));
    const pool = mysql.createPool({
      host: url.host,
      port: url.port ?? 3306,
      user: url.user ?? 'root',
      password: url.password,
      database: url.database,
      ...(ssl ? { ssl } : {}),
      connectionLimit: opts.concurrency,
      connectTimeout: Math.min(opts.timeoutMs, 15000),
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
      charset: 'utf8mb4',
      multipleStatements: false,
    });
    const c = new MysqlConnector(url, opts, pool);
    // Every new connection starts read-only; transaction() also sets the statement limit.
    pool.on('connection', (conn) => {
      const raw = conn as unknown as { query(sql: string, cb?: (err: unknown) => void): void };
      raw.query('SET SESSION TRANSACTION READ ONLY', () => undefined);
    });
    try {
      const [rows] = await pool.query<mysql.RowDataPacket[]>({ sql: 'SELECT VERSION() AS v', timeout: opts.timeoutMs + 2000 });
      c.mariadb = /mariadb/i.test(String(rows[0]?.v ?? ''));
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new ScanError(`cannot connect to ${url.display}: ${cleanMessage(err, c.redact)}`);
    }
    return c;
  }

  private timeoutStatement(): string {
    const ms = Math.max(1, Math.round(this.opts.timeoutMs));
    // MariaDB: seconds; MySQL: milliseconds (applies to SELECT, the only statement we run).
    return this.mariadb ? `SET SESSION max_statement_time = ${ms / 1000}` : `SET SESSION max_execution_time = ${ms}`;
  }

  /** Run `fn` on one connection inside START TRANSACTION READ ONLY; always rolled back. */
  async transaction<R>(fn: (q: <T = Row>(sql: string, params?: unknown[]) => Promise<T[]>) => Promise<R>): Promise<R> {
    const conn = await this.pool.getConnection();
    try {
      await conn.query(this.timeoutStatement());
      await conn.query('SET SESSION TRANSACTION READ ONLY');
      await conn.query('START TRANSACTION READ ONLY');
      try {
        const q = async <T = Row>(sql: string, params: unknown[] = []) => {
          const [rows] = await conn.query({ sql, values: params, timeout: this.opts.timeoutMs + 2000 });
          return rows as T[];
        };
        return await fn(q);
      } finally {
        await conn.query('ROLLBACK').catch(() => undefined);
      }
    } finally {
      conn.release();
    }
  }

  async listTables({ includeViews }: { includeViews: boolean }): Promise<TableInfo[]> {
    try {
      return await this.transaction(async (q) => {
        const types = includeViews ? ['BASE TABLE', 'SYSTEM VERSIONED', 'VIEW'] : ['BASE TABLE', 'SYSTEM VERSIONED'];
        const where = `TABLE_SCHEMA NOT IN (${SYSTEM_SCHEMAS.map(() => '?').join(', ')})${this.url.database ? ' AND TABLE_SCHEMA = ?' : ''}`;
        const params = [...SYSTEM_SCHEMAS, ...(this.url.database ? [this.url.database] : [])];
        const tables = await q<{ s: string; t: string; type: string; rows_: string | null }>(
          `SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t, TABLE_TYPE AS type, TABLE_ROWS AS rows_
             FROM information_schema.TABLES WHERE ${where} AND TABLE_TYPE IN (${types.map(() => '?').join(', ')})
            ORDER BY TABLE_SCHEMA, TABLE_NAME`,
          [...params, ...types],
        );
        const cols = await q<{ s: string; t: string; c: string; dt: string; ct: string; pos: number }>(
          `SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t, COLUMN_NAME AS c, DATA_TYPE AS dt, COLUMN_TYPE AS ct, ORDINAL_POSITION AS pos
             FROM information_schema.COLUMNS WHERE ${where} ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`,
          params,
        );
        const idx = await q<{ s: string; t: string; i: string; seq: number; c: string; nonUnique: number | string }>(
          `SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t, INDEX_NAME AS i, SEQ_IN_INDEX AS seq, COLUMN_NAME AS c, NON_UNIQUE AS nonUnique
             FROM information_schema.STATISTICS WHERE ${where} ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
          params,
        );
        const key = (s: string, t: string) => `${s}\u0000${t}`;
        const colsBy = new Map<string, typeof cols>();
        for (const c of cols) colsBy.set(key(c.s, c.t), [...(colsBy.get(key(c.s, c.t)) ?? []), c]);
        const idxBy = new Map<string, Map<string, { cols: string[]; unique: boolean }>>();
        for (const r of idx) {
          const m = idxBy.get(key(r.s, r.t)) ?? new Map<string, { cols: string[]; unique: boolean }>();
          const e = m.get(r.i) ?? { cols: [], unique: Number(r.nonUnique) === 0 };
          if (r.c) e.cols.push(r.c);
          m.set(r.i, e);
          idxBy.set(key(r.s, r.t), m);
        }
        return tables.map((t) => {
          const list = colsBy.get(key(t.s, t.t)) ?? [];
          const columns: ColumnInfo[] = list.map((c) => ({ name: c.c, type: c.ct, kind: myKind(c.dt, c.ct), ordinal: Number(c.pos) }));
          const indexes = idxBy.get(key(t.s, t.t));
          const chosen = indexes?.get('PRIMARY') ?? [...(indexes?.values() ?? [])].sort((a, b) => Number(b.unique) - Number(a.unique))[0];
          const keyCol = chosen?.cols[0];
          const keyInfo = keyCol ? list.find((c) => c.c === keyCol) : undefined;
          const keyType: MyExtra['keyType'] = !keyInfo
            ? 'other'
            : ['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint'].includes(keyInfo.dt.toLowerCase())
              ? 'int'
              : ['char', 'varchar', 'binary', 'varbinary', 'date', 'datetime', 'timestamp'].includes(keyInfo.dt.toLowerCase())
                ? 'string'
                : 'other';
          const extra: MyExtra = { key: chosen?.cols ?? [], keyType, unique: chosen?.unique ?? false };
          return {
            database: t.s,
            name: t.t,
            kind: t.type === 'VIEW' ? 'view' : 'table',
            estimatedRows: t.rows_ === null ? -1 : Number(t.rows_),
            columns,
            extra: extra as unknown as Record<string, unknown>,
          } satisfies TableInfo;
        });
      });
    } catch (err) {
      throw new ScanError(`cannot list tables of ${this.url.display}: ${cleanMessage(err, this.redact)}`);
    }
  }

  async sample(table: TableInfo, opts: SampleOptions): Promise<TableSample> {
    const extra = table.extra as unknown as MyExtra;
    const n = opts.sampleSize;
    const from = `${quoteMy(table.database)}.${quoteMy(table.name)}`;
    const columns = table.columns;
    if (!columns.length) throw new Error('no columns visible (a broken view, or no privilege on any column)');
    const exprs = columns.map((c, i) => mySelectExpr(c, `c${i}`)).join(', ');
    const seed = seedFor(`${table.database}.${table.name}`);
    const random = seededRandom(seed);
    return this.transaction(async (q) => {
      let rows: Row[];
      let method: string;
      const notes: string[] = [];
      // The estimate can be stale: reading one row more than the sample tells whether it all fits.
      const head = table.estimatedRows >= 0 && table.estimatedRows <= n ? await q(`SELECT ${exprs} FROM ${from} LIMIT ${n + 1}`) : undefined;
      if (head && head.length <= n) {
        rows = head;
        method = `all rows (${head.length})`;
      } else if (extra.key.length && extra.keyType !== 'other' && table.kind === 'table') {
        ({ rows, method } = await this.sampleRanges(q, from, exprs, extra, n, random));
      } else if (table.kind === 'table' && Math.max(table.estimatedRows, n + 1) <= n * ROW_SAMPLING_MAX_FACTOR) {
        const p = Math.min(1, (n / Math.max(1, table.estimatedRows)) * 1.5);
        rows = await q(`SELECT ${exprs} FROM ${from} WHERE RAND(${seed % 1000000}) < ${p} LIMIT ${n}`);
        if (rows.length < Math.min(n, table.estimatedRows) * 0.5) rows = await q(`SELECT ${exprs} FROM ${from} LIMIT ${n}`);
        method = `RAND() < ${Math.round(p * 10000) / 100}% (no usable index; table small enough to scan)`;
      } else {
        rows = await q(`SELECT ${exprs} FROM ${from} LIMIT ${n}`);
        method = table.kind === 'view' ? `first ${n} rows (views cannot be sampled)` : `first ${n} rows`;
        if (table.kind === 'table') notes.push(`no index to sample from: read the first ${n} rows only`);
      }
      const values = new Map<string, unknown[]>();
      columns.forEach((c, i) => values.set(c.name, rows.map((r) => r[`c${i}`] ?? null)));
      return { rows: rows.length, values, columns, method, ...(notes.length ? { notes } : {}) };
    });
  }

  private async sampleRanges(
    q: <T = Row>(sql: string, params?: unknown[]) => Promise<T[]>,
    from: string,
    exprs: string,
    extra: MyExtra,
    n: number,
    random: () => number,
  ): Promise<{ rows: Row[]; method: string }> {
    const k = quoteMy(extra.key[0]!);
    const [bounds] = await q<{ lo: unknown; hi: unknown }>(`SELECT MIN(${k}) AS lo, MAX(${k}) AS hi FROM ${from}`);
    if (!bounds || bounds.lo === null || bounds.lo === undefined) return { rows: [], method: 'empty' };
    const keyExprs = extra.key.map((c, i) => `${quoteMy(c)} AS k${i}`).join(', ');
    const seen = new Set<string>();
    const rows: Row[] = [];
    const per = Math.ceil(n / RANGES);
    for (let round = 0; round < 3 && rows.length < n; round++) {
      const want = n - rows.length;
      const count = Math.max(1, Math.ceil(want / per));
      const starts =
        extra.keyType === 'int'
          ? randomIntStarts(Number(bounds.lo), Number(bounds.hi), count, random)
          : randomStringStarts(String(bounds.lo), String(bounds.hi), count, random);
      const parts = starts.map(() => `(SELECT ${keyExprs}, ${exprs} FROM ${from} WHERE ${k} >= ? ORDER BY ${k} LIMIT ${per})`);
      const got = await q(parts.join(' UNION ALL '), starts);
      let added = 0;
      for (const r of got) {
        const id = extra.key.map((_, i) => String(r[`k${i}`])).join('\u0000');
        if (extra.unique && seen.has(id)) continue;
        seen.add(id);
        rows.push(r);
        added++;
        if (rows.length >= n) break;
      }
      if (added === 0) break;
    }
    return { rows, method: `${Math.min(RANGES, Math.ceil(n / per))} random ranges of index ${extra.key.join(', ')}` };
  }

  describe(err: unknown): string {
    const e = err as { code?: string; errno?: number };
    const secs = Math.round(this.opts.timeoutMs / 100) / 10;
    if (e.errno === 3024 || e.errno === 1969 || e.code === 'PROTOCOL_SEQUENCE_TIMEOUT') return `timed out after ${secs}s (raise --timeout)`;
    if (e.errno === 1142 || e.errno === 1143) return `permission denied: ${cleanMessage(err, this.redact)}`;
    return cleanMessage(err, this.redact);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
