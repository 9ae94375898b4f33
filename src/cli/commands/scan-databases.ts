/**
 * `pdscan scan --include-databases`: SQLite files met in the tree are sampled as databases, with
 * the same column judgement as `pdscan db sqlite:PATH`. A file that only looks like one by its
 * extension (Thumbs.db, a Berkeley DB) becomes a problem line, not a failed scan.
 */
import path from 'node:path';
import type { ScanResult } from '../../model/result.js';
import type { RunSetup } from '../common.js';
import { ScanError } from '../../util/errors.js';

export async function scanTreeDatabases(files: ScanResult & { databases?: string[] }, enabled: boolean, s: RunSetup, cwd: string, threads?: number): Promise<ScanResult[]> {
  if (!enabled || !files.databases?.length) return [];
  const { scanDatabase } = await import('../../sources/db/scan-db.js');
  const out: ScanResult[] = [];
  for (const rel of files.databases) {
    try {
      out.push(await scanDatabase({ url: `sqlite:${path.resolve(cwd, rel)}`, rules: s.rules, regime: s.regime, threads: threads ?? 1, ...(s.loaded.config.db?.sample_size ? { sampleSize: s.loaded.config.db.sample_size } : {}) }));
    } catch (err) {
      if (!(err instanceof ScanError)) throw err;
      files.problems.push({ where: rel, message: `not scanned as a SQLite database: ${err.message}` });
    }
  }
  return out;
}
