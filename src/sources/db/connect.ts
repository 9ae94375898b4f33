/** The connector for a URL's engine (connected and checked, or a one-line ScanError). */
import type { ConnectOptions, DbConnector } from './types.js';
import type { DbUrl } from './url.js';
import { PostgresConnector } from './postgres.js';
import { MysqlConnector } from './mysql.js';
import { MongoConnector } from './mongodb.js';
import { SqliteConnector } from './sqlite.js';

export async function connect(url: DbUrl, opts: ConnectOptions): Promise<DbConnector> {
  switch (url.engine) {
    case 'postgres':
      return PostgresConnector.connect(url, opts);
    case 'mysql':
      return MysqlConnector.connect(url, opts);
    case 'mongodb':
      return MongoConnector.connect(url, opts);
    case 'sqlite':
      return SqliteConnector.connect(url, opts);
  }
}
