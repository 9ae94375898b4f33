/**
 * `pdscan baseline create|prune`: record today's findings so later scans (`scan --baseline`)
 * report only new ones, and drop entries that no longer match anything.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { CommonOptions } from '../options.js';
import {
  applyBaseline,
  createBaseline,
  DEFAULT_BASELINE_FILE,
  loadBaseline,
  pruneBaseline,
  serializeBaseline,
  underScannedPaths,
} from '../../pr/baseline.js';
import { TOOL_VERSION } from '../version.js';
import { ConfigError } from '../../util/errors.js';
import type { ScanResult } from '../../model/result.js';

interface BaselineOptions extends CommonOptions {
  output?: string;
  baseline?: string;
  maxFileSize?: string;
  code?: boolean;
}

function addScanOptions(cmd: Command): Command {
  return cmd
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .option('-c, --config <file>', 'configuration file (default: .pdscan.yml if present)')
    .addOption(new Option('--law <regime>', 'legal regime').choices(['pdpl-2025', 'decree-13']))
    .addOption(new Option('--min-confidence <level>', 'leave out findings below this confidence').choices(['low', 'medium', 'high']))
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 5MB)')
    .option('--no-code', 'skip code understanding (declarations, flows)')
    .option('--threads <n>', 'worker threads (default: number of CPUs)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new ConfigError(`--threads must be a positive whole number, got "${v}"`);
      return n;
    })
    .option('-q, --quiet', 'no progress display')
    .option('--debug', 'print stack traces on errors');
}

async function scanForBaseline(paths: string[], opts: BaselineOptions): Promise<{ result: ScanResult; cwd: string }> {
  const cwd = process.cwd();
  // Loaded when a baseline is made: `pdscan --help` and the other commands never pay for the scanner.
  const [{ postProcess, setup }, { scanFiles }, { createProgress }, { parseSize }, { applySuppressions, suppressionReader }] = await Promise.all([
    import('../common.js'),
    import('../../scan/scan-files.js'),
    import('../progress.js'),
    import('../../config/load.js'),
    import('../../pr/suppressions.js'),
  ]);
  const s = setup(opts, cwd);
  const maxFileSize = parseSize(opts.maxFileSize ?? s.loaded.config.max_file_size ?? '5MB', '--max-file-size');
  const raw = await scanFiles({
    paths,
    cwd,
    threads: opts.threads,
    maxFileSize,
    // Like `scan`: the config file holds rule examples and allowlisted values, never findings.
    ignore: [...(s.loaded.config.ignore ?? []), ...(s.loaded.file ? [path.relative(cwd, s.loaded.file)] : [])],
    ruleOptions: s.ruleOptions,
    code: opts.code,
    progress: createProgress(!opts.quiet && process.stderr.isTTY === true),
  });
  const result = postProcess(raw, opts, s);
  // Suppressed findings are already accounted for in the source; they do not belong in a baseline.
  return { result: { ...result, findings: applySuppressions(result.findings, cwd, s.regime, suppressionReader(cwd, raw.innerTexts)).findings }, cwd };
}

function write(file: string, content: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, content);
}

export function registerBaseline(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const baseline = program.command('baseline').description('record current findings so later scans report only new ones');

  addScanOptions(
    baseline
      .command('create')
      .description('scan and write the fingerprints of every finding to a baseline file')
      .option('-o, --output <file>', 'baseline file to write', DEFAULT_BASELINE_FILE),
  ).action((paths: string[], opts: BaselineOptions) =>
    run(async () => {
      const { result } = await scanForBaseline(paths, opts);
      const file = opts.output ?? DEFAULT_BASELINE_FILE;
      const b = createBaseline(result.findings, TOOL_VERSION);
      write(file, serializeBaseline(b));
      if (!opts.quiet) process.stderr.write(`pdscan: wrote ${b.entries.length} baseline entr${b.entries.length === 1 ? 'y' : 'ies'} to ${file}\n`);
      return 0;
    }),
  );

  addScanOptions(
    baseline
      .command('prune')
      .description('scan and remove baseline entries that no longer match any finding')
      .option('--baseline <file>', 'baseline file to prune (rewritten in place)', DEFAULT_BASELINE_FILE)
      .option('-o, --output <file>', 'write the pruned baseline here instead'),
  ).action((paths: string[], opts: BaselineOptions) =>
    run(async () => {
      const file = opts.baseline ?? DEFAULT_BASELINE_FILE;
      const cwd = process.cwd();
      const data = loadBaseline(file, cwd);
      const { result } = await scanForBaseline(paths, opts);
      const { scanRoots } = await import('../../pr/pr-scan.js');
      const roots = scanRoots(paths, cwd);
      const { stale } = applyBaseline(result.findings, data, (p) => underScannedPaths(p, roots));
      const pruned = pruneBaseline(data, stale);
      write(opts.output ?? file, serializeBaseline(pruned));
      if (!opts.quiet) process.stderr.write(`pdscan: removed ${stale.length} stale entr${stale.length === 1 ? 'y' : 'ies'}; ${pruned.entries.length} left in ${opts.output ?? file}\n`);
      return 0;
    }),
  );
}
