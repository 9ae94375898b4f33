import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { imei } from './imei.js';
import { luhnCheckDigit } from './luhn.js';

describe('imei', () => {
  test.each(['356789123456780', '35-678912-345678-0', '490154203237518'])('valid: %s', (v) => expect(imei(v).valid).toBe(true));
  test.each(['356789123456781', '35678912345678', '000000000000000'])('invalid: %s', (v) => expect(imei(v).valid).toBe(false));
  test('property: 14 digits + Luhn digit is an IMEI', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{14}$/).filter((s) => !/^(\d)\1+$/.test(s)), (p) => {
        expect(imei(p + luhnCheckDigit(p)).valid).toBe(true);
      }),
    );
  });
});
