/**
 * Bank account numbers have no shared structure across Vietnamese banks (6-19 digits), so rules
 * demand context; this only removes what is clearly something else: filler and sequential digits,
 * 1800/1900 hotlines, round amounts ("5000000" next to a bank name is money, not an account), dates and
 * Vietnamese product barcodes (EAN-13 with GS1 prefix 893 and a valid check digit).
 */
import { digitsOf, fail, ok, type Validator } from './types.js';

/** EAN-13 check: weights 1,3,1,3... over the first 12 digits. */
export function ean13Valid(d: string): boolean {
  if (!/^\d{13}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (i % 2 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(d[12]);
}

/** yyyymmdd or ddmmyyyy with a plausible year (1900-2099) and a real month/day. */
export function isCompactDate(d: string): boolean {
  if (d.length !== 8) return false;
  const valid = (y: number, m: number, day: number) => y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
  return valid(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6))) || valid(Number(d.slice(4)), Number(d.slice(2, 4)), Number(d.slice(0, 2)));
}

export const bankAccount: Validator = (value) => {
  const d = digitsOf(value);
  if (d.length < 6 || d.length > 19) return fail(`${d.length} digits, accounts have 6-19`);
  if (/^(\d)\1+$/.test(d)) return fail('one digit repeated');
  if ('01234567890123456789'.includes(d) || '98765432109876543210'.includes(d)) return fail('a run of consecutive digits');
  if (/^(?:1800|1900)\d{4,6}$/.test(d)) return fail('1800/1900 hotline');
  if (/000$/.test(d) && d.length <= 12) return fail('ends in 000: an amount, not an account');
  if (isCompactDate(d)) return fail('a date (yyyymmdd / ddmmyyyy)');
  if (d.startsWith('893') && ean13Valid(d)) return fail('a Vietnamese EAN-13 product barcode (893...)');
  return ok('plausible account number');
};
