import { Command, Option } from 'commander';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { ConfigError } from '../../util/errors.js';
import { DB_DEFAULTS, parseDbUrl } from '../../sources/db/url.js';

interface DbOptions extends CommonOptions {
  sampleSize?: number;
  only?: string[];
  except?: string[];
  timeout?: number;
  concurrency?: number;
  includeViews?: boolean;
  sslCa?: string;
}

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive whole number, got "${v}"`);
  return n;
};

const positiveSeconds = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`--timeout must be a positive number of seconds, got "${v}"`);
  return n;
};

/** Repeatable and comma-separated: --only 'public.*' --only '*customer*,orders'. */
const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

export function registerDb(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const cmd = program
    .command('db')
    .description(
      'sample a PostgreSQL, MySQL/MariaDB, MongoDB or SQLite database read-only and classify its columns\n' +
        '(passwords may come from PDSCAN_DB_PASSWORD, PGPASSWORD or MYSQL_PWD instead of the URL; TLS via ?sslmode=)',
    )
    .argument('<url>', 'postgres://, postgresql://, mysql://, mariadb://, mongodb:// or mongodb+srv:// URL, or sqlite:PATH (a path ending in .sqlite, .sqlite3 or .db also works)')
    .addOption(new Option('--sample-size <n>', `rows sampled per table (default ${DB_DEFAULTS.sampleSize})`).argParser(positiveInt('--sample-size')))
    .addOption(new Option('--only <patterns>', 'scan only tables matching these patterns (e.g. "public.*", "*customer*"; repeatable, comma-separated)').argParser(collect))
    .addOption(new Option('--except <patterns>', 'skip tables matching these patterns (repeatable, comma-separated)').argParser(collect))
    .addOption(new Option('--timeout <seconds>', `statement timeout per query (default ${DB_DEFAULTS.timeoutMs / 1000})`).argParser(positiveSeconds))
    .addOption(new Option('--concurrency <n>', `connections, and tables sampled at once (default ${DB_DEFAULTS.concurrency})`).argParser(positiveInt('--concurrency')))
    .option('--include-views', 'also sample views (they cannot be sampled randomly: their first rows are read)')
    .option('--ssl-ca <file>', 'CA certificate (PEM) to verify the server with; sslmode comes from the URL');
  addCommonOptions(cmd).action((url: string, opts: DbOptions) =>
    run(async () => {
      const cwd = process.cwd();
      parseDbUrl(url); // a bad URL is a usage error before anything is loaded
      const [{ emit, postProcess, setup }, { createProgress }] = await Promise.all([import('../common.js'), import('../progress.js')]);
      const s = setup(opts, cwd);
      const cfg = s.loaded.config.db ?? {};
      // The drivers (pg, mysql2, mongodb) load only when a database scan runs.
      const { scanDatabase } = await import('../../sources/db/scan-db.js');
      const result = await scanDatabase({
        url,
        rules: s.rules,
        regime: s.regime,
        sampleSize: opts.sampleSize ?? cfg.sample_size,
        timeoutMs: (opts.timeout ?? cfg.timeout ?? DB_DEFAULTS.timeoutMs / 1000) * 1000,
        concurrency: opts.concurrency ?? cfg.concurrency,
        threads: opts.threads,
        only: opts.only ?? cfg.only,
        except: opts.except ?? cfg.except,
        includeViews: opts.includeViews ?? cfg.include_views ?? false,
        sslCa: opts.sslCa,
        progress: createProgress(!opts.quiet && process.stderr.isTTY === true, 'tables'),
      });
      if (result.stats.tablesFound && !result.stats.tablesScanned && !result.stats.tablesSkipped) {
        for (const p of result.problems) process.stderr.write(`pdscan: warning: ${p.message}\n`);
      }
      return emit([postProcess(result, opts, s)], opts, s);
    }),
  );
}
