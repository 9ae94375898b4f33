/**
 * Pieces shared by the throwaway database servers the test suite starts when no server is
 * configured or listening: free ports, temporary data directories owned by the account the
 * server runs as, and waiting for a port to answer.
 */
import { spawnSync, type SpawnOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DbServer {
  url: string;
  /** One line for the suite's header: what is used and where it came from. */
  describe: string;
  stop(): Promise<void>;
}

/** The server cannot be had; the message is the one line the suite stops with. */
export class NoServerError extends Error {}

/** A server URL from the parts a client's environment variables give (PGHOST…, MYSQL_HOST…). */
export function urlFromParts(scheme: string, p: { host: string; port?: string; user: string; password?: string; database?: string }): string {
  const u = new URL(`${scheme}://localhost`);
  u.hostname = p.host;
  if (p.port) u.port = p.port;
  u.username = encodeURIComponent(p.user);
  if (p.password) u.password = encodeURIComponent(p.password);
  if (p.database) u.pathname = `/${p.database}`;
  return u.href;
}

/** The URL without its password, for the one line the suite prints. */
export function redact(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.href;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on host:port within the timeout. */
export function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, logFile?: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  const tail = logFile && existsSync(logFile) ? ` (log: ${readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' | ')})` : '';
  throw new NoServerError(`${what} did not start within ${timeoutMs / 1000} s${tail}`);
}

/** A system account to run a server as, since PostgreSQL refuses to run as root. */
export interface Account {
  name: string;
  uid: number;
  gid: number;
}

export function systemAccount(name: string): Account | undefined {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return undefined;
  return { name, uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** A temporary directory the account can write (owned by it when we are root). */
export function tempDataDir(prefix: string, owner?: Account): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a set-up command to completion; its output only matters when it fails. */
export function runOrThrow(cmd: string, args: string[], opts: SpawnOptions & { what: string }): void {
  const r = spawnSync(cmd, args, { ...opts, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) {
    const why = `${r.error?.message ?? ''} ${r.stderr ?? ''} ${r.stdout ?? ''}`.trim().split('\n').slice(-2).join(' | ');
    throw new NoServerError(`${opts.what} failed: ${why}`);
  }
}

/** The first directory of `dirs` holding every one of `names` as a file. */
export function findBinDir(dirs: string[], names: string[]): string | undefined {
  return dirs.find((d) => names.every((n) => existsSync(path.join(d, n))));
}

/** Directories of PATH, then the distribution's versioned directories (newest first). */
export function searchDirs(extra: string[]): string[] {
  return [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...extra];
}
