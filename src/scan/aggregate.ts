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

export function aggregateValues(rel: string, findings: Finding[], bulk = isBulkDataFile(rel)): Finding[] {
  const values = findings.filter((f) => f.kind === 'value');
  if (values.length === 0) return findings;
  const byCategory = new Map<string, Finding[]>();
  for (const f of values) {
    const list = byCategory.get(f.category) ?? [];
    list.push(f);
    byCategory.set(f.category, list);
  }
  const out: Finding[] = findings.filter((f) => f.kind !== 'value');
  for (const [categoryId, list] of byCategory) {
    if (!bulk && list.length <= AGGREGATE_THRESHOLD) {
      out.push(...list);
      continue;
    }
    const acc = new CategoryAggregate();
    for (const f of list) acc.add(f);
    out.push(acc.finding(categoryId));
  }
  return out;
}

/**
 * One category's values in one file, added one at a time: a streamed file adds each chunk's
 * values and keeps only the counts, the best and first finding and a few locations.
 */
class CategoryAggregate {
  /** The file's context, and synthetic/placeholder only when every aggregated value is. */
  private valueFacts(): Record<string, unknown> {
    const facts: Record<string, unknown> = {};
    const context = this.first?.properties?.context;
    if (context !== undefined) facts.context = context;
    if (this.anySynthetic) facts.synthetic = this.allSynthetic;
    if (this.allPlaceholder) facts.placeholder = true;
    return facts;
  }

  private count = 0;
  private readonly ruleCounts = new Map<string, number>();
  private best: Finding | undefined;
  private first: Finding | undefined;
  private readonly sampleLocations: Location[] = [];
  private anySynthetic = false;
  private allSynthetic = true;
  private allPlaceholder = true;

  add(f: Finding): void {
    this.count++;
    if (f.properties?.synthetic !== undefined) this.anySynthetic = true;
    if (f.properties?.synthetic !== true) this.allSynthetic = false;
    if (f.properties?.placeholder !== true) this.allPlaceholder = false;
    this.ruleCounts.set(f.ruleId, (this.ruleCounts.get(f.ruleId) ?? 0) + 1);
    const best = this.best;
    if (!best || compareConfidence(f.confidence, best.confidence) > 0 || (f.confidence === best.confidence && f.score > best.score)) this.best = f;
    this.first ??= f;
    if (this.sampleLocations.length < SAMPLE_LOCATIONS && f.location) this.sampleLocations.push(f.location);
  }

  finding(categoryId: string): Finding {
    const { count, ruleCounts } = this;
    const best = this.best!;
    const first = this.first!;
    const topRule = [...ruleCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    return {
      ruleId: topRule,
      kind: 'aggregate',
      category: categoryId,
      categories: [categoryId],
      confidence: best.confidence,
      score: best.score,
      message: `${count} value${count === 1 ? '' : 's'} of this category in a data file (first: ${best.message})`,
      value: first.value,
      location: first.location,
      count,
      sampleLocations: [...this.sampleLocations],
      explain: [`aggregated ${count} findings of rules ${[...ruleCounts.keys()].sort().join(', ')}`, ...(best.explain ?? [])],
      properties: { ...this.valueFacts(), rules: Object.fromEntries([...ruleCounts.entries()].sort()) },
    };
  }
}

/** Value findings of a streamed bulk file, chunk by chunk: one aggregate per category at the end. */
export class StreamAggregator {
  private readonly byCategory = new Map<string, CategoryAggregate>();
  private readonly others: Finding[] = [];
  /** Text of the lines the reported findings point at, for their fingerprints at the end. */
  private readonly lineTexts = new Map<number, string>();

  /** `lineText` reads a line of the current chunk by its line number in the file. */
  add(findings: readonly Finding[], lineText: (line: number) => string): void {
    const keep = (f: Finding) => {
      if (f.location && !this.lineTexts.has(f.location.line)) this.lineTexts.set(f.location.line, lineText(f.location.line));
    };
    for (const f of findings) {
      if (f.kind !== 'value') {
        this.others.push(f);
        keep(f);
        continue;
      }
      let acc = this.byCategory.get(f.category);
      if (!acc) {
        this.byCategory.set(f.category, (acc = new CategoryAggregate()));
        keep(f);
      }
      acc.add(f);
    }
  }

  findings(): { findings: Finding[]; lineText: (line: number) => string } {
    const findings = [...this.others, ...[...this.byCategory].map(([id, acc]) => acc.finding(id))];
    return { findings, lineText: (line) => this.lineTexts.get(line) ?? '' };
  }
}
