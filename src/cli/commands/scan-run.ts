/** `pdscan scan`, loaded when it runs (see scan.ts for its options). */
import { emit, postProcess, setup } from '../common.js';
import { scanFiles } from '../../scan/scan-files.js';
import { createProgress } from '../progress.js';
import { parseSize } from '../../config/load.js';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, ScanError } from '../../util/errors.js';
import { escapeControl } from '../../report/text.js';
import { walk } from '../../sources/files/walk.js';
import { containerLimits } from '../../sources/files/containers/limits.js';
import { scanTreeDatabases } from './scan-databases.js';
import { compareWithBase, planPr, refine, writePrReport, type ScanRunner } from '../../pr/pr-scan.js';
import { checkStagedOptions, stagedCopy } from '../../pr/staged.js';
import { reportedCategory } from '../../model/categories.js';
import type { ScanOptions } from './scan.js';
import { DEFAULT_CACHE_DIR } from '../../scan/cache.js';

export async function runScan(paths: string[], opts: ScanOptions): Promise<number> {
  const cwd = process.cwd();
  const s = setup(opts, cwd, paths[0]);
  const codeSettings = { regime: s.regime, recipients: s.loaded.config.recipients, includeTests: opts.includeTests === true };
  const maxFileSize = opts.maxFileSize !== undefined ? parseSize(opts.maxFileSize, '--max-file-size') : parseSize(s.loaded.config.max_file_size ?? '5MB', `${s.loaded.file ? path.relative(cwd, s.loaded.file) || s.loaded.file : 'config'}: max_file_size`);
  const limits = containerLimits(s.loaded.config.containers, opts.containerLimit);
  checkExplicitPaths(paths, cwd, maxFileSize);
  checkWritable([opts.output, opts.sarif, opts.json, ...(opts.inventory ?? [])], cwd);
  // The config file holds rule examples and allowlisted values: never report it.
  const cacheDir = opts.cache ? path.resolve(cwd, typeof opts.cache === 'string' ? opts.cache : DEFAULT_CACHE_DIR) : undefined;
  // Nor the cache, whose files change with every run.
  const ignore = [
    ...(s.loaded.config.ignore ?? []),
    ...(s.loaded.file ? configIgnores(s.loaded.file, paths, cwd) : []),
    ...(cacheDir ? configIgnores(cacheDir, paths, cwd).map((p) => `${p}/`) : []),
  ];
  checkStagedOptions(opts);
  const plan = planPr(opts, cwd, [opts.output, opts.sarif, opts.json, ...(opts.inventory ?? []), typeof opts.summary === 'string' ? opts.summary : undefined]);
  const runner: ScanRunner = {
    scan: async ({ categories, threads, ...o }) => {
      const ruleOptions = categories
        ? { ...s.ruleOptions, disable: [...(s.ruleOptions.disable ?? []), ...s.rules.filter((r) => !categories.has(reportedCategory(r.category))).map((r) => r.id)] }
        : s.ruleOptions;
      const r = await scanFiles({ ...o, threads: opts.threads ?? threads, maxFileSize, ignore, ruleOptions, code: opts.code, codeSettings, containerLimits: limits });
      return postProcess(r, opts, s);
    },
    list: async (p, dir) => (await walk(p, { cwd: dir, maxFileSize, ignore })).files.map((f) => f.rel),
  };
  // --staged reads the index's version of the files from a temporary copy; one thread, since
  // a commit touches few files and starting workers would cost more than it saves.
  const staged = opts.staged ? stagedCopy(plan, cwd, paths) : undefined;
  const scanCwd = staged?.cwd ?? cwd;
  const result = await scanFiles({
    paths,
    cwd: scanCwd,
    threads: opts.threads ?? (staged ? 1 : undefined),
    maxFileSize,
    ignore,
    ruleOptions: s.ruleOptions,
    code: opts.code,
    codeSettings,
    onlyFiles: plan.onlyFiles,
    codeOnlyFiles: plan.context,
    containerLimits: limits,
    ...(cacheDir && !staged ? { cacheDir } : {}),
    includeDatabases: opts.includeDatabases ?? s.loaded.config.include_databases ?? false,
    progress: createProgress(!opts.quiet && process.stderr.isTTY === true),
  });
  const databases = await scanTreeDatabases(result, opts.includeDatabases ?? s.loaded.config.include_databases ?? false, s, scanCwd, opts.threads);
  // Inline suppressions are read from the same copy the findings come from.
  const outcome = refine(postProcess(result, opts, s), plan, { cwd: scanCwd, paths, regime: s.regime });
  staged?.dispose();
  // Before emit: the base comparison must not read this run's own output files.
  const children = s.loaded.config.inventory?.children;
  const comparison = await compareWithBase(outcome, plan, runner, { regime: s.regime, children: typeof children === 'boolean' ? children : null, cwd, paths, pr: opts });
  const code = await emit([outcome.result, ...databases.map((d) => postProcess(d, opts, s))], opts, s);
  writePrReport(outcome, plan, comparison, { ctx: s.ctx, failOn: s.failOn, exitCode: code, cwd, sarifPath: opts.sarif, pr: opts });
  return code;
}

/**
 * A path named on the command line that cannot be scanned is an error, before any work: a
 * missing path, a device or FIFO, a file over --max-file-size. Reported as typed, not rebased.
 */
export function checkExplicitPaths(paths: readonly string[], cwd: string, maxFileSize: number): void {
  for (const p of paths) {
    const shown = escapeControl(p);
    let st;
    try {
      st = statSync(path.resolve(cwd, p));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ScanError(`${shown}: ${code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? 'error'})`}`);
    }
    if (st.isDirectory()) continue;
    if (!st.isFile()) throw new ScanError(`${shown}: not a regular file or directory (device, FIFO or socket); nothing to scan`);
    if (st.size > maxFileSize) throw new ScanError(`${shown}: ${st.size} bytes, over --max-file-size (${maxFileSize} bytes); raise --max-file-size to scan it`);
    try {
      accessSync(path.resolve(cwd, p), constants.R_OK);
    } catch {
      throw new ScanError(`${shown}: permission denied`);
    }
  }
}

/** Outputs are checked before the scan: a bad name found after minutes of work loses them. */
export function checkWritable(files: ReadonlyArray<string | undefined>, cwd: string): void {
  for (const file of files) {
    if (!file) continue;
    let dir = path.dirname(path.resolve(cwd, file));
    while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a directory');
      accessSync(dir, constants.W_OK);
    } catch {
      throw new ConfigError(`${escapeControl(file)}: cannot write here (${dir} is not a writable directory)`);
    }
    const target = path.resolve(cwd, file);
    if (existsSync(target) && statSync(target).isDirectory()) throw new ConfigError(`${escapeControl(file)}: is a directory, not a file to write`);
  }
}

/** Ignore patterns for the config file (or the cache directory), anchored at each scan root that holds it (ignore globs are relative to the root). */
function configIgnores(file: string, paths: readonly string[], cwd: string): string[] {
  const inside = paths
    .map((p) => path.relative(path.resolve(cwd, p), file))
    .filter((rel) => rel && !rel.startsWith('..') && !path.isAbsolute(rel))
    .map((rel) => `/${rel.split(path.sep).join('/')}`);
  return [...new Set(inside)];
}
