import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { EMPTY, MAX_LABELS, MAX_STEPS, hasPending, isLive, labelKey, protect, union, unionAll, withStep, type Label, type Step } from './taint.js';

const step = (line: number): Step => ({ path: 'a.ts', line, column: 1, message: `s${line}` });
const cat = (c: string, field = c): Label => ({ k: 'cat', cat: c, conf: 'high', field, steps: [step(1)] });

describe('taint values', () => {
  test('union keeps one label per key and returns the same array when nothing is new', () => {
    const a = [cat('phone')];
    expect(union(a, [cat('phone')])).toBe(a);
    expect(union(a, EMPTY)).toBe(a);
    expect(union(EMPTY, a)).toBe(a);
    expect(union(a, [cat('email')]).map(labelKey)).toEqual(['c:phone:phone', 'c:email:email']);
  });

  test('union is capped', () => {
    const many = Array.from({ length: 100 }, (_, i) => cat('phone', `f${i}`));
    expect(unionAll(many.map((l) => [l])).length).toBeLessThanOrEqual(MAX_LABELS);
  });

  test('withStep appends to every path but keeps paths bounded', () => {
    let t: readonly Label[] = [cat('phone')];
    for (let i = 2; i < 40; i++) t = withStep(t, step(i));
    const l = t[0]!;
    expect(l.k).toBe('cat');
    if (l.k === 'cat') {
      expect(l.steps.length).toBeLessThanOrEqual(MAX_STEPS);
      expect(l.steps[0]!.line).toBe(1); // the source survives
      expect(l.steps[l.steps.length - 1]!.line).toBe(39); // the latest step survives
    }
  });

  test('protected values are not live and keep the categories they hide', () => {
    const p = protect([cat('credentials'), cat('phone')], 'hashing:bcrypt');
    expect(isLive(p)).toBe(false);
    expect(p[0]).toMatchObject({ k: 'prot', how: 'hashing:bcrypt', cats: ['credentials', 'phone'] });
  });

  test('pending means a parameter or type label remains', () => {
    expect(hasPending([cat('phone')])).toBe(false);
    expect(hasPending([{ k: 'type', type: 'User', steps: [] }])).toBe(true);
    expect(hasPending([{ k: 'param', fn: 'a#f', index: 0, name: 'x', steps: [] }])).toBe(true);
  });

  test('union is idempotent and commutative on keys (property)', () => {
    const arb = fc.array(fc.constantFrom('phone', 'email', 'health', 'address'), { maxLength: 8 }).map((cs) => cs.map((c) => cat(c)));
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const ab = new Set(union(a, b).map(labelKey));
        const ba = new Set(union(b, a).map(labelKey));
        expect(ab).toEqual(ba);
        expect(union(union(a, b), b).map(labelKey)).toEqual(union(a, b).map(labelKey));
      }),
    );
  });
});
