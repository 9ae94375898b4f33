import { describe, expect, test } from 'vitest';
import type { Finding } from '../model/finding.js';
import { applyTestDataPolicy, countsForFailure, isTestData } from './test-data.js';
import { findingLevel } from './level.js';

function value(props: Record<string, unknown>, kind: Finding['kind'] = 'value'): Finding {
  return { ruleId: 'vn-phone', kind, category: 'phone', categories: ['phone'], confidence: 'high', score: 0.9, message: 'Vietnamese mobile number', value: '0903817264', properties: props };
}

describe('test-data policy', () => {
  test('realistic values in source and data keep their level', () => {
    for (const context of ['source', 'data']) {
      const [f] = applyTestDataPolicy([value({ context, synthetic: false })], false);
      expect(findingLevel(f!, 'pdpl-2025')).toBe('medium');
      expect(countsForFailure(f!, false)).toBe(true);
    }
  });

  test('any value in test, docs, i18n, asset or config-example context becomes a note outside --fail-on', () => {
    for (const context of ['test', 'docs', 'i18n', 'asset', 'config-example']) {
      const [f] = applyTestDataPolicy([value({ context, synthetic: false })], false);
      expect(findingLevel(f!, 'pdpl-2025'), context).toBe('low');
      expect(f!.explain?.at(-1)).toContain('--include-test-data');
      expect(countsForFailure(f!, false)).toBe(false);
    }
  });

  test('a synthetic value in source is a note; an aggregate follows the same rule', () => {
    expect(findingLevel(applyTestDataPolicy([value({ context: 'source', synthetic: true })], false)[0]!, 'pdpl-2025')).toBe('low');
    expect(findingLevel(applyTestDataPolicy([value({ context: 'test' }, 'aggregate')], false)[0]!, 'pdpl-2025')).toBe('low');
  });

  test('a lone value in source (no realistic identifier in its record) is a note outside --fail-on unless --include-test-data', () => {
    const lone = { ...value({ context: 'source', synthetic: false, lone: true }), category: 'gender' as const, categories: ['gender' as const] };
    const [f] = applyTestDataPolicy([lone], false);
    expect(findingLevel(f!, 'pdpl-2025')).toBe('low');
    expect(countsForFailure(f!, false)).toBe(false);
    const [kept] = applyTestDataPolicy([lone], true);
    expect(findingLevel(kept!, 'pdpl-2025')).toBe('medium');
    expect(countsForFailure(kept!, true)).toBe(true);
  });

  test('clear placeholders are dropped; declarations and flows are never touched', () => {
    const flow: Finding = { ...value({ context: 'test' }), kind: 'flow' };
    const out = applyTestDataPolicy([value({ context: 'source', synthetic: true, placeholder: true }), flow], false);
    expect(out).toEqual([flow]);
    expect(isTestData(flow)).toBe(false);
  });

  test('--include-test-data keeps everything at its level and in --fail-on', () => {
    const all = [value({ context: 'test', synthetic: true, placeholder: true }), value({ context: 'docs' })];
    const out = applyTestDataPolicy(all, true);
    expect(out).toEqual(all);
    expect(out.every((f) => findingLevel(f, 'pdpl-2025') === 'medium' && countsForFailure(f, true))).toBe(true);
  });

  test('suppressed findings never count', () => {
    expect(countsForFailure({ ...value({ context: 'source' }), suppression: { kind: 'inSource' } }, true)).toBe(false);
  });
});
