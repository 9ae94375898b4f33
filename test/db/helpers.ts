import type { Finding } from '../../src/model/finding.js';
import type { ScanResult } from '../../src/model/result.js';
import { compareConfidence } from '../../src/model/finding.js';
import type { RuleDef } from '../../src/rules/types.js';

/** "table.column" or "table.column → path" (SQL), "collection.path" (MongoDB). */
export function keyOf(f: Finding): string {
  const p = f.properties as { table: string; column: string; path?: string; engine: string };
  if (p.engine === 'mongodb') return `${p.table}.${p.path ?? p.column}`;
  return p.path ? `${p.table}.${p.column} → ${p.path}` : `${p.table}.${p.column}`;
}

/** Column findings by key (risk findings about the same column are left out). */
export function byKey(r: ScanResult): Map<string, Finding> {
  return new Map(r.findings.filter((f) => f.kind === 'column').map((f) => [keyOf(f), f]));
}

export function risksOf(r: ScanResult, ruleId: string): string[] {
  return r.findings.filter((f) => f.ruleId === ruleId).map(keyOf).sort();
}

/** Mismatches between expected categories and what a scan found (empty when all is well). */
export function checkExpected(r: ScanResult, expected: Record<string, string>, notPersonal: string[]): string[] {
  const found = byKey(r);
  const errors: string[] = [];
  for (const [key, category] of Object.entries(expected)) {
    const f = found.get(key);
    if (!f) errors.push(`${key}: not found (expected ${category})`);
    // "health/blood-type": reported as category health with the sub-kind blood-type.
    else {
      const [cat, sub] = category.split('/');
      if (!f.categories.includes(cat!) || (sub && f.properties?.subcategory !== sub)) {
        errors.push(`${key}: ${f.categories.join(',')}${f.properties?.subcategory ? `/${String(f.properties.subcategory)}` : ''} (${f.confidence}), expected ${category}`);
      }
    }
  }
  for (const key of notPersonal) {
    const f = found.get(key);
    if (f && compareConfidence(f.confidence, 'low') > 0) errors.push(`${key}: not personal, but reported ${f.category} at ${f.confidence}`);
  }
  return errors;
}

/**
 * Small, stable rules for tests that check mechanics (sampling, safety, outputs) rather than the
 * tuning of the built-in packs.
 */
export const TEST_RULES: RuleDef[] = [
  {
    id: 'test-phone',
    category: 'phone',
    name: 'Test phone',
    patterns: ['(?:^|[^0-9])(0[35789]\\d{8})(?:[^0-9]|$)'],
    value_group: 1,
    validator: 'vn-phone',
    score: 0.5,
    context: { words: ['số điện thoại', 'sdt', 'so dt', 'phone'] },
  },
  {
    id: 'test-email',
    category: 'digital-account',
    name: 'Test email',
    patterns: ['[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}'],
    score: 0.7,
  },
  {
    id: 'test-cccd',
    category: 'national-id',
    name: 'Test CCCD',
    patterns: ['(?:^|[^0-9])(0\\d{11})(?:[^0-9]|$)'],
    value_group: 1,
    validator: 'cccd',
    on_invalid: 'need-context',
    score: 0.5,
    context: { words: ['cccd', 'căn cước'] },
  },
];
