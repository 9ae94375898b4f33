/**
 * Bulk data files (CSV, NDJSON, SQL dumps) would produce thousands of results: GitHub code
 * scanning caps a run at 25,000 and a reviewer cannot read them. They get one result per file
 * and category, with a count and the first locations. Other files aggregate past a threshold.
 */
import type { Finding, Location } from '../model/finding.js';
import { compareConfidence } from '../model/finding.js';

const BULK_EXT = /\.(csv|tsv|psv|ndjson|jsonl|sql|dump)$/i;
export const SAMPLE_LOCATIONS = 5;
/** Per file and category, more value findings than this are aggregated in any file. */
export const AGGREGATE_THRESHOLD = 50;

export function isBulkDataFile(rel: string): boolean {
  return BULK_EXT.test(rel);
}

export function aggregateValues(rel: string, findings: Finding[]): Finding[] {
  const values = findings.filter((f) => f.kind === 'value');
  if (values.length === 0) return findings;
  const byCategory = new Map<string, Finding[]>();
  for (const f of values) {
    const list = byCategory.get(f.category) ?? [];
    list.push(f);
    byCategory.set(f.category, list);
  }
  const bulk = isBulkDataFile(rel);
  const out: Finding[] = findings.filter((f) => f.kind !== 'value');
  for (const [categoryId, list] of byCategory) {
    if (!bulk && list.length <= AGGREGATE_THRESHOLD) {
      out.push(...list);
      continue;
    }
    out.push(aggregate(categoryId, list));
  }
  return out;
}

function aggregate(categoryId: string, list: Finding[]): Finding {
  const ruleCounts = new Map<string, number>();
  for (const f of list) ruleCounts.set(f.ruleId, (ruleCounts.get(f.ruleId) ?? 0) + 1);
  const topRule = [...ruleCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  const best = list.reduce((a, b) => (compareConfidence(b.confidence, a.confidence) > 0 || (b.confidence === a.confidence && b.score > a.score) ? b : a));
  const first = list[0]!;
  const sampleLocations: Location[] = list.slice(0, SAMPLE_LOCATIONS).map((f) => f.location!).filter(Boolean);
  return {
    ruleId: topRule,
    kind: 'aggregate',
    category: categoryId,
    categories: [categoryId],
    confidence: best.confidence,
    score: best.score,
    message: `${list.length} value${list.length === 1 ? '' : 's'} of this category in a data file (first: ${best.message})`,
    value: first.value,
    location: first.location,
    count: list.length,
    sampleLocations,
    explain: [`aggregated ${list.length} findings of rules ${[...ruleCounts.keys()].sort().join(', ')}`, ...(best.explain ?? [])],
    properties: { ...valueFacts(list), rules: Object.fromEntries([...ruleCounts.entries()].sort()) },
  };
}

/** The file's context, and synthetic/placeholder only when every aggregated value is. */
function valueFacts(list: Finding[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const context = list[0]!.properties?.context;
  if (context !== undefined) facts.context = context;
  if (list.some((f) => f.properties?.synthetic !== undefined)) facts.synthetic = list.every((f) => f.properties?.synthetic === true);
  if (list.every((f) => f.properties?.placeholder === true)) facts.placeholder = true;
  return facts;
}
