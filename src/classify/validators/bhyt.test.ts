import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { BHYT_GROUPS, bhyt } from './bhyt.js';

describe('bhyt', () => {
  test.each(['DN4010123456789', 'HS 4 01 0120878811', 'GD4790123456789', 'TE1790123456789', 'CC1010123456789', 'DN4 01 0123456789'])(
    'valid: %s',
    (v) => {
      const r = bhyt(v);
      expect(r.valid).toBe(true);
      expect(r.strong).toBe(true);
    },
  );
  test.each([
    ['ZZ4010123456789', 'unknown group'],
    ['DN6010123456789', 'level 6'],
    ['DN0010123456789', 'level 0'],
    ['DN4000123456789', 'province 00'],
    ['DN4011111111111', 'BHXH number one digit'],
    ['DN401012345678', '14 chars'],
    ['dn4010123456789', 'lower case'],
  ])('invalid: %s (%s)', (v) => expect(bhyt(v).valid).toBe(false));

  test('property: listed group + level 1-5 + province 01-99 + 10 varied digits is valid', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BHYT_GROUPS),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 99 }),
        fc.stringMatching(/^[0-9]{10}$/).filter((s) => !/^(\d)\1{9}$/.test(s)),
        (g, l, p, n) => {
          expect(bhyt(`${g}${l}${String(p).padStart(2, '0')}${n}`).valid).toBe(true);
        },
      ),
    );
  });
});
