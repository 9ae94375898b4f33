/**
 * Baselines: the fingerprints of findings a team has accepted for now, so later scans report
 * only what is new. Fingerprints hash the rule, category, path and the CONTENT of the line (see
 * src/model/fingerprint.ts), so unrelated edits that move lines do not break the match.
 *
 * The file holds no personal value: only fingerprints, rule and category IDs, and the path and
 * line where each finding was when the baseline was made (to help people prune it by hand).
 * Entries are matched as a multiset: two identical findings need two entries.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../model/finding.js';
import { compareFindings } from '../model/finding.js';
import { ConfigError } from '../util/errors.js';

export const BASELINE_FORMAT = 'pdscan-baseline';
export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_FILE = '.pdscan-baseline.json';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  category: string;
  path?: string;
  line?: number;
}

export interface BaselineFile {
  format: typeof BASELINE_FORMAT;
  version: number;
  toolVersion?: string;
  entries: BaselineEntry[];
}

export function createBaseline(findings: Finding[], toolVersion?: string): BaselineFile {
  const entries = findings
    .filter((f) => !f.suppression && f.fingerprint)
    .sort(compareFindings)
    .map((f): BaselineEntry => ({
      fingerprint: f.fingerprint!,
      ruleId: f.ruleId,
      category: f.category,
      ...(f.location ? { path: f.location.path, line: f.location.line } : {}),
    }));
  return { format: BASELINE_FORMAT, version: BASELINE_VERSION, ...(toolVersion ? { toolVersion } : {}), entries };
}

export function serializeBaseline(b: BaselineFile): string {
  // One entry per line keeps diffs of the baseline file reviewable.
  const head = JSON.stringify({ format: b.format, version: b.version, ...(b.toolVersion ? { toolVersion: b.toolVersion } : {}) }, null, 2).slice(0, -2);
  const body = b.entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  return `${head},\n  "entries": [${b.entries.length ? `\n${body}\n  ` : ''}]\n}\n`;
}

export function loadBaseline(file: string, cwd: string): BaselineFile {
  const abs = path.resolve(cwd, file);
  if (!existsSync(abs)) throw new ConfigError(`--baseline ${file}: file not found (create it with \`pdscan baseline create --output ${file}\`)`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (err) {
    throw new ConfigError(`--baseline ${file}: not valid JSON: ${(err as Error).message}`);
  }
  const b = data as Partial<BaselineFile>;
  if (!b || typeof b !== 'object' || b.format !== BASELINE_FORMAT || !Array.isArray(b.entries)) {
    throw new ConfigError(`--baseline ${file}: not a pdscan baseline (expected "format": "${BASELINE_FORMAT}" and an "entries" list)`);
  }
  if (b.version !== BASELINE_VERSION) throw new ConfigError(`--baseline ${file}: unsupported baseline version ${String(b.version)} (this pdscan reads version ${BASELINE_VERSION})`);
  b.entries.forEach((e, i) => {
    if (!e || typeof e.fingerprint !== 'string' || typeof e.ruleId !== 'string') {
      throw new ConfigError(`--baseline ${file}: entries[${i}] needs a "fingerprint" and a "ruleId"`);
    }
  });
  return b as BaselineFile;
}

export interface BaselineOutcome {
  /** Findings left after hiding the baselined ones. */
  findings: Finding[];
  hidden: number;
  /** Entries that matched no finding in the part of the tree that was scanned. */
  stale: BaselineEntry[];
}

/**
 * @param inScope whether an entry's path was scanned this time; entries outside the scan
 *   (another directory, or an unchanged file in diff mode) cannot be judged stale.
 */
export function applyBaseline(findings: Finding[], baseline: BaselineFile, inScope: (entryPath: string | undefined) => boolean): BaselineOutcome {
  const remaining = new Map<string, number>();
  for (const e of baseline.entries) remaining.set(e.fingerprint, (remaining.get(e.fingerprint) ?? 0) + 1);
  let hidden = 0;
  const kept = findings.filter((f) => {
    if (f.suppression || !f.fingerprint) return true;
    const n = remaining.get(f.fingerprint) ?? 0;
    if (n === 0) return true;
    remaining.set(f.fingerprint, n - 1);
    hidden++;
    return false;
  });
  const stale: BaselineEntry[] = [];
  for (const e of baseline.entries) {
    const n = remaining.get(e.fingerprint) ?? 0;
    if (n > 0 && inScope(e.path)) {
      stale.push(e);
      remaining.set(e.fingerprint, n - 1);
    }
  }
  return { findings: kept, hidden, stale };
}

/** The baseline without its stale entries (for `pdscan baseline prune`). */
export function pruneBaseline(baseline: BaselineFile, stale: BaselineEntry[]): BaselineFile {
  const drop = new Map<string, number>();
  for (const e of stale) drop.set(e.fingerprint, (drop.get(e.fingerprint) ?? 0) + 1);
  const entries = baseline.entries.filter((e) => {
    const n = drop.get(e.fingerprint) ?? 0;
    if (n === 0) return true;
    drop.set(e.fingerprint, n - 1);
    return false;
  });
  return { ...baseline, entries };
}

/** Whether a repo-relative path lies under one of the scanned roots (scan-relative, "." for all). */
export function underScannedPaths(p: string | undefined, roots: string[]): boolean {
  if (p === undefined) return false;
  return roots.some((r) => {
    const root = r.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
    return root === '' || p === root || p.startsWith(`${root}/`);
  });
}
