import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mst, mstCheckDigit } from './mst.js';

describe('mst', () => {
  test.each(['0101234565', '0312345673', '8001234566', '8702345673', '0345678910', '0101234565-001', '0101234565001'])(
    'valid: %s',
    (v) => expect(mst(v).valid).toBe(true),
  );

  test.each([
    ['0101234566', 'wrong check digit'],
    ['8001234567', 'wrong check digit'],
    ['0100000000', 'sequence all zeros'],
    ['0101234565-000', 'branch 000'],
    ['010123456', '9 digits'],
    ['01012345650', '11 digits'],
  ])('invalid: %s (%s)', (v) => expect(mst(v).valid).toBe(false));

  test('a weighted sum divisible by 11 has no valid check digit', () => {
    expect(mstCheckDigit('110000000')).toBe(5); // 31 + 29 = 60 ≡ 5 (mod 11) → 10 − 5
    const zeroSum = Array.from({ length: 100000 }, (_, i) => String(i + 100000000)).find((p) => mstCheckDigit(p) === undefined)!;
    for (let d = 0; d <= 9; d++) expect(mst(zeroSum + d).valid).toBe(false);
  });

  test('property: any 9 digits + computed check digit is valid (when one exists)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), (p) => {
        const c = mstCheckDigit(p);
        fc.pre(c !== undefined && c <= 9 && p.slice(2) !== '0000000');
        expect(mst(p + c).valid).toBe(true);
      }),
    );
  });

  test('property: changing the check digit breaks it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), fc.integer({ min: 1, max: 9 }), (p, delta) => {
        const c = mstCheckDigit(p);
        fc.pre(c !== undefined && c <= 9);
        expect(mst(p + ((c + delta) % 10)).valid).toBe(false);
      }),
    );
  });
});
