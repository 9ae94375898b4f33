import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { icd10 } from './icd10.js';

describe('icd10', () => {
  test.each(['I10', 'E11.9', 'J45.909', 'B20', 'U07.1', 'C50.9', 'O80', 'Z99.9', 'K93'])('valid: %s', (v) => {
    expect(icd10(v).valid).toBe(true);
  });
  test.each(['K99', 'E95', 'P97', 'D95', 'U99', '110', 'E1', 'EE11', 'E11.'])('invalid: %s', (v) => {
    expect(icd10(v).valid).toBe(false);
  });
  test('property: a chapter letter with digits inside its range is valid', () => {
    fc.assert(fc.property(fc.constantFrom(...'ABCFGIJLMNQRSTVWXYZ'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9 }), (l, n, d) => icd10(`${l}${String(n).padStart(2, '0')}.${d}`).valid));
  });
});
