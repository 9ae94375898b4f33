/**
 * Contract between the file pipeline and code understanding (declarations, flows, purposes).
 * analyzeFile runs inside workers, one file at a time, so memory stays bounded; it may return a
 * JSON-serialisable summary that linkProject combines in the main thread for cross-file flows.
 */
import type { Finding } from '../../model/finding.js';
import type { Evidence } from '../../model/result.js';
import type { Regime } from '../../model/categories.js';

/** Settings the same for every file of a scan (structured-clone-able: they cross into workers). */
export interface CodeSettings {
  /** Legal regime deciding which categories are sensitive. */
  regime?: Regime;
  /** Extra recipients from .pdscan.yml `recipients:`. */
  recipients?: unknown[];
  /** Analyse test, spec, story and mock files as code too (their text is always classified). */
  includeTests?: boolean;
}

export interface AnalyzerContext extends CodeSettings {
  /** Repo-relative path with forward slashes. */
  path: string;
}

export interface FileAnalysis {
  findings: Finding[];
  evidence: Evidence[];
  /** Structured-clone-able per-file summary for linkProject (exports, calls, param→sink facts). */
  summary?: unknown;
  /** A file that could not be parsed: reported and skipped, never fatal. */
  problem?: string;
}
