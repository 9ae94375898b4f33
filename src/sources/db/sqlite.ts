/**
 * SQLite connector (better-sqlite3): a database file opened read-only (`readonly`, `fileMustExist`,
 * `PRAGMA query_only`), so that scanning can never create, change or lock-upgrade it. Sampling is
 * deterministic: rows in a fixed pseudo-random order of their rowid, capped at the sample size, so
 * two runs on the same file report the same thing; tables without rowid give their first rows.
 */
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { ScanError } from '../../util/errors.js';
import type { ColumnInfo, DbConnector, SampleOptions, TableInfo, TableSample, ValueKind } from './types.js';
import type { DbUrl } from './url.js';
import { BINARY_PREFIX } from './images.js';
import { MAX_TEXT } from './values.js';

const MAX_JSON = 65536;

export function quoteSqlite(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Kind from the declared type, by SQLite's own affinity rules (§3.1 of its datatype page). */
export function sqliteKind(declared: string): ValueKind {
  const t = declared.toUpperCase();
  if (/BOOL/.test(t)) return 'skip';
  if (/JSON/.test(t)) return 'json';
  if (/INT/.test(t)) return 'integer';
  if (/CHAR|CLOB|TEXT|DATE|TIME/.test(t)) return 'text';
  if (/BLOB|BINARY/.test(t)) return 'binary';
  if (/REAL|FLOA|DOUB/.test(t)) return 'number';
  if (/NUM|DEC/.test(t)) return 'integer';
  return 'text'; // no declared type: anything goes, read as text
}

function selectExpr(col: ColumnInfo, alias: string): string {
  const q = quoteSqlite(col.name);
  switch (col.kind) {
    case 'binary':
      return `substr(${q}, 1, ${BINARY_PREFIX}) AS ${alias}`;
    case 'json':
      return `substr(CAST(${q} AS TEXT), 1, ${MAX_JSON}) AS ${alias}`;
    case 'skip':
      return `CASE WHEN ${q} IS NULL THEN NULL ELSE 1 END AS ${alias}`;
    case 'integer':
    case 'number':
      return `CAST(${q} AS TEXT) AS ${alias}`;
    default:
      // A BLOB in an untyped column stays bytes: only its first bytes, for image magic numbers.
      return `CASE WHEN typeof(${q}) = 'blob' THEN substr(${q}, 1, ${BINARY_PREFIX}) ELSE substr(CAST(${q} AS TEXT), 1, ${MAX_TEXT}) END AS ${alias}`;
  }
}

export class SqliteConnector implements DbConnector {
  readonly engine = 'sqlite' as const;

  private constructor(private readonly db: BetterSqlite3.Database, private readonly name: string) {}

  static async connect(url: DbUrl, opts: { timeoutMs: number }): Promise<SqliteConnector> {
    const file = url.database!;
    let db: BetterSqlite3.Database;
    try {
      const { default: Database } = await import('better-sqlite3');
      db = new Database(file, { readonly: true, fileMustExist: true, timeout: opts.timeoutMs });
      db.pragma('query_only = ON');
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (err) {
      throw new ScanError(`cannot open ${url.display}: ${(err as Error).message.split('\n')[0]}`);
    }
    return new SqliteConnector(db, path.basename(file));
  }

  async listTables({ includeViews }: { includeViews: boolean }): Promise<TableInfo[]> {
    const types = includeViews ? ['table', 'view'] : ['table'];
    const rows = this.db
      .prepare(`SELECT name, type FROM sqlite_schema WHERE type IN (${types.map(() => '?').join(', ')}) AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
      .all(...types) as Array<{ name: string; type: string }>;
    return rows.map((r) => {
      const cols = this.db.prepare(`SELECT name, type, hidden FROM pragma_table_xinfo(?) ORDER BY cid`).all(r.name) as Array<{ name: string; type: string; hidden: number }>;
      const withoutRowid = r.type === 'table' && /\bWITHOUT\s+ROWID\b/i.test(String((this.db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(r.name) as { sql?: string } | undefined)?.sql ?? ''));
      const count = this.db.prepare(`SELECT count(*) AS n FROM ${quoteSqlite(r.name)}`).get() as { n: number };
      return {
        database: this.name,
        name: r.name,
        kind: r.type === 'view' ? 'view' : 'table',
        estimatedRows: count.n,
        columns: cols.filter((c) => c.hidden === 0).map((c, i) => ({ name: c.name, type: c.type || 'ANY', kind: sqliteKind(c.type), ordinal: i + 1 })),
        extra: { rowid: r.type === 'table' && !withoutRowid },
      } satisfies TableInfo;
    });
  }

  async sample(table: TableInfo, opts: SampleOptions): Promise<TableSample> {
    const columns = table.columns;
    if (!columns.length) throw new Error('no columns');
    const exprs = columns.map((c, i) => selectExpr(c, `c${i}`)).join(', ');
    const from = quoteSqlite(table.name);
    const all = table.estimatedRows <= opts.sampleSize;
    const rowid = (table.extra as { rowid?: boolean } | undefined)?.rowid === true;
    let sql = `SELECT ${exprs} FROM ${from}`;
    let method = 'all rows';
    if (!all && rowid) {
      // A multiplicative hash of the rowid: spread over the table, and the same rows every run.
      sql += ` ORDER BY (rowid * 2654435761) % 4294967296 LIMIT ${opts.sampleSize}`;
      method = `${opts.sampleSize} rows in a fixed pseudo-random order of rowid`;
    } else if (!all) {
      sql += ` LIMIT ${opts.sampleSize}`;
      method = `first ${opts.sampleSize} rows (a table or view without rowid)`;
    }
    const rows = this.db.prepare(sql).all() as Array<Record<string, unknown>>;
    const values = new Map<string, unknown[]>(columns.map((c, i) => [c.name, rows.map((r) => r[`c${i}`] ?? null)]));
    return { rows: rows.length, values, columns, method, ...(!all && !rowid ? { notes: ['sampled from the first rows only (no rowid)'] } : {}) };
  }

  describe(err: unknown): string {
    return (err as Error).message.split('\n')[0] ?? 'error';
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
