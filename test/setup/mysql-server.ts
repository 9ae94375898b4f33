/**
 * The MariaDB/MySQL server the database tests use, in this order:
 *   1. PDSCAN_TEST_MYSQL_URL, or the client variables when MYSQL_HOST is set (MYSQL_TCP_PORT, MYSQL_PWD);
 *   2. a server on 127.0.0.1 at the standard port (PDSCAN_TEST_MYSQL_PORT overrides 3306) when it answers;
 *   3. a throwaway MariaDB: an installed mariadb-install-db and mariadbd, a fresh data directory
 *      in a temporary directory on a free port, stopped and removed at the end.
 * The tests connect as a user that may create databases and users (root without a password locally).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { findBinDir, freePort, isRoot, NoServerError, portAnswers, redact, runOrThrow, searchDirs, systemAccount, tempDataDir, urlFromParts, waitFor, type DbServer } from './throwaway.js';

const INSTALL_HINT =
  'no MariaDB/MySQL for the database tests: install MariaDB (mariadb-install-db and mariadbd, e.g. `apt install mariadb-server`), or set PDSCAN_TEST_MYSQL_URL';

function urlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PDSCAN_TEST_MYSQL_URL) return env.PDSCAN_TEST_MYSQL_URL;
  if (!env.MYSQL_HOST) return undefined;
  return urlFromParts('mysql', { host: env.MYSQL_HOST, port: env.MYSQL_TCP_PORT, user: env.MYSQL_USER ?? 'root', password: env.MYSQL_PWD });
}

async function answers(url: string): Promise<boolean> {
  const u = new URL(url);
  try {
    const c = await mysql.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username || 'root'),
      password: decodeURIComponent(u.password),
      connectTimeout: 3000,
    });
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function startThrowaway(): Promise<DbServer> {
  const installDir = findBinDir(searchDirs(['/usr/bin', '/usr/local/bin']), ['mariadb-install-db']);
  const serverDir = findBinDir(searchDirs(['/usr/sbin', '/usr/local/sbin', '/usr/bin']), ['mariadbd']);
  if (!installDir || !serverDir) throw new NoServerError(INSTALL_HINT);
  // mariadbd refuses to run as root unless told which account to use: the `mysql` account
  // when there is one, else root itself (--user=root is accepted explicitly).
  const owner = isRoot() ? systemAccount('mysql') : undefined;
  const user = isRoot() ? (owner?.name ?? 'root') : undefined;
  const data = tempDataDir('pdscan-test-mysql-', owner);
  const datadir = path.join(data.dir, 'data');
  const port = await freePort();
  const socket = path.join(data.dir, 'mysqld.sock');
  const log = path.join(data.dir, 'server.log');
  let child: ChildProcess | undefined;
  try {
    runOrThrow(
      path.join(installDir, 'mariadb-install-db'),
      ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve', ...(user ? [`--user=${user}`] : [])],
      { what: 'mariadb-install-db' },
    );
    child = spawn(
      path.join(serverDir, 'mariadbd'),
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${socket}`,
        `--pid-file=${path.join(data.dir, 'mysqld.pid')}`,
        `--log-error=${log}`,
        '--skip-name-resolve',
        '--innodb-flush-log-at-trx-commit=0',
        ...(user ? [`--user=${user}`] : []),
      ],
      { stdio: 'ignore' },
    );
    const url = `mysql://root@127.0.0.1:${port}`;
    const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
    let gone = false;
    void exited.then(() => (gone = true));
    await waitFor('mariadbd', async () => {
      if (gone) throw new NoServerError(`mariadbd exited at start-up (see ${log})`);
      return (await portAnswers('127.0.0.1', port, 500)) && (await answers(url));
    }, 60_000, log);
    const running = child;
    return {
      url,
      describe: `MariaDB: started a throwaway server on 127.0.0.1:${port} (${serverDir}/mariadbd, data in ${data.dir}${user ? `, --user=${user}` : ''})`,
      stop: async () => {
        running.kill('SIGTERM');
        // unref: a server that never exits must not keep the test run alive either.
        await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000).unref())]);
        data.remove();
      },
    };
  } catch (err) {
    child?.kill('SIGKILL');
    data.remove();
    throw err;
  }
}

export async function mysqlForTests(env: NodeJS.ProcessEnv = process.env): Promise<DbServer> {
  const configured = urlFromEnv(env);
  if (configured) {
    if (!(await answers(configured))) throw new NoServerError(`MySQL at ${redact(configured)} (from PDSCAN_TEST_MYSQL_URL / MYSQL_HOST) does not answer`);
    return { url: configured, describe: `MariaDB/MySQL: ${redact(configured)} from the environment`, stop: async () => undefined };
  }
  const port = Number(env.PDSCAN_TEST_MYSQL_PORT ?? 3306);
  const local = `mysql://root@127.0.0.1:${port}`;
  if ((await portAnswers('127.0.0.1', port)) && (await answers(local))) {
    return { url: local, describe: `MariaDB/MySQL: the local server on 127.0.0.1:${port}`, stop: async () => undefined };
  }
  return startThrowaway();
}
