/**
 * Database URLs: which engine, where, and which credentials, parsed once so that the rest of the
 * code never handles the raw URL again. The display form drops the user name and the password:
 * both end up in SARIF files, CI logs and issue trackers otherwise.
 */
import { ConfigError } from '../../util/errors.js';
import type { DbEngine } from '../../model/result.js';

/** Defaults of `pdscan db` (here, not in scan-db.ts, so that --help does not load the drivers). */
export const DB_DEFAULTS = { sampleSize: 10_000, timeoutMs: 30_000, concurrency: 4 } as const;

export type { DbEngine };

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export interface DbUrl {
  engine: DbEngine;
  /** The scheme as written (postgresql, mariadb, mongodb+srv...). */
  scheme: string;
  host: string;
  port?: number;
  /** Database named in the path, if any (MongoDB: the default auth database). */
  database?: string;
  user?: string;
  password?: string;
  /** Where the password came from, for --explain-style diagnostics (never the value). */
  passwordSource?: 'url' | 'PDSCAN_DB_PASSWORD' | 'PGPASSWORD' | 'MYSQL_PWD';
  sslmode?: SslMode;
  /** Query parameters other than the TLS ones we interpret. */
  params: URLSearchParams;
  /** The URL without credentials, safe to print. */
  display: string;
  /** The original URL: only for drivers that need it (MongoDB); never printed. */
  raw: string;
}

const SCHEMES: Record<string, DbEngine> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
  mongodb: 'mongodb',
  'mongodb+srv': 'mongodb',
};

const SSL_MODES = new Set<SslMode>(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full']);
/** MySQL spells the modes differently (ssl-mode=VERIFY_IDENTITY); map them to libpq's words. */
const MYSQL_SSL_MODES: Record<string, SslMode> = {
  disabled: 'disable',
  preferred: 'prefer',
  required: 'require',
  verify_ca: 'verify-ca',
  verify_identity: 'verify-full',
};

const SQLITE_FILE = /\.(sqlite3?|db)$/i;

/** `sqlite:PATH`, `sqlite://PATH`, or a bare path ending in .sqlite, .sqlite3 or .db: a local file, no credentials. */
export function parseSqliteUrl(input: string): DbUrl | undefined {
  const raw = input.trim();
  const m = /^sqlite:(?:\/\/)?(.+)$/i.exec(raw);
  const file = m ? m[1]! : !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) && SQLITE_FILE.test(raw) ? raw : undefined;
  if (file === undefined) return undefined;
  return { engine: 'sqlite', scheme: 'sqlite', host: '', database: file, params: new URLSearchParams(), display: `sqlite:${file}`, raw };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Parse a database URL. Passwords may also come from the environment so that they stay out of
 * shell history and process listings: PDSCAN_DB_PASSWORD for every engine, then the engine's own
 * variable (PGPASSWORD, MYSQL_PWD). A password in the URL wins.
 */
export function parseDbUrl(input: string, env: NodeJS.ProcessEnv = process.env): DbUrl {
  const sqlite = parseSqliteUrl(input);
  if (sqlite) return sqlite;
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(input.trim());
  if (!m) throw new ConfigError('database URL must start with postgres://, postgresql://, mysql://, mariadb://, mongodb://, mongodb+srv:// or sqlite:');
  const scheme = m[1]!.toLowerCase();
  const engine = SCHEMES[scheme];
  if (!engine) {
    throw new ConfigError(`unsupported database URL scheme "${scheme}://" (use postgres://, postgresql://, mysql://, mariadb://, mongodb:// or mongodb+srv://)`);
  }
  const raw = input.trim();
  // MongoDB allows several hosts (a,b,c); WHATWG URL does not, so split the authority ourselves.
  const rest = raw.slice(m[0].length);
  const slash = rest.search(/[/?]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const tail = slash < 0 ? '' : rest.slice(slash);
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at) : undefined;
  const hostPart = at >= 0 ? authority.slice(at + 1) : authority;
  let user: string | undefined;
  let password: string | undefined;
  if (userinfo !== undefined) {
    const colon = userinfo.indexOf(':');
    user = decode(colon >= 0 ? userinfo.slice(0, colon) : userinfo) || undefined;
    password = colon >= 0 ? decode(userinfo.slice(colon + 1)) : undefined;
  }
  const q = tail.indexOf('?');
  const pathPart = q >= 0 ? tail.slice(0, q) : tail;
  const params = new URLSearchParams(q >= 0 ? tail.slice(q + 1) : '');
  const database = decode(pathPart.replace(/^\//, '')) || undefined;

  let host = hostPart;
  let port: number | undefined;
  if (engine !== 'mongodb') {
    if (!hostPart) throw new ConfigError(`database URL has no host (expected ${scheme}://host[:port]/database)`);
    const pm = /^(\[[^\]]+\]|[^:]+)(?::(\d*))?$/.exec(hostPart);
    if (!pm) throw new ConfigError(`database URL has an invalid host "${hostPart}"`);
    host = pm[1]!.replace(/^\[|\]$/g, '');
    if (pm[2]) {
      port = Number(pm[2]);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`database URL has an invalid port "${pm[2]}"`);
    }
  } else if (!hostPart) {
    throw new ConfigError(`database URL has no host (expected ${scheme}://host[:port]/database)`);
  }

  let passwordSource: DbUrl['passwordSource'];
  if (password !== undefined) passwordSource = 'url';
  else if (env.PDSCAN_DB_PASSWORD) {
    password = env.PDSCAN_DB_PASSWORD;
    passwordSource = 'PDSCAN_DB_PASSWORD';
  } else if (engine === 'postgres' && env.PGPASSWORD) {
    password = env.PGPASSWORD;
    passwordSource = 'PGPASSWORD';
  } else if (engine === 'mysql' && env.MYSQL_PWD) {
    password = env.MYSQL_PWD;
    passwordSource = 'MYSQL_PWD';
  }

  let sslmode: SslMode | undefined;
  for (const key of ['sslmode', 'ssl-mode', 'ssl_mode']) {
    const v = params.get(key);
    if (v === null) continue;
    const norm = v.toLowerCase();
    const mode = SSL_MODES.has(norm as SslMode) ? (norm as SslMode) : MYSQL_SSL_MODES[norm.replace(/-/g, '_')];
    if (!mode) throw new ConfigError(`database URL: unknown ${key} "${v}" (use disable, prefer, require, verify-ca or verify-full)`);
    sslmode = mode;
    if (engine !== 'mongodb') params.delete(key);
  }

  const displayParams = new URLSearchParams();
  for (const [k, v] of params) {
    // Some drivers accept credentials as parameters too; never echo those.
    displayParams.set(k, /pass|secret|token|key/i.test(k) ? '***' : v);
  }
  if (sslmode && engine !== 'mongodb') displayParams.set('sslmode', sslmode);
  const qs = displayParams.toString();
  const display = `${scheme}://${hostPart}${database ? `/${encodeURIComponent(database)}` : ''}${qs ? `?${qs}` : ''}`;
  return { engine, scheme, host, port, database, user, password, passwordSource, sslmode, params, display, raw };
}
