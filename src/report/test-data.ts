/**
 * What a value finding is worth by where it was found and what it looks like (issue 12): realistic
 * values in application source and data files keep their level (in source, only those in a record
 * with a realistic name, phone, e-mail or ID number, or naming a person themselves); synthetic values, and any value in
 * tests, documentation, translation catalogues, assets or example configuration, become notes that
 * do not fail `--fail-on`; clear placeholders (x@y.com, your-password) are dropped. With
 * `--include-test-data` (or `include_test_data: true`) every finding keeps its level as before.
 */
import { isValueFinding, type Finding } from '../model/finding.js';

const PRIMARY_CONTEXTS = new Set(['source', 'data']);

/** A value found in test/docs/i18n/asset/config-example context, or a synthetic value. */
export function isTestData(f: Finding): boolean {
  if (!isValueFinding(f)) return false;
  const context = f.properties?.context;
  if (typeof context === 'string' && !PRIMARY_CONTEXTS.has(context)) return true;
  // A value in source with no realistic identifier in its record (see src/scan/value-context.ts).
  return f.properties?.synthetic === true || f.properties?.lone === true;
}

export function isPlaceholder(f: Finding): boolean {
  return isValueFinding(f) && f.properties?.placeholder === true;
}

export function applyTestDataPolicy(findings: Finding[], includeTestData: boolean): Finding[] {
  if (includeTestData) return findings;
  return findings
    .filter((f) => !isPlaceholder(f))
    .map((f) => (isTestData(f) && f.level !== 'low' ? { ...f, level: 'low', explain: [...(f.explain ?? []), 'test or sample data: reported as a note (--include-test-data keeps its level)'] } : f));
}

/** Whether a finding counts for --fail-on. */
export function countsForFailure(f: Finding, includeTestData: boolean): boolean {
  return !f.suppression && (includeTestData || !isTestData(f));
}
