/**
 * The pull-request layer of `pdscan scan`, between the file scan and the reporters:
 *
 *   plan (diff since --diff-base, load --baseline)  →  scanFiles(changed files + code context)
 *     →  inline suppressions  →  baseline  →  keep findings on changed lines (flows: any step)
 *     →  reporters  →  job summary and step outputs.
 *
 * Each step lives in its own module; this one only orders them and gathers the numbers the
 * summary and the outputs show.
 */
import { appendFileSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding, Level } from '../model/finding.js';
import { outerFile } from '../sources/files/containers/types.js';
import type { ScanProblem, ScanResult } from '../model/result.js';
import type { Regime } from '../model/categories.js';
import type { ReportContext } from '../report/context.js';
import { findingLevel } from '../report/level.js';
import { collectChanges, collectStagedChanges, type ChangeSet } from './changes.js';
import { contextFiles } from './context-files.js';
import { filterToChanges } from './diff-filter.js';
import { applySuppressions, suppressionReader } from './suppressions.js';
import { applyBaseline, loadBaseline, underScannedPaths, type BaselineEntry, type BaselineFile } from './baseline.js';
import { diffFacts, emptyFacts, factsOf, isEmptyDiff, type FactsDiff, type InventoryFacts } from './inventory-facts.js';
import { obligationsFor, type ObligationReport } from './obligations.js';
import { snapshotFiles } from './base-snapshot.js';
import { renderSummary } from './summary.js';
import { lineLinker, writeOutputs } from './github.js';

export interface PrOptions {
  diffBase?: string;
  /** --staged: the index compared with HEAD (pre-commit), read from the index itself. */
  staged?: boolean;
  baseline?: string;
  /** A file to write the Markdown summary to; false (--no-summary) disables the job summary. */
  summary?: string | boolean;
  /** What "introduced by this change" is compared with: the whole base tree, or the changed files' base versions. */
  diffInventory?: 'repo' | 'files';
  /** --include-tests: test files are analysed as code, so they may be context too. */
  includeTests?: boolean;
  /** false (--no-code): no flows to link, so no code context in diff mode. */
  code?: boolean;
}

export interface PrPlan {
  changes?: ChangeSet;
  baseline?: { file: string; data: BaselineFile };
  /** Restricts the scan to changed files and their code context (diff mode). */
  onlyFiles?: Set<string>;
  /**
   * Unchanged files read only so cross-file flows through the changed ones can be linked; their
   * own findings and problems are not the change's (the diff filter drops them).
   */
  context?: Set<string>;
  /** Scan-relative paths of this run's output files. */
  ownOutputs?: Set<string>;
}

/** Runs the normal file scan (with the config's allowlist applied) on other roots or subsets. */
export interface ScanRunner {
  /**
   * `categories`: run only the value rules of these categories (code understanding always runs).
   * `threads`: a preference that an explicit --threads overrides.
   */
  scan(o: { paths: string[]; cwd: string; onlyFiles?: Set<string>; categories?: Set<string>; threads?: number }): Promise<ScanResult>;
  /** Scan-relative paths of the files a scan of `paths` would read. */
  list(paths: string[], cwd: string): Promise<string[]>;
}

/**
 * Resolves the diff and loads the baseline before any scanning, so bad input fails fast.
 * `ownOutputs` are the files this run writes (SARIF, JSON, summary...): a previous run's copies
 * are not the project's data and are never reported.
 */
export function planPr(opts: PrOptions, cwd: string, ownOutputs: Array<string | undefined> = []): PrPlan {
  const plan: PrPlan = {};
  const own = ownOutputs.filter((f): f is string => !!f).map((f) => scanRoots([f], cwd)[0]!);
  if (own.length) plan.ownOutputs = new Set(own);
  if (opts.baseline) plan.baseline = { file: opts.baseline, data: loadBaseline(opts.baseline, cwd) };
  if (opts.diffBase || opts.staged) {
    plan.changes = opts.staged ? collectStagedChanges(cwd) : collectChanges(opts.diffBase!, cwd);
    for (const f of own) plan.changes.changed.delete(f);
    plan.context = opts.code === false ? new Set() : contextFiles(plan.changes, cwd, undefined, { includeTests: opts.includeTests });
    for (const f of own) plan.context.delete(f);
    plan.onlyFiles = new Set([...plan.changes.changed.keys(), ...plan.context]);
  }
  return plan;
}

export interface PrOutcome {
  result: ScanResult;
  suppressed: number;
  missingReason: number;
  baselined: number;
  stale: BaselineEntry[];
}

const MAX_STALE_PROBLEMS = 50;
/** Up to this many unchanged files, the base comparison scans them without worker threads. */
const IN_PROCESS_CONTEXT_FILES = 20_000;

/** Scan-relative roots ("." for the whole working directory). */
export function scanRoots(paths: string[], cwd: string): string[] {
  return paths.map((p) => path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/') || '.');
}

export function refine(result: ScanResult, plan: PrPlan, opts: { cwd: string; paths: string[]; regime: Regime }): PrOutcome {
  const own = plan.ownOutputs;
  const sup = applySuppressions(own ? result.findings.filter((f) => !f.location || !own.has(f.location.path)) : result.findings, opts.cwd, opts.regime, suppressionReader(opts.cwd, result.innerTexts));
  let findings = sup.findings;
  // A context file's problems (a parse error in an untouched file) are not the change's.
  const context = plan.context;
  const problems: ScanProblem[] = context?.size ? result.problems.filter((p) => !context.has(p.where)) : [...result.problems];
  const stats = { ...result.stats };
  let baselined = 0;
  let stale: BaselineEntry[] = [];

  if (plan.baseline) {
    const roots = scanRoots(opts.paths, opts.cwd);
    const changes = plan.changes;
    const deleted = new Set(changes?.deleted.map((d) => d.path) ?? []);
    // In diff mode only changed and deleted files were looked at; elsewhere, everything under the roots.
    const inScope = (p: string | undefined) =>
      p !== undefined && underScannedPaths(p, roots) && (!changes || changes.changed.has(outerFile(p)) || deleted.has(outerFile(p)));
    const b = applyBaseline(findings, plan.baseline.data, inScope);
    findings = b.findings;
    baselined = b.hidden;
    stale = b.stale;
    stats.baselined = baselined;
    stats.baselineStale = stale.length;
    for (const e of stale.slice(0, MAX_STALE_PROBLEMS)) {
      problems.push({
        where: plan.baseline.file,
        message: `stale baseline entry ${e.ruleId} (${e.category})${e.path ? ` at ${e.path}${e.line ? `:${e.line}` : ''}` : ''}: no finding matches it any more; run \`pdscan baseline prune --baseline ${plan.baseline.file}\``,
      });
    }
    if (stale.length > MAX_STALE_PROBLEMS) {
      problems.push({ where: plan.baseline.file, message: `${stale.length - MAX_STALE_PROBLEMS} more stale baseline entries` });
    }
  }

  if (plan.changes) {
    findings = filterToChanges(findings, plan.changes);
    stats.diffChangedFiles = plan.changes.changed.size;
    stats.diffDeletedFiles = plan.changes.deleted.length;
    if (context?.size) stats.diffContextFiles = context.size;
    for (const n of plan.changes.notes) problems.push({ where: plan.changes.ref === 'index' ? '--staged' : `--diff-base ${plan.changes.ref}`, message: n });
  }
  stats.suppressed = findings.filter((f) => f.suppression).length;
  return { result: { ...result, findings, problems, stats }, suppressed: sup.suppressed, missingReason: sup.missingReason, baselined, stale };
}

const activeFindings = (fs: Finding[]) => fs.filter((f) => !f.suppression);

/**
 * What the base already had, for the "introduced by this change" part of the summary. The
 * changed and deleted files are read at the fork point; the rest of the tree is the same in
 * the base and the working tree, so it is scanned only when the change seems to introduce
 * something the changed files' base versions do not explain (`repo` mode).
 */
export async function baseFacts(
  changes: ChangeSet,
  introducedCandidates: InventoryFacts,
  runner: ScanRunner,
  opts: { cwd: string; paths: string[]; regime: Regime; mode: 'repo' | 'files'; ownOutputs?: Set<string>; context?: Set<string> },
): Promise<{ facts: InventoryFacts; comparedWith: string }> {
  const facts = emptyFacts();
  const roots = scanRoots(opts.paths, opts.cwd);
  const old = [
    ...[...changes.changed.values()].filter((c) => c.status !== 'added' && c.status !== 'untracked' && underScannedPaths(c.path, roots)),
    ...changes.deleted.filter((c) => underScannedPaths(c.path, roots)),
  ].map((c) => c.oldRepoPath ?? c.repoPath);
  if (isEmptyDiff(diffFacts(introducedCandidates, facts, opts.regime))) {
    return { facts, comparedWith: 'Nothing to compare: the change adds no sensitive category, recipient, transfer abroad or purpose.' };
  }
  if (old.length) {
    // The head linked flows through the context files; the base must link the same way, or a
    // flow the base already had would look new.
    const realCwd = realpathSync(opts.cwd);
    const context = [...(opts.context ?? [])].map((p) => path.relative(changes.root, path.join(realCwd, p)).split(path.sep).join('/'));
    const snap = snapshotFiles(changes.root, changes.from, [...old, ...context]);
    try {
      const r = await runner.scan({ paths: ['.'], cwd: snap.dir });
      factsOf(applySuppressions(r.findings, snap.dir, opts.regime, suppressionReader(snap.dir, r.innerTexts)).findings, facts);
    } finally {
      snap.dispose();
    }
  }
  if (opts.mode === 'files') {
    return { facts, comparedWith: 'Compared with the base version of the changed files only (--diff-inventory files).' };
  }
  if (isEmptyDiff(diffFacts(introducedCandidates, facts, opts.regime))) {
    return { facts, comparedWith: 'Compared with the base version of the changed files, which already contained everything the change adds.' };
  }
  const all = await runner.list(opts.paths, opts.cwd);
  const unchanged = new Set(all.filter((p) => !changes.changed.has(p) && !opts.ownOutputs?.has(p)));
  if (unchanged.size) {
    // Only the candidates need settling: value rules of other categories would only cost time.
    const open = diffFacts(introducedCandidates, facts, opts.regime);
    // Each worker thread first compiles every rule pack and loads the code analysers, which
    // costs as much as scanning a few thousand small files: a repository of ordinary size is
    // compared faster in-process.
    const threads = unchanged.size <= IN_PROCESS_CONTEXT_FILES ? 1 : undefined;
    const r = await runner.scan({ paths: opts.paths, cwd: opts.cwd, onlyFiles: unchanged, categories: new Set(open.sensitiveCategories), ...(threads ? { threads } : {}) });
    factsOf(applySuppressions(r.findings, opts.cwd, opts.regime, suppressionReader(opts.cwd, r.innerTexts)).findings, facts);
  }
  const n = `${unchanged.size} unchanged file${unchanged.size === 1 ? '' : 's'}`;
  return { facts, comparedWith: `Compared with the whole base tree at ${changes.from.slice(0, 12)} (changed files read at the base, ${n} scanned).` };
}

export interface CompareOptions {
  regime: Regime;
  /** `inventory.children` of the config: whether the system holds children's data; null when nobody said. */
  children?: boolean | null;
  cwd: string;
  paths: string[];
  pr: PrOptions;
  env?: Record<string, string | undefined>;
}

export interface Comparison {
  introduced: FactsDiff;
  obligations: ObligationReport;
  comparedWith?: string;
}

/** Whether anything will read the comparison: a summary file, the job summary or step outputs. */
export function wantsReport(pr: PrOptions, env: Record<string, string | undefined> = process.env): { summary: boolean; outputs: boolean } {
  return {
    summary: pr.summary !== false && (typeof pr.summary === 'string' || !!env.GITHUB_STEP_SUMMARY),
    outputs: !!env.GITHUB_OUTPUT,
  };
}

/**
 * Whether a reported finding goes through a context file: only then must the base comparison
 * link through the context files too (reading them again at the base costs a scan of them).
 */
function touchesContext(findings: Finding[], context: Set<string>): boolean {
  if (!context.size) return false;
  return findings.some((f) => (f.location && context.has(f.location.path)) || f.flow?.some((s) => context.has(s.location.path)));
}

/**
 * What the reported findings add to the inventory, and the obligations that follow. Run it
 * BEFORE writing any output file: scanning the base tree must not read this run's own reports.
 */
export async function compareWithBase(outcome: PrOutcome, plan: PrPlan, runner: ScanRunner, o: CompareOptions): Promise<Comparison> {
  const want = wantsReport(o.pr, o.env ?? process.env);
  const head = factsOf(outcome.result.findings);
  let base = emptyFacts();
  let comparedWith: string | undefined;
  if (plan.changes && (want.summary || want.outputs)) {
    const b = await baseFacts(plan.changes, head, runner, {
      cwd: o.cwd,
      paths: o.paths,
      regime: o.regime,
      mode: o.pr.diffInventory ?? 'repo',
      ...(plan.ownOutputs ? { ownOutputs: plan.ownOutputs } : {}),
      ...(plan.context && touchesContext(outcome.result.findings, plan.context) ? { context: plan.context } : {}),
    });
    base = b.facts;
    comparedWith = b.comparedWith;
  }
  const introduced = diffFacts(head, base, o.regime);
  const obligations = obligationsFor(introduced, base, o.regime, [...head.categories], !plan.changes, o.children ?? null);
  return { introduced, obligations, ...(comparedWith ? { comparedWith } : {}) };
}

export interface ReportOptions {
  ctx: ReportContext;
  failOn: 'none' | Level;
  exitCode: number;
  cwd: string;
  sarifPath?: string;
  pr: PrOptions;
  env?: Record<string, string | undefined>;
}

export interface PrReport {
  markdown: string;
  outputs: Record<string, string | number | boolean>;
}

/** Writes the summary and outputs where asked (--summary FILE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT). */
export function writePrReport(outcome: PrOutcome, plan: PrPlan, cmp: Comparison, o: ReportOptions): PrReport {
  const env = o.env ?? process.env;
  const want = wantsReport(o.pr, env);
  const regime = o.ctx.regime;
  const findings = outcome.result.findings;
  const link = lineLinker(env);
  const markdown = renderSummary({
    results: [outcome.result],
    ctx: o.ctx,
    failOn: o.failOn,
    exitCode: o.exitCode,
    ...(plan.changes
      ? { diff: { ref: plan.changes.ref, from: plan.changes.from, changedFiles: plan.changes.changed.size, deletedFiles: plan.changes.deleted.length } }
      : {}),
    introduced: cmp.introduced,
    obligations: cmp.obligations,
    ...(cmp.comparedWith ? { comparedWith: cmp.comparedWith } : {}),
    baselined: outcome.baselined,
    stale: outcome.stale,
    ...(plan.baseline ? { baselineFile: plan.baseline.file } : {}),
    notes: plan.changes?.notes ?? [],
    ...(link ? { link } : {}),
  });
  if (typeof o.pr.summary === 'string') {
    const file = path.resolve(o.cwd, o.pr.summary);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, markdown);
  } else if (want.summary && env.GITHUB_STEP_SUMMARY) {
    appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
  }

  const active = activeFindings(findings);
  const count = (l: Level) => active.filter((f) => findingLevel(f, regime) === l).length;
  const outputs: Record<string, string | number | boolean> = {
    ...(o.sarifPath ? { sarif: o.sarifPath } : {}),
    findings: active.length,
    high: count('high'),
    medium: count('medium'),
    low: count('low'),
    suppressed: findings.length - active.length,
    baselined: outcome.baselined,
    'baseline-stale': outcome.stale.length,
    'new-sensitive-categories': cmp.introduced.sensitiveCategories.join(','),
    'new-recipients': cmp.introduced.recipients.map((r) => r.id).join(','),
    'new-cross-border': cmp.introduced.transfers.map((r) => `${r.id}:${r.country ?? '?'}`).join(','),
    obligations: cmp.obligations.obligations.map((x) => x.id).join(','),
    'diff-base': plan.changes?.from ?? '',
    failed: o.exitCode === 1,
  };
  if (want.outputs) writeOutputs(outputs, env);
  return { markdown, outputs };
}
