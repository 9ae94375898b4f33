import { Command } from 'commander';
import { addCommonOptions, emit, postProcess, setup, type CommonOptions } from '../common.js';
import { scanFiles } from '../../scan/scan-files.js';
import { createProgress } from '../progress.js';
import { parseSize } from '../../config/load.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ScanError } from '../../rules/errors.js';

interface ScanOptions extends CommonOptions {
  maxFileSize?: string;
  code?: boolean;
}

export function registerScan(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const cmd = program
    .command('scan')
    .description('scan files and code for personal data (respects .gitignore and .pdscanignore)')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 5MB)')
    .option('--no-code', 'skip code understanding (declarations, flows); classify text only');
  addCommonOptions(cmd).action((paths: string[], opts: ScanOptions) =>
    run(async () => {
      const cwd = process.cwd();
      if (!paths.some((p) => existsSync(path.resolve(cwd, p)))) {
        throw new ScanError(`nothing to scan: ${paths.join(', ')} ${paths.length === 1 ? 'does' : 'do'} not exist`);
      }
      const s = setup(opts, cwd);
      const maxFileSize = parseSize(opts.maxFileSize ?? s.loaded.config.max_file_size ?? '5MB', '--max-file-size');
      const result = await scanFiles({
        paths,
        cwd,
        threads: opts.threads,
        maxFileSize,
        // The config file holds rule examples and allowlisted values: never report it.
        ignore: [...(s.loaded.config.ignore ?? []), ...(s.loaded.file ? [path.relative(cwd, s.loaded.file)] : [])],
        ruleOptions: s.ruleOptions,
        code: opts.code,
        progress: createProgress(!opts.quiet && process.stderr.isTTY === true),
      });
      return emit([postProcess(result, opts, s)], opts, s);
    }),
  );
}
