import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { latLng } from './lat-lng.js';

describe('lat-lng', () => {
  test.each(['10.776912, 106.700981', '21.028511 105.804817', '16.054407,108.202167', '-33.8688, 151.2093', '106.700981, 10.776912', '10.7769', '-105.8542'])(
    'valid: %s',
    (v) => expect(latLng(v).valid).toBe(true),
  );
  test('a pair inside Vietnam is strong, elsewhere weak', () => {
    expect(latLng('10.776912, 106.700981').strong).toBe(true);
    expect(latLng('-33.8688, 151.2093').strong).toBe(false);
  });
  test.each([
    ['12.500, 106.000', 'prices with thousands dots'],
    ['95.123456, 106.700981', 'latitude out of range'],
    ['10.776912, 186.700981', 'longitude out of range'],
    ['0.0000, 0.0000', 'null island'],
    ['0.1369, 0.1235', 'embedding components'],
    ['10.5', 'too few decimals'],
    ['190.12345', 'out of range'],
    ['1.2.3', 'version'],
    ['10.77, 106.70', 'too few decimals'],
  ])('invalid: %s (%s)', (v) => expect(latLng(v).valid).toBe(false));

  test('property: any lat/lng with 5 decimals in range is valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: -89_99999, max: 89_99999 }), fc.integer({ min: -179_99999, max: 179_99999 }), (a, b) => {
        fc.pre(Math.abs(a) >= 1e5 || Math.abs(b) >= 1e5);
        expect(latLng(`${(a / 1e5).toFixed(5)}, ${(b / 1e5).toFixed(5)}`).valid).toBe(true);
      }),
    );
  });
});
