import { describe, expect, test } from 'vitest';
import { bankAccount, ean13Valid } from './bank-account.js';

describe('bank-account', () => {
  test.each(['0071000123456', '19031234567890', '2141983765', '2141 0000 123 456', '102345678912', '0912345678'])('valid: %s', (v) =>
    expect(bankAccount(v).valid).toBe(true),
  );
  test.each([
    ['11111111', 'filler'],
    ['123456789', 'sequence'],
    ['9876543210', 'sequence'],
    ['1900545413', 'hotline'],
    ['18001234', 'hotline'],
    ['5000000', 'round amount'],
    ['125500000', 'round amount'],
    ['20251125', 'date yyyymmdd'],
    ['25112025', 'date ddmmyyyy'],
    ['8931629355115', 'EAN-13 barcode'],
    ['8934567890120', 'EAN-13 barcode'],
    ['12345', 'too short'],
    ['12345678901234567890', 'too long'],
  ])('invalid: %s (%s)', (v) => expect(bankAccount(v).valid).toBe(false));
});

describe('ean13Valid', () => {
  test('known check digits', () => {
    expect(ean13Valid('4006381333931')).toBe(true);
    expect(ean13Valid('8934567890120')).toBe(true);
    expect(ean13Valid('8934567890123')).toBe(false);
  });
});
