/**
 * The options `pdscan scan` and `pdscan db` share. Kept apart from common.ts (what runs them) so
 * that declaring the commands, and `pdscan --help`, load nothing but commander.
 */
import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import type { Regime } from '../model/categories.js';
import type { Level } from '../model/finding.js';
import { ConfigError } from '../util/errors.js';

export interface CommonOptions {
  format?: 'text' | 'json' | 'sarif';
  output?: string;
  sarif?: string;
  json?: string;
  inventory?: string[];
  lang?: 'vi' | 'en';
  law?: Regime;
  config?: string;
  showData?: boolean;
  failOn?: 'none' | Level;
  minConfidence?: 'low' | 'medium' | 'high';
  threads?: number;
  quiet?: boolean;
  debug?: boolean;
  explain?: boolean;
  color?: boolean;
  sourceName?: string;
  /** Keep test, documentation and synthetic values at their level and in --fail-on (scan only). */
  includeTestData?: boolean;
}

/** Each worker holds its own compiled rules and file buffers: past a few per core they only cost memory. */
export const MAX_THREADS_PER_CPU = 4;

/** --threads capped at a sane multiple of the cores, with a warning when it had to be. */
export function cappedThreads(requested: number | undefined, warn: (message: string) => void = (m) => process.stderr.write(`pdscan: warning: ${m}\n`)): number | undefined {
  const max = availableParallelism() * MAX_THREADS_PER_CPU;
  if (requested === undefined || requested <= max) return requested;
  warn(`--threads ${requested} capped at ${max} (${MAX_THREADS_PER_CPU} per CPU)`);
  return max;
}

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive whole number, got "${v}"`);
  return n;
};

export function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('--threads <n>', `worker threads (default: number of CPUs; at most ${MAX_THREADS_PER_CPU} per CPU)`, positiveInt('--threads'))
    .addOption(new Option('-f, --format <format>', 'output format on stdout or --output (default: text)').choices(['text', 'json', 'sarif']))
    .option('-o, --output <file>', 'write the main output to a file instead of stdout')
    .option('--sarif <file>', 'also write SARIF 2.1.0 to this file')
    .option('--json <file>', 'also write JSON to this file')
    .option('--inventory <file...>', 'also write the draft data inventory (FILE.json and/or FILE.md)')
    .addOption(new Option('--lang <lang>', 'language of the Markdown inventory').choices(['vi', 'en']).default('vi'))
    .addOption(new Option('--law <regime>', 'legal regime for sensitivity and obligations (default: pdpl-2025, or law: in the config)').choices(['pdpl-2025', 'decree-13']))
    .option('-c, --config <file>', 'configuration file (default: .pdscan.yml if present)')
    .option('--show-data', 'show raw personal values (masked by default)')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding at or above this level exists (default: none, or fail_on: in the config)').choices(['none', 'low', 'medium', 'high']))
    .addOption(new Option('--min-confidence <level>', 'hide findings below this confidence').choices(['low', 'medium', 'high']))
    .option('--explain', 'show why each finding was reported (pattern, validator, context)')
    .option('-q, --quiet', 'no progress display')
    .option('--no-color', 'no colours in text output')
    .option('--debug', 'print stack traces on errors')
    .option('--source-name <name>', 'name of the scanned system in inventories and SARIF (default: the git remote, or the database URL without credentials)');
}
