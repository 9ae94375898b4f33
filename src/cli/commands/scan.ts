import { Command, Option } from 'commander';
import { addCommonOptions, type CommonOptions } from '../options.js';
import type { PrOptions } from '../../pr/pr-scan.js';

export interface ScanOptions extends CommonOptions, PrOptions {
  maxFileSize?: string;
  code?: boolean;
  includeTests?: boolean;
  containerLimit?: string[];
  includeDatabases?: boolean;
  cache?: string | boolean;
}

export function registerScan(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const cmd = program
    .command('scan')
    .description('scan files and code for personal data (respects .gitignore and .pdscanignore)')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 5MB)')
    .option('--no-code', 'skip code understanding (declarations, flows); classify text only')
    .option('--container-limit <name=value>', 'limit for archives, workbooks and documents: max_depth, max_entries, max_entry_bytes, max_total_bytes, max_ratio (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--include-databases', 'sample SQLite files met in the tree (.sqlite, .sqlite3, .db) as databases, like `pdscan db sqlite:PATH`')
    .option('--cache [dir]', 'keep each file\'s results in DIR (default .pdscan-cache/) and reuse them while the file, pdscan, the rules and the options are unchanged')
    .option('--include-tests', 'also run code understanding on test, spec, story and mock files (their text is always classified)')
    .option('--include-test-data', 'keep values in tests, docs, translations, assets and example config, and synthetic values, at their level and in --fail-on (default: notes; clear placeholders dropped)')
    .option('--diff-base <ref>', 'report only findings on lines added or changed since this git ref (its merge base with HEAD)')
    .option('--staged', 'scan what is staged for the next commit (read from the index) and report only findings on staged lines (pre-commit hooks)')
    .option('--baseline <file>', 'hide findings recorded in this baseline (see `pdscan baseline create`); report stale entries')
    .option('--summary <file>', 'write the Markdown job summary to this file (default: GITHUB_STEP_SUMMARY when set)')
    .option('--no-summary', 'do not write a job summary even when GITHUB_STEP_SUMMARY is set')
    .addOption(
      new Option('--diff-inventory <scope>', 'what the summary compares with to tell what a change introduces: the whole base tree, or the changed files only (faster)')
        .choices(['repo', 'files'])
        .default('repo'),
    );
  // What runs a scan loads when one runs: `pdscan --help` and the other commands never pay for it.
  addCommonOptions(cmd).action((paths: string[], opts: ScanOptions) => run(async () => (await import('./scan-run.js')).runScan(paths, opts)));
}
