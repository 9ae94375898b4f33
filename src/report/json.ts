/** JSON output: the finding model with derived fields (sensitive, legalRefs, level) and masked values. */
import type { Finding } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import { findingKinds, findingPrecaution, findingSensitive } from '../model/categories.js';
import { findingLegalRefs } from './rule-meta.js';
import { displayValue } from './mask.js';
import { findingLevel } from './level.js';
import { findingMessage } from './sarif.js';
import type { ReportContext } from './context.js';

export function findingToJson(f: Finding, ctx: ReportContext): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    kind: f.kind,
    category: f.category,
    categories: f.categories,
    sensitive: findingSensitive(f, ctx.regime),
    ...(findingPrecaution(f, ctx.regime) ? { precaution: true } : {}),
    legalRefs: findingLegalRefs(f.ruleId, findingKinds(f), ctx.rules),
    confidence: f.confidence,
    score: f.score,
    level: findingLevel(f, ctx.regime),
    message: findingMessage(f, ctx.showData),
    ...(f.value !== undefined ? { value: displayValue(f.value, ctx.showData) } : {}),
    ...(f.location ? { location: f.location } : {}),
    ...(f.logicalLocations ? { logicalLocations: f.logicalLocations } : {}),
    ...(f.flow ? { flow: f.flow } : {}),
    ...(f.count !== undefined ? { count: f.count, sampleLocations: f.sampleLocations } : {}),
    ...(f.suppression ? { suppression: f.suppression } : {}),
    fingerprint: f.fingerprint,
    ...(f.properties ? { properties: f.properties } : {}),
    ...(ctx.explain && f.explain ? { explain: f.explain } : {}),
  };
}

export function toJson(results: ScanResult[], ctx: ReportContext): object {
  return {
    tool: { name: 'pdscan', version: ctx.toolVersion },
    regime: ctx.regime,
    targets: results.map((r) => r.target),
    summary: summarize(results, ctx),
    findings: results.flatMap((r) => r.findings.map((f) => findingToJson(f, ctx))),
    evidence: results.flatMap((r) => r.evidence),
    problems: results.flatMap((r) => r.problems),
    skippedBinary: results.flatMap((r) => r.skippedBinary ?? []),
    skippedMinified: results.flatMap((r) => r.skippedMinified ?? []),
    stats: Object.assign({}, ...results.map((r) => r.stats)) as Record<string, number>,
  };
}

export function summarize(results: ScanResult[], ctx: ReportContext) {
  const byCategory: Record<string, number> = {};
  const byLevel: Record<string, number> = { high: 0, medium: 0, low: 0 };
  const sensitive = new Set<string>();
  let suppressed = 0;
  for (const f of results.flatMap((r) => r.findings)) {
    if (f.suppression) {
      suppressed++;
      continue;
    }
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    // A category is sensitive by law when one of its findings is (blood type: not under decree-13).
    if (findingSensitive(f, ctx.regime)) sensitive.add(f.category);
    byLevel[findingLevel(f, ctx.regime)]!++;
  }
  const sensitiveCategories = [...sensitive].sort();
  return { findings: Object.values(byLevel).reduce((a, b) => a + b, 0), byLevel, byCategory, sensitiveCategories, suppressed };
}
