import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { luhnCheckDigit } from './luhn.js';
import { napas } from './napas.js';

describe('napas', () => {
  test.each(['9704361234567895', '9704 3612 3456 7895', '9704181234567890128', '9704159876543210'])('valid: %s', (v) => {
    const r = napas(v);
    expect(r.valid).toBe(true);
    expect(r.strong).toBe(true);
  });
  test('names the bank from its BIN', () => {
    expect(napas('9704361234567895').reason).toContain('Vietcombank');
  });
  test.each([
    ['9704361234567890', 'Luhn fails'],
    ['9704198526191432198', 'VNPay sandbox card'],
    ['9704000000000018', 'sandbox card'],
    ['970436123456789', '15 digits'],
    ['4532015112830366', 'not 9704'],
    ['9704-3612 3456 7895', 'mixed separators'],
  ])('invalid: %s (%s)', (v) => expect(napas(v).valid).toBe(false));
  test('property: 9704 + 11 digits + Luhn digit is valid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/).filter((s) => !/^(\d)\1+$/.test(s.slice(2))), (rest) => {
        const p = `9704${rest}`;
        expect(napas(p + luhnCheckDigit(p)).valid).toBe(true);
      }),
    );
  });
});
