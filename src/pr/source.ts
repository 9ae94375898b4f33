/**
 * The source of a run: which repository (and commit) or which database a scan read. Inventories
 * and SARIF runs record it so that results from many repositories and databases, scanned by
 * separate CI jobs, can be merged without two `src/users/user.entity.ts` running together.
 *
 * Never holds credentials: repository URLs lose their user and password, database names are
 * the redacted URLs the connectors already print.
 */
import path from 'node:path';
import type { ScanSource, ScanTarget } from '../model/result.js';
import { gitTry } from './git.js';

/** Runs git and returns its trimmed output, or undefined when git is missing or the command fails. */
function gitLine(args: string[], cwd: string): string | undefined {
  try {
    const r = gitTry(args, cwd);
    return r.ok ? r.stdout.trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A remote URL without credentials, as an absolute URI, and its short name (host/path without
 * `.git`). Accepts URLs (https, ssh, git, file) and scp-like `user@host:owner/name.git`.
 */
export function normalizeRemote(remote: string): { repository: string; name: string } | undefined {
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(remote);
  let u: URL;
  try {
    u = scp ? new URL(`ssh://${scp[1]}/${scp[2]}`) : new URL(remote);
  } catch {
    // A plain path: a repository on this machine.
    if (!path.isAbsolute(remote)) return undefined;
    u = new URL(`file://${remote}`);
  }
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  const pathname = u.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  const repository = `${u.protocol}//${u.host}${pathname}`;
  const name = u.protocol === 'file:' ? path.posix.basename(pathname) : `${u.host}${pathname}`;
  return name ? { repository, name } : undefined;
}

/** The repository a file scan read: its remote (origin first) and HEAD, or the directory's name. */
export function gitSource(cwd: string, sourceName?: string): ScanSource {
  const root = gitLine(['rev-parse', '--show-toplevel'], cwd);
  const commit = root ? gitLine(['rev-parse', '--verify', '--quiet', 'HEAD'], root) : undefined;
  const remotes = root ? (gitLine(['remote'], root)?.split('\n') ?? []) : [];
  const remoteName = remotes.includes('origin') ? 'origin' : remotes[0];
  const url = root && remoteName ? gitLine(['remote', 'get-url', '--', remoteName], root) : undefined;
  const remote = url ? normalizeRemote(url) : undefined;
  const name = sourceName ?? remote?.name ?? path.basename(root ?? cwd);
  return {
    kind: 'repository',
    name,
    ...(remote ? { repository: remote.repository } : {}),
    ...(commit ? { commit } : {}),
  };
}

/** A database scan's source: engine, host and database from the redacted URL, never credentials. */
export function databaseSource(target: ScanTarget, sourceName?: string): ScanSource {
  return { kind: 'database', name: sourceName ?? target.name, ...(target.engine ? { engine: target.engine } : {}) };
}

export function withSource(target: ScanTarget, cwd: string, sourceName?: string): ScanTarget {
  if (target.source) return target;
  return { ...target, source: target.kind === 'database' ? databaseSource(target, sourceName) : gitSource(cwd, sourceName) };
}
