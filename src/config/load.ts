/**
 * .pdscan.yml: loaded from --config; else the nearest one from the scan root up to its git root
 * (as ESLint and gitleaks look), so `cd /tmp && pdscan scan ~/repo` uses the repository's
 * allowlist and rules; else the one in the working directory. Validated
 * against schemas/config.schema.json; problems are ConfigErrors naming the file and the field.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { readYamlFile } from '../util/yaml.js';
import { assertSchema } from '../util/schema.js';
import { ConfigError } from '../util/errors.js';
import type { RuleDef } from '../rules/types.js';
import type { Regime } from '../model/categories.js';

export interface PdscanConfig {
  law?: Regime;
  fail_on?: 'none' | 'low' | 'medium' | 'high';
  min_confidence?: 'low' | 'medium' | 'high';
  include_test_data?: boolean;
  max_file_size?: number | string;
  containers?: { max_depth?: number; max_entries?: number; max_entry_bytes?: number | string; max_total_bytes?: number | string; max_ratio?: number };
  include_databases?: boolean;
  ignore?: string[];
  rule_files?: string[];
  rules?: RuleDef[];
  disable_rules?: string[];
  allowlist?: { values?: string[]; paths?: string[]; rules_in_paths?: Array<{ rule: string; paths: string[] }> };
  recipients?: Array<Record<string, unknown>>;
  inventory?: Record<string, unknown>;
  db?: { sample_size?: number; timeout?: number; concurrency?: number; only?: string[]; except?: string[]; include_views?: boolean };
}

export interface LoadedConfig {
  config: PdscanConfig;
  /** The file it came from, if any. */
  file?: string;
  /** Directory that relative paths in the config are resolved against. */
  dir: string;
}

export const DEFAULT_CONFIG_NAME = '.pdscan.yml';

/** The nearest .pdscan.yml from `start` up to the git root that holds it (start only outside git). */
export function discoverConfig(start: string): string | undefined {
  const dirs: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (existsSync(path.join(dir, '.git'))) break;
    if (path.dirname(dir) === dir) {
      dirs.splice(1); // outside a repository only the scan root itself: no stray config from a parent
      break;
    }
  }
  return dirs.map((d) => path.join(d, DEFAULT_CONFIG_NAME)).find((f) => existsSync(f));
}

/** The directory a scan path stands for: itself, or a file's directory. */
function rootOf(scanPath: string): string {
  try {
    return statSync(scanPath).isDirectory() ? scanPath : path.dirname(scanPath);
  } catch {
    return path.dirname(scanPath);
  }
}

/** `scanPath`: the first path scanned, where the search for the config starts. */
export function loadConfig(explicit: string | undefined, cwd: string, scanPath?: string): LoadedConfig {
  const discovered = !explicit && scanPath ? discoverConfig(rootOf(path.resolve(cwd, scanPath))) : undefined;
  const file = explicit ? path.resolve(cwd, explicit) : (discovered ?? path.join(cwd, DEFAULT_CONFIG_NAME));
  if (!existsSync(file)) {
    if (explicit) throw new ConfigError(`${explicit}: config file not found`);
    return { config: {}, dir: cwd };
  }
  const display = path.relative(cwd, file) || file;
  const raw = readYamlFile(file, display) ?? {};
  const config = assertSchema<PdscanConfig>('config.schema.json', raw, display);
  const dir = path.dirname(file);
  config.rule_files = config.rule_files?.map((f) => path.resolve(dir, f));
  return { config, file, dir };
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

export function parseSize(value: string | number, where: string): number {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)?\s*$/i.exec(value);
  if (!m) throw new ConfigError(`${where}: not a size: "${value}" (use e.g. 5MB, 512KB or a number of bytes)`);
  return Math.round(parseFloat(m[1]!) * (UNITS[(m[2] ?? 'b').toLowerCase() || 'b'] ?? 1));
}
