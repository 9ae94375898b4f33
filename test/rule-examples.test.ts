/**
 * Every rule file carries examples that must and must not match (gitleaks/Semgrep style).
 * This suite runs all of them, rule by rule, so a rule file cannot ship with a broken example.
 */
import { describe, expect, test } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { Classifier } from '../src/classify/engine.js';

const rules = loadRules();

describe('rule packs load', () => {
  test('there are rules for the detectors', () => {
    expect(rules.length).toBeGreaterThan(0);
  });
});

for (const rule of rules) {
  describe(`${rule.source} ${rule.id}`, () => {
    const classifier = new Classifier([rule]);
    test('has examples both ways', () => {
      expect(rule.examples?.match?.length ?? 0).toBeGreaterThan(0);
      expect(rule.examples?.no_match?.length ?? 0).toBeGreaterThan(0);
    });
    for (const ex of rule.examples?.match ?? []) {
      test(`matches: ${ex}`, () => {
        expect(classifier.classifyText(ex).map((m) => m.ruleId)).toContain(rule.id);
      });
    }
    for (const ex of rule.examples?.no_match ?? []) {
      test(`does not match: ${ex}`, () => {
        expect(classifier.classifyText(ex)).toEqual([]);
      });
    }
  });
}
