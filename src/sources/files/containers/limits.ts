/** Container limits from the config file's `containers:` section and `--container-limit name=value`. */
import { parseSize } from '../../../config/load.js';
import { ConfigError } from '../../../util/errors.js';
import { DEFAULT_CONTAINER_LIMITS, type ContainerLimits } from './types.js';

const KEYS: Record<string, keyof ContainerLimits> = {
  max_depth: 'maxDepth',
  max_entries: 'maxEntries',
  max_entry_bytes: 'maxEntryBytes',
  max_total_bytes: 'maxTotalBytes',
  max_ratio: 'maxRatio',
};

function value(name: string, v: number | string, where: string): number {
  const n = name.endsWith('_bytes') ? parseSize(v, where) : Number(v);
  if (!Number.isFinite(n) || n < 1) throw new ConfigError(`${where}: ${name} must be a positive number, got "${v}"`);
  return n;
}

export function containerLimits(config: Partial<Record<string, number | string>> = {}, cli: string[] = []): ContainerLimits {
  const out = { ...DEFAULT_CONTAINER_LIMITS };
  for (const [name, v] of Object.entries(config)) {
    const key = KEYS[name];
    if (key && v !== undefined) out[key] = value(name, v, 'containers');
  }
  for (const item of cli) {
    const m = /^\s*([a-z_]+)\s*=\s*(\S+)\s*$/.exec(item);
    const key = m ? KEYS[m[1]!] : undefined;
    if (!m || !key) throw new ConfigError(`--container-limit: expected one of ${Object.keys(KEYS).join(', ')} as name=value, got "${item}"`);
    out[key] = value(m[1]!, m[2]!, '--container-limit');
  }
  return out;
}
