import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { luhnCheckDigit } from './luhn.js';
import { TEST_CARDS, cardBrand, paymentCard } from './payment-card.js';

describe('payment-card', () => {
  test.each([
    ['4532015112830366', 'Visa'],
    ['4532 0151 1283 0366', 'Visa'],
    ['5523-4567-8901-2342', 'Mastercard'],
    ['371234567890120', 'American Express'],
    ['3567123456789014', 'JCB'],
    ['6201234567890123', 'UnionPay'],
  ])('valid: %s (%s)', (v, brand) => {
    const r = paymentCard(v);
    expect(r.valid).toBe(true);
    expect(r.strong).toBe(true);
    expect(cardBrand(v.replace(/\D/g, ''))).toBe(brand);
  });

  test.each([
    ['4111111111111111', 'test card'],
    ['4242 4242 4242 4242', 'test card'],
    ['5555555555554444', 'test card'],
    ['378282246310005', 'test card'],
    ['4532015112830367', 'Luhn fails'],
    ['1732377600123456', 'no brand starts with 1'],
    ['9704361234567895', 'NAPAS is another validator'],
    ['4532-0151 1283-0366', 'mixed separators'],
    ['5523456789012', 'Mastercard has 16 digits'],
    ['4000000000000000', 'filler'],
  ])('invalid: %s (%s)', (v) => expect(paymentCard(v).valid).toBe(false));

  test('every listed test card passes Luhn (so the list, not the checksum, rejects them)', () => {
    for (const c of TEST_CARDS) expect(paymentCard(c).reason).toMatch(/test card|filler/);
  });

  test('property: Visa 16 digits with a Luhn digit is valid unless a test card; one changed digit is invalid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^4[0-9]{14}$/), fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 9 }), (p, i, delta) => {
        const v = p + luhnCheckDigit(p);
        fc.pre(!TEST_CARDS.has(v) && !/^4(\d)\1+$/.test(v));
        expect(paymentCard(v).valid).toBe(true);
        const changed = v.slice(0, i) + String((Number(v[i]) + delta) % 10) + v.slice(i + 1);
        expect(paymentCard(changed).valid).toBe(false);
      }),
    );
  });
});
