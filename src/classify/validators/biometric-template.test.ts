import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { biometricTemplate } from './biometric-template.js';

const vec = (n: number) => `[${Array.from({ length: n }, (_, i) => (i % 2 ? -0.01 : 0.02) * (i + 1)).map((x) => x.toFixed(4)).join(', ')}]`;

describe('biometric-template', () => {
  test.each([
    vec(128),
    vec(8),
    '[0.1791, 0.1627, 0.0318, 0.0980, 0.0502, 0.0852, -0.0990, 0.0345, ...]',
    'Rk1SACAyMAAAAAFiAAABQAHgAMUAxQEAAAAoN0CGAB2PQ2SAgwAdOGUAg7BhVQCSAAhfYQC6AAxlY0C9AEBSXkBNAFlsYQ==',
    'a3f5'.repeat(30),
  ])('valid: %s', (v) => {
    expect(biometricTemplate(v.slice(0, 400)).valid).toBe(true);
  });
  test.each([vec(3), 'a3f5c2d1', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'List[float]'])(
    'invalid: %s',
    (v) => {
      expect(biometricTemplate(v).valid).toBe(false);
    },
  );
  test('property: vectors of 8+ numbers pass, shorter ones fail', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (xs) => {
      const v = `[${xs.map((x) => x.toFixed(4)).join(', ')}]`;
      return biometricTemplate(v).valid === xs.length >= 8;
    }));
  });
});
