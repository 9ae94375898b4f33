import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mrz, mrzCheckDigit } from './mrz.js';

const cd = (s: string) => String(mrzCheckDigit(s));

/** Build a synthetic TD3 line 2 with correct check digits. */
function td3(doc: string, nat: string, dob: string, sex: string, exp: string, personal: string): string {
  const a = doc + cd(doc) + nat + dob + cd(dob) + sex + exp + cd(exp) + personal + cd(personal);
  return a + cd(a.slice(0, 10) + a.slice(13, 20) + a.slice(21, 43));
}

describe('mrz', () => {
  test('ICAO 9303 worked example: check digit of 520727 is 3, of L898902C3 is 6', () => {
    expect(mrzCheckDigit('520727')).toBe(3);
    expect(mrzCheckDigit('L898902C3')).toBe(6);
  });

  test('ICAO 9303 specimen passport line 2 is valid', () => {
    expect(mrz('L898902C36UTO7408122F1204159ZE184226B<<<<<10').valid).toBe(true);
  });

  const line2 = 'C1234567<0VNM9001158F3001156079190012345<<76';
  test.each([
    line2,
    `P<VNMTRAN<<THI<MAI<<<<<<<<<<<<<<<<<<<<<<<<<<\n${line2}`,
    'IDVNM0791900129<079190012345<<\n9001158F3001156VNM<<<<<<<<<<<3',
    'IDVNM0791900129<079190012345<<\n9001158F3001156VNM<<<<<<<<<<<3\nTRAN<<THI<MAI<<<<<<<<<<<<<<<<<',
  ])('valid: %s', (v) => {
    const r = mrz(v);
    expect(r.valid).toBe(true);
    expect(r.strong).toBe(true);
  });

  test.each([
    ['C1234567<1VNM9001158F3001156079190012345<<76', 'document check digit'],
    ['C1234567<0VNM9001159F3001156079190012345<<76', 'birth date check digit'],
    ['C1234567<0VNM9001158F3001157079190012345<<76', 'expiry check digit'],
    ['C1234567<0VNM9001158F3001156079190012345<<75', 'composite'],
    ['IDVNM0791900128<079190012345<<\n9001158F3001156VNM<<<<<<<<<<<3', 'TD1 document check digit'],
    ['C1234567<0VNM9001158F300115607919001234', 'too short'],
    ['c1234567<0vnm9001158f3001156079190012345<<76', 'lower case'],
  ])('invalid: %s (%s)', (v) => expect(mrz(v).valid).toBe(false));

  test('property: generated TD3 lines are valid; changing one digit of the birth date breaks them', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][0-9]{7}<$/), digits(6), digits(6), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 9 }), (doc, dob, exp, pos, delta) => {
        const l = td3(doc, 'VNM', dob, 'M', exp, '<<<<<<<<<<<<<<');
        expect(mrz(l).valid).toBe(true);
        const i = 13 + pos;
        const broken = l.slice(0, i) + String((Number(l[i]) + delta) % 10) + l.slice(i + 1);
        expect(mrz(broken).valid).toBe(false);
      }),
    );
  });
});
