import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { LANDLINE_AREAS, MOBILE_PREFIXES, nationalNumber, phoneKind, vnPhone } from './vn-phone.js';

describe('vn-phone', () => {
  test.each([
    '0912345678', '0912 345 678', '0912.345.678', '0912-345-678', '091 234 5678', '+84 912 345 678', '+84912345678',
    '(+84) 912345678', '+(84) 912 345 678', '0084 912 345 678', '84912345678', '+84 (0) 912 345 678', '0359876543',
    '0523456789', '0703123456', '0812345678', '0868123456', '0991234567',
  ])('valid mobile (strong): %s', (v) => {
    const r = vnPhone(v);
    expect(r.valid).toBe(true);
    expect(r.strong).toBe(true);
  });

  test.each(['(028) 3822 1234', '024 3825 1234', '02838221234', '0236 3822 123', '+84 28 3822 1234', '+84 236 3822 123', '0292.3822.123'])(
    'valid landline (weak): %s',
    (v) => {
      const r = vnPhone(v);
      expect(r.valid).toBe(true);
      expect(r.strong).toBe(false);
    },
  );

  test.each([
    ['1900 1234', 'hotline'],
    ['19001234', 'hotline'],
    ['1800 6789', 'hotline'],
    ['0123 456 7890', 'retired 01x'],
    ['01681234567', 'retired 01x'],
    ['0123456789', 'invalid prefix 012'],
    ['0612345678', 'invalid prefix 061'],
    ['0800123456', '080 is not mobile'],
    ['091234567', '9 digits'],
    ['09123456789', '11-digit mobile'],
    ['0999999999', 'filler'],
    ['0 912 345 678', 'one-digit group'],
    ['+1 912 345 678', 'foreign country code'],
    ['0201234567', 'landline too short'],
    ['0217 3822 123', '0217 is no area code'],
    ['028 0822 1234', 'subscriber cannot start with 0'],
  ])('invalid: %s (%s)', (v) => expect(vnPhone(v).valid).toBe(false));

  test('nationalNumber normalises international forms', () => {
    expect(nationalNumber('+84 912 345 678')).toBe('0912345678');
    expect(nationalNumber('0084912345678')).toBe('0912345678');
    expect(nationalNumber('84912345678')).toBe('0912345678');
    expect(nationalNumber('+84 (0) 28 3822 1234')).toBe('02838221234');
    expect(nationalNumber('+1 415 555 0100')).toBeUndefined();
  });

  test('property: every listed mobile prefix + 7 varied digits is a mobile number in all written forms', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MOBILE_PREFIXES), fc.stringMatching(/^[0-9]{7}$/).filter((s) => !/^(\d)\1{6}$/.test(s)), (p, rest) => {
        const n = p + rest;
        expect(phoneKind(n)).toBe('mobile');
        for (const form of [n, `+84${n.slice(1)}`, `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`, `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`]) {
          expect(vnPhone(form).valid).toBe(true);
        }
      }),
    );
  });

  test('property: a 4-digit area code + 7 digits starting 2-9 is a landline', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANDLINE_AREAS), fc.stringMatching(/^[2-9][0-9]{6}$/).filter((s) => !/^(\d)\1{6}$/.test(s)), (a, sub) => {
        expect(vnPhone(`0${a} ${sub.slice(0, 3)} ${sub.slice(3)}`).valid).toBe(true);
      }),
    );
  });
});
