import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { PLATE_LOCALITIES, vnPlate } from './vn-plate.js';

describe('vn-plate', () => {
  test.each(['30A-123.45', '51F-12345', '29A-1234', '59-X1 123.45', '29-B1 12345', '30A 12345', '51LD-123.45', '59X1-12345', '30A123.45'])(
    'valid formatted plate (strong): %s',
    (v) => {
      const r = vnPlate(v);
      expect(r.valid).toBe(true);
      expect(r.strong).toBe(true);
    },
  );
  test('a compact plate is valid but weak', () => {
    const r = vnPlate('29A12345');
    expect(r.valid).toBe(true);
    expect(r.strong).toBe(false);
  });
  test.each([
    ['42A-123.45', 'unused locality 42'],
    ['10A-123.45', 'locality 10 does not exist'],
    ['96C-12345', 'unused locality 96'],
    ['30I-123.45', 'letter I'],
    ['30O-12345', 'letter O'],
    ['30W-12345', 'letter W'],
    ['30A-000.00', 'all zeros'],
    ['1.2.3', 'version'],
    ['30A-123', 'too short'],
  ])('invalid: %s (%s)', (v) => expect(vnPlate(v).valid).toBe(false));
  test('property: every assigned locality with series A and 5 digits is valid', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLATE_LOCALITIES), fc.stringMatching(/^[0-9]{5}$/).filter((s) => s !== '00000'), (loc, n) => {
        expect(vnPlate(`${loc}A-${n.slice(0, 3)}.${n.slice(3)}`).valid).toBe(true);
      }),
    );
  });
});
