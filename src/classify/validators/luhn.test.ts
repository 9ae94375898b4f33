import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { luhn, luhnCheckDigit, luhnValid } from './luhn.js';

describe('luhn', () => {
  test.each(['79927398713', '4532015112830366', '356789123456780', '0'])('valid: %s', (v) => expect(luhnValid(v)).toBe(true));
  test.each(['79927398710', '4532015112830367', '12a4', ''])('invalid: %s', (v) => expect(luhnValid(v)).toBe(false));
  test('validator reads digits through separators', () => {
    expect(luhn('4532 0151 1283 0366').valid).toBe(true);
    expect(luhn('4532 0151 1283 0367').valid).toBe(false);
  });
  test('property: payload + computed check digit is valid', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{1,20}$/), (p) => {
      expect(luhnValid(p + luhnCheckDigit(p))).toBe(true);
    }));
  });
  test('property: changing one digit breaks Luhn', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{5,18}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (p, at, delta) => {
        const v = p + luhnCheckDigit(p);
        const i = at % v.length;
        const changed = v.slice(0, i) + String((Number(v[i]) + delta) % 10) + v.slice(i + 1);
        expect(luhnValid(changed)).toBe(false);
      }),
    );
  });
});
