/**
 * Contract between the file pipeline and code understanding (declarations, flows, purposes).
 * analyzeFile runs inside workers, one file at a time, so memory stays bounded; it may return a
 * JSON-serialisable summary that linkProject combines in the main thread for cross-file flows.
 */
import type { Finding } from '../../model/finding.js';
import type { Evidence } from '../../model/result.js';

export interface AnalyzerContext {
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
