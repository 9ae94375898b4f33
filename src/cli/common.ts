/**
 * Options and output handling shared by `pdscan scan` and `pdscan db`: the same output formats,
 * config file, allowlist, --min-confidence and --fail-on exit code for files and databases.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ScanResult } from '../model/result.js';
import type { Regime } from '../model/categories.js';
import type { Finding, Level } from '../model/finding.js';
import { LEVEL_ORDER, compareConfidence } from '../model/finding.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { loadPackFile, loadRules, type LoadRulesOptions } from '../rules/load.js';
import { checkUserRules } from '../config/check-rules.js';
import { ruleCatalog } from '../rules/meta/index.js';
import { catalogueNote } from '../rules/catalogue.js';
import type { ReportContext } from '../report/context.js';
import { toSarif } from '../report/sarif.js';
import { withSource } from '../pr/source.js';
import { toJson } from '../report/json.js';
import { toText } from '../report/text.js';
import { findingLevel } from '../report/level.js';
import { applyAllowlist } from './allowlist.js';
import { checkInventoryNames, writeInventories } from './inventory-output.js';
import { applyTestDataPolicy, countsForFailure } from '../report/test-data.js';
import { TOOL_VERSION } from './version.js';
import type { RuleDef } from '../rules/types.js';
import { checkRuleValidators } from '../classify/validators/index.js';
import { displayExplain } from '../report/mask.js';
import { cappedThreads, type CommonOptions } from './options.js';

export { addCommonOptions, cappedThreads, MAX_THREADS_PER_CPU, type CommonOptions } from './options.js';

export interface RunSetup {
  loaded: LoadedConfig;
  /** Detection rules after the config's additions and removals, validated. */
  rules: RuleDef[];
  regime: Regime;
  ruleOptions: LoadRulesOptions;
  ctx: ReportContext;
  failOn: 'none' | Level;
  includeTestData: boolean;
}

let notedCatalogue = false;

/** `scanPath`: the first path scanned (files), where the search for .pdscan.yml starts. */
export function setup(opts: CommonOptions, cwd: string, scanPath?: string): RunSetup {
  opts.threads = cappedThreads(opts.threads);
  checkInventoryNames(opts.inventory);
  const loaded = loadConfig(opts.config, cwd, scanPath);
  const { config } = loaded;
  const regime = opts.law ?? config.law ?? 'pdpl-2025';
  const ruleOptions: LoadRulesOptions = {
    extraFiles: config.rule_files,
    extraRules: config.rules,
    disable: config.disable_rules,
  };
  // Load once here so that a broken rule file fails before any work starts (exit 2).
  const rules = loadRules(ruleOptions);
  const note = catalogueNote();
  if (note && !notedCatalogue) process.stderr.write(`pdscan: note: ${note}\n`);
  notedCatalogue = true;
  const configName = loaded.file ? path.relative(cwd, loaded.file) || loaded.file : '.pdscan.yml';
  checkUserRules(
    { configName, inline: config.rules, files: config.rule_files?.map((f) => ({ display: path.relative(cwd, f) || f, rules: loadPackFile(f) })), disable: config.disable_rules },
    loadRules(),
  );
  checkRuleValidators(rules);
  const ctx: ReportContext = {
    regime,
    showData: opts.showData ?? false,
    explain: opts.explain ?? false,
    cwd,
    toolVersion: TOOL_VERSION,
    // Every rule family describes itself, so SARIF rules get real help whatever source found them.
    rules: ruleCatalog(rules),
    color: opts.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR,
    ...(loaded.file ? { configFile: path.relative(cwd, loaded.file) || loaded.file } : {}),
  };
  const includeTestData = opts.includeTestData ?? config.include_test_data ?? false;
  return { loaded, rules, regime, ruleOptions, ctx, failOn: opts.failOn ?? config.fail_on ?? 'none', includeTestData };
}

/** Config allowlist, --min-confidence and the test-data policy, applied the same way to every source. */
export function postProcess(result: ScanResult, opts: CommonOptions, s: RunSetup): ScanResult {
  const min = opts.minConfidence ?? s.loaded.config.min_confidence ?? 'low';
  const findings = applyTestDataPolicy(
    applyAllowlist(result.findings, s.loaded.config.allowlist).filter((f: Finding) => compareConfidence(f.confidence, min) >= 0),
    s.includeTestData,
  );
  return { ...result, target: withSource(result.target, s.ctx.cwd, opts.sourceName), findings };
}

function write(file: string, content: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, content);
}

/** Writes every requested output and returns the exit code from --fail-on. */
export async function emit(scanned: ScanResult[], opts: CommonOptions, s: RunSetup): Promise<number> {
  // Explanations quote values and what they encode: masked like every other output.
  const results = s.ctx.explain ? scanned.map((r) => maskExplanations(r, s.ctx.showData)) : scanned;
  const render = (format: 'text' | 'json' | 'sarif', color: boolean) => {
    if (format === 'sarif') return `${JSON.stringify(toSarif(results, s.ctx), null, 2)}\n`;
    if (format === 'json') return `${JSON.stringify(toJson(results, s.ctx), null, 2)}\n`;
    return toText(results, { ...s.ctx, color });
  };
  const format = opts.format ?? 'text';
  if (opts.output) write(opts.output, render(format, false));
  else process.stdout.write(render(format, s.ctx.color ?? false));
  if (opts.sarif) write(opts.sarif, render('sarif', false));
  if (opts.json) write(opts.json, render('json', false));
  if (opts.inventory?.length) {
    await writeInventories(results, opts.inventory, opts.lang ?? 'vi', { regime: s.regime, ctx: s.ctx, config: s.loaded.config.inventory });
  }
  return exitCodeFor(results, s);
}

function maskExplanations(result: ScanResult, showData: boolean): ScanResult {
  if (showData) return result;
  return { ...result, findings: result.findings.map((f) => (f.explain ? { ...f, explain: displayExplain(f.explain, f.value, false) } : f)) };
}

export function exitCodeFor(results: ScanResult[], s: Pick<RunSetup, 'failOn' | 'regime'> & { includeTestData?: boolean }): number {
  if (s.failOn === 'none') return 0;
  const threshold = LEVEL_ORDER[s.failOn];
  const include = s.includeTestData ?? false;
  const failing = results.some((r) => r.findings.some((f) => countsForFailure(f, include) && LEVEL_ORDER[findingLevel(f, s.regime)] >= threshold));
  return failing ? 1 : 0;
}
