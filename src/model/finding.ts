/**
 * The one finding model shared by every source (files, code, databases) and every reporter.
 * Sensitivity and legal references are not stored here: they are derived from the category
 * and the chosen legal regime (see src/model/categories.ts), so a finding never disagrees
 * with rules/categories.yml.
 */
import type { CategoryId } from './categories.js';

export type Confidence = 'high' | 'medium' | 'low';
/** Policy level used by --fail-on and mapped to SARIF `level` / `security-severity`. */
export type Level = 'high' | 'medium' | 'low';

export type FindingKind =
  | 'value' // a personal value found in text (file content or a database value)
  | 'aggregate' // many values of one category in one bulk data file
  | 'declaration' // a declared field/column that holds personal data (schemas, models, DTOs)
  | 'flow' // personal data reaching a sink (log, third party, storage...)
  | 'column' // a database column classified from sampled values
  | 'risk'; // a rule about how data is handled (plaintext credential, no encryption...)

export interface Location {
  /** Repo-relative path with forward slashes (or a synthetic artifact URI for databases). */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like SARIF's default `columnKind`. */
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface LogicalLocation {
  kind: 'database' | 'schema' | 'table' | 'column' | 'collection' | 'field' | 'model' | 'member' | 'function' | 'module';
  name: string;
  fullyQualifiedName?: string;
}

export interface FlowStep {
  location: Location;
  message: string;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  justification?: string;
}

export interface Finding {
  ruleId: string;
  kind: FindingKind;
  /** The most sensitive category carried: sensitive under the regime first, then the later row of rules/categories.yml (orderCategories). */
  category: CategoryId;
  /** All categories carried, most sensitive first. Always contains `category`. */
  categories: CategoryId[];
  confidence: Confidence;
  /** 0..1 score behind `confidence` (pattern + validator + context). */
  score: number;
  /** Human message WITHOUT the raw value; reporters append the masked/raw value. */
  message: string;
  /** Raw personal value. Reporters mask it unless --show-data. Never written to inventories. */
  value?: string;
  location?: Location;
  logicalLocations?: LogicalLocation[];
  /** Source → sink path for flows (SARIF codeFlows). */
  flow?: FlowStep[];
  /** For aggregates: number of values, and the first few locations. */
  count?: number;
  sampleLocations?: Location[];
  /** Why it was reported; printed by --explain. */
  explain?: string[];
  /** Overrides the derived level (risk rules set this). */
  level?: Level;
  suppression?: Suppression;
  /**
   * Stable identity for SARIF partialFingerprints and baselines: derived from the rule, the path
   * and the content of the line (not its number), so it survives unrelated edits that move lines.
   */
  fingerprint?: string;
  /** Free-form, JSON-safe extras (recipient, country, purpose, matchRatio, model, field...). */
  properties?: Record<string, unknown>;
}

/** A personal value found in text, alone or aggregated over a bulk data file. */
export function isValueFinding(f: Finding): boolean {
  return f.kind === 'value' || f.kind === 'aggregate';
}

const CONFIDENCE_ORDER: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
export const LEVEL_ORDER: Record<Level, number> = { low: 0, medium: 1, high: 2 };

export function confidenceFromScore(score: number): Confidence | undefined {
  if (score >= 0.8) return 'high';
  if (score >= 0.6) return 'medium';
  if (score >= 0.4) return 'low';
  return undefined;
}

export function compareConfidence(a: Confidence, b: Confidence): number {
  return CONFIDENCE_ORDER[a] - CONFIDENCE_ORDER[b];
}

/** Deterministic order: path, line, column, rule, category. */
export function compareFindings(a: Finding, b: Finding): number {
  const pa = a.location?.path ?? '';
  const pb = b.location?.path ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  const la = a.location?.line ?? 0;
  const lb = b.location?.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.location?.column ?? 0;
  const cb = b.location?.column ?? 0;
  if (ca !== cb) return ca - cb;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  if (a.category !== b.category) return a.category < b.category ? -1 : 1;
  const fa = (a.logicalLocations ?? []).map((l) => l.name).join('.');
  const fb = (b.logicalLocations ?? []).map((l) => l.name).join('.');
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}
