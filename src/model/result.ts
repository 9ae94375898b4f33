/**
 * What one scan (files or a database) produces. Reporters and the inventory read only this.
 */
import type { Finding, Location, LogicalLocation } from './finding.js';
import type { CategoryId } from './categories.js';

export interface ScanProblem {
  /** Repo-relative path, or a table/collection name for databases. */
  where: string;
  message: string;
}

/**
 * Facts that are not personal data themselves but matter to the dossier:
 * protection measures (hashing, encryption, masking, access control) and retention/deletion
 * (TTL indexes, deletion jobs). They are evidence, never proof of compliance.
 */
export interface Evidence {
  kind: 'protection' | 'retention';
  /** Short machine key, e.g. "hashing:bcrypt", "encryption:aes-gcm", "ttl-index", "deletion-job". */
  key: string;
  /** Human description, English. */
  description: string;
  /** Categories this measure applies to, when known. */
  categories?: CategoryId[];
  location?: Location;
  logicalLocations?: LogicalLocation[];
}

/** Database engines `pdscan db` reads (URL schemes map to these in sources/db/url.ts). */
export type DbEngine = 'postgres' | 'mysql' | 'mongodb' | 'sqlite';

/** Which system a run read, so results of many repositories and databases can be merged apart. */
export interface ScanSource {
  kind: 'repository' | 'database';
  /** Stable name: --source-name, the remote as host/owner/name, the directory, or the redacted database URL. */
  name: string;
  /** Remote URL without credentials. */
  repository?: string;
  /** HEAD when the scan ran. */
  commit?: string;
  engine?: string;
}

export interface ScanTarget {
  kind: 'files' | 'database';
  /** For files: the scanned roots (repo-relative). For databases: a redacted URL (no credentials). */
  name: string;
  engine?: DbEngine;
  source?: ScanSource;
}

export interface ScanResult {
  target: ScanTarget;
  findings: Finding[];
  evidence: Evidence[];
  problems: ScanProblem[];
  /** Files not read because they are binary (images, executables...), by path: named, not only counted. */
  skippedBinary?: string[];
  /** Files not read because they are minified or bundled code, or lockfiles, by path. */
  skippedMinified?: string[];
  /** Texts of files inside archives that hold a pdscan-ignore directive, by virtual path (for suppressions). */
  innerTexts?: Record<string, string>;
  /** Counters shown in summaries, e.g. filesScanned, bytesScanned, tablesScanned. */
  stats: Record<string, number>;
}
