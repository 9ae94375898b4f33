import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CCCD_PROVINCES, cccd, cccdValidator, parseCccd } from './cccd.js';

const at2026 = cccdValidator(() => new Date('2026-11-23T00:00:00Z'));
const codes = Object.keys(CCCD_PROVINCES);

describe('cccd', () => {
  test('the province table has the 63 official codes', () => {
    expect(codes).toHaveLength(63);
    expect(CCCD_PROVINCES['001']).toBe('Hà Nội');
    expect(CCCD_PROVINCES['079']).toBe('Hồ Chí Minh');
    expect(CCCD_PROVINCES['096']).toBe('Cà Mau');
    expect(CCCD_PROVINCES['003']).toBeUndefined();
  });

  test.each([
    ['079190012345', 'female born 1990 in HCMC'],
    ['001203004567', 'male born 2003 in Hà Nội'],
    ['036085001234', 'male born 1985 in Nam Định'],
    ['096326000001', 'female born 2026'],
    ['079 190 012 345', 'spaced'],
  ])('valid: %s (%s)', (v) => {
    const r = at2026(v);
    expect(r.valid).toBe(true);
    expect(r.strong).toBe(true);
  });

  test.each([
    ['003190012345', 'province 003 does not exist'],
    ['123456789012', 'province 123 does not exist'],
    ['079290012345', 'born 2090: future'],
    ['079227012345', 'born 2027: future'],
    ['079490012345', 'born 2190: future'],
    ['079190000000', 'serial all zeros'],
    ['07919001234', '11 digits'],
    ['0791900123456', '13 digits'],
  ])('invalid: %s (%s)', (v) => {
    expect(at2026(v).valid).toBe(false);
  });

  test('the birth-year limit follows the clock, not a constant', () => {
    const v = '079227012345'; // born 2027
    expect(cccdValidator(() => new Date('2026-12-31'))(v).valid).toBe(false);
    expect(cccdValidator(() => new Date('2027-01-01'))(v).valid).toBe(true);
    expect(cccd('001203004567').valid).toBe(true);
  });

  test('parseCccd reads sex and birth year', () => {
    expect(parseCccd('079190012345')).toEqual({ province: 'Hồ Chí Minh', male: false, birthYear: 1990 });
    expect(parseCccd('001203004567')).toEqual({ province: 'Hà Nội', male: true, birthYear: 2003 });
  });

  test('property: any listed province + century digit 0-3 + past year + non-zero serial is valid', () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.integer({ min: 1900, max: 2026 }), fc.boolean(), fc.integer({ min: 1, max: 999999 }), (p, year, male, serial) => {
        const cs = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
        const v = `${p}${cs}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
        expect(at2026(v).valid).toBe(true);
      }),
    );
  });

  test('property: a province code outside the list is invalid', () => {
    const bad = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0')).filter((c) => !codes.includes(c));
    fc.assert(
      fc.property(fc.constantFrom(...bad), fc.stringMatching(/^[0-9]{9}$/), (p, rest) => {
        expect(at2026(p + rest).valid).toBe(false);
      }),
    );
  });
});
