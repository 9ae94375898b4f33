/**
 * The database servers of this run, chosen by test/setup/databases.ts (environment, local server
 * or a throwaway one): URLs for any user, and the host:port that error messages name.
 */
import { inject } from 'vitest';

function withUser(base: string, user?: string, password?: string, database?: string): string {
  const u = new URL(base);
  if (user !== undefined) {
    u.username = encodeURIComponent(user);
    u.password = password === undefined ? '' : encodeURIComponent(password);
  }
  if (database !== undefined) u.pathname = `/${database}`;
  return u.href;
}

const hostPort = (url: string) => new URL(url).host;

export const pgServer = {
  url: (o: { user?: string; password?: string } = {}) => withUser(inject('pgUrl'), o.user, o.password),
  /** "127.0.0.1:5432" as the redacted URLs in messages show it. */
  hostPort: () => hostPort(inject('pgUrl')),
};

export const mysqlServer = {
  url: (database: string, o: { user?: string; password?: string } = {}) => withUser(inject('mysqlUrl'), o.user, o.password, database),
  hostPort: () => hostPort(inject('mysqlUrl')),
  /** Options for mysql2's createConnection. */
  connection: () => {
    const u = new URL(inject('mysqlUrl'));
    return { host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) };
  },
};

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
