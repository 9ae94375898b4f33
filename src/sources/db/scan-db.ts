/**
 * `pdscan db`: connect, list tables, sample and judge each table with at most `concurrency`
 * connections, and collect findings, protection evidence and per-table problems into one
 * ScanResult. A table that fails (permission denied, timeout, odd type) becomes a problem and the
 * scan goes on; only a database we cannot reach at all stops the scan (ScanError, exit 3).
 */
import { availableParallelism } from 'node:os';
import type { RuleDef } from '../../rules/types.js';
import { Classifier } from '../../classify/engine.js';
import { evidenceWithReportedCategories, withReportedCategories, type Regime } from '../../model/categories.js';
import { compareFindings, type Finding } from '../../model/finding.js';
import type { Evidence, ScanProblem, ScanResult } from '../../model/result.js';
import { silentProgress, type Progress } from '../../util/progress.js';
import type { TableInfo } from './types.js';
import { DB_DEFAULTS, parseDbUrl } from './url.js';
export { DB_DEFAULTS };
import { connect } from './connect.js';
import { qualifiedName } from './analyze-table.js';
import { tableMatcher } from './table-filter.js';
import { inProcessRunner, workerRunner, workersAvailable, type TableRunner } from './table-runner.js';


export interface DbScanOptions {
  url: string;
  rules: RuleDef[];
  regime: Regime;
  sampleSize?: number;
  /** Statement timeout, milliseconds. */
  timeoutMs?: number;
  concurrency?: number;
  /** Worker threads for classification (default: CPUs; only in the built package). */
  threads?: number;
  only?: string[];
  except?: string[];
  includeViews?: boolean;
  sslCa?: string;
  progress?: Progress;
  env?: NodeJS.ProcessEnv;
}

/** Below this many tables, starting workers (each compiles every rule) costs more than it saves. */
const WORKER_MIN_TABLES = 12;
const PASSWORD_VARS = ['PDSCAN_DB_PASSWORD', 'PGPASSWORD', 'MYSQL_PWD'];

export async function scanDatabase(opts: DbScanOptions): Promise<ScanResult> {
  const env = opts.env ?? process.env;
  const url = parseDbUrl(opts.url, env);
  const sampleSize = opts.sampleSize ?? DB_DEFAULTS.sampleSize;
  const timeoutMs = opts.timeoutMs ?? DB_DEFAULTS.timeoutMs;
  const concurrency = opts.concurrency ?? DB_DEFAULTS.concurrency;
  const progress = opts.progress ?? silentProgress;
  const connector = await connect(url, { timeoutMs, concurrency, sslCa: opts.sslCa });

  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  const problems: ScanProblem[] = [];
  const stats = { tablesFound: 0, tablesScanned: 0, tablesSkipped: 0, columnsScanned: 0, rowsSampled: 0, threads: 1 };
  let runner: TableRunner | undefined;
  try {
    const all = await connector.listTables({ includeViews: opts.includeViews ?? false });
    for (const s of connector.skippedDatabases ?? []) {
      problems.push({ where: s.database, message: `database skipped: ${s.message}` });
    }
    const wanted = tableMatcher(opts.only, opts.except);
    const tables = all.filter(wanted);
    stats.tablesFound = all.length;
    if (tables.length === 0 && all.length > 0 && (opts.only?.length || opts.except?.length)) {
      // "0 findings in 0 tables" would read as a clean database.
      const filters = [opts.only?.length ? `--only ${opts.only.join(',')}` : '', opts.except?.length ? `--except ${opts.except.join(',')}` : ''].filter(Boolean).join(' ');
      problems.push({ where: url.display, message: `no table matches ${filters} (${all.length} table${all.length === 1 ? '' : 's'} found)` });
    }

    const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), concurrency, tables.length));
    const useWorkers = threads > 1 && workersAvailable() && (tables.length >= WORKER_MIN_TABLES || opts.threads !== undefined);
    // Recorded so that --threads is visible in JSON stats: 1 means tables are judged in process.
    stats.threads = useWorkers ? threads : 1;
    if (useWorkers) {
      await connector.close();
      const passwordEnv = Object.fromEntries(PASSWORD_VARS.filter((k) => env[k]).map((k) => [k, env[k]!]));
      runner = workerRunner({ threads, url: opts.url, env: passwordEnv, timeoutMs, concurrency, sslCa: opts.sslCa, rules: opts.rules, regime: opts.regime, sampleSize });
    } else {
      runner = inProcessRunner(url.engine, connector, new Classifier(opts.rules), opts.regime, sampleSize);
    }

    progress.start(tables.length);
    let next = 0;
    const work = async () => {
      while (next < tables.length) {
        const table = tables[next++]!;
        const where = displayName(table);
        progress.current?.(where);
        const outcome = await runner!.run(table);
        if (outcome.ok) {
          findings.push(...outcome.analysis.findings);
          evidence.push(...outcome.analysis.evidence);
          for (const note of outcome.notes) problems.push({ where, message: note });
          stats.tablesScanned++;
          stats.columnsScanned += outcome.analysis.columns;
          stats.rowsSampled += outcome.rows;
        } else {
          stats.tablesSkipped++;
          problems.push({ where, message: `skipped: ${outcome.error}` });
        }
        progress.tick(where);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tables.length)) }, work));
  } finally {
    progress.stop();
    if (runner) await runner.close();
    else await connector.close();
  }
  // Sub-kinds (blood-type, eid-bank-credentials) are reported as their parent category.
  findings.splice(0, findings.length, ...findings.map(withReportedCategories));
  evidence.splice(0, evidence.length, ...evidence.map(evidenceWithReportedCategories));
  findings.sort(compareFindings);
  problems.sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0));
  return { target: { kind: 'database', name: url.display, engine: url.engine }, findings, evidence, problems, stats };
}

function displayName(t: TableInfo): string {
  return t.schema !== undefined ? `${t.database}.${qualifiedName(t)}` : qualifiedName(t);
}
