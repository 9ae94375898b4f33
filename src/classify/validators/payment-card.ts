/**
 * International payment card numbers (PAN): issuer range and length by brand, Luhn checksum, and
 * the well-known test numbers of payment gateways rejected (they are documentation, not customers).
 * Domestic NAPAS cards (9704...) have their own validator (napas.ts).
 */
import { luhnValid } from './luhn.js';
import { digitsOf, fail, ok, type Validator } from './types.js';

/** Published gateway test cards (Stripe, Braintree, Adyen, PayPal docs...). */
export const TEST_CARDS: ReadonlySet<string> = new Set([
  '4111111111111111', '4242424242424242', '4012888888881881', '4222222222222', '4000056655665556',
  '4000000000000002', '4000000000000077', '4000000000009995', '4000000000000069', '4000000000000119',
  '4000000000003220', '4000002500003155', '4000000000000341', '4000000000000127', '4000000000000101',
  '4917610000000000', '4005519200000004', '4009348888881881', '4012000033330026', '4012000077777777',
  '4217651111111119', '4500600000000061', '4444333322221111', '4988438843884305', '4166676667666746',
  '5555555555554444', '2223003122003222', '5200828282828210', '5105105105105100', '5431111111111111',
  '5454545454545454', '5425233430109903', '2222400070000005', '5555341244441115', '5577000055770004',
  '5500000000000004', '5424000000000015', '5123450000000008', '5111111111111118',
  '378282246310005', '371449635398431', '378734493671000', '340000000000009', '370000000000002',
  '6011111111111117', '6011000990139424', '6011601160116611', '6011000000000004', '6445644564456445',
  '3530111333300000', '3566002020360505', '3566111111111113', '3528000700000000',
  '30569309025904', '38520000023237', '36227206271667', '36006666333344', '3056930009020004',
  '6200000000000005', '6205500000000000004', '6250941006528599', '6221261111117766',
]);

interface Brand {
  name: string;
  test: (d: string) => boolean;
  lengths: number[];
}

const num = (d: string, n: number) => Number(d.slice(0, n));

const BRANDS: Brand[] = [
  { name: 'Visa', test: (d) => d[0] === '4', lengths: [13, 16, 19] },
  { name: 'Mastercard', test: (d) => (num(d, 2) >= 51 && num(d, 2) <= 55) || (num(d, 4) >= 2221 && num(d, 4) <= 2720), lengths: [16] },
  { name: 'American Express', test: (d) => d.startsWith('34') || d.startsWith('37'), lengths: [15] },
  { name: 'JCB', test: (d) => num(d, 4) >= 3528 && num(d, 4) <= 3589, lengths: [16, 17, 18, 19] },
  { name: 'UnionPay', test: (d) => d.startsWith('62'), lengths: [16, 17, 18, 19] },
  { name: 'Discover', test: (d) => d.startsWith('6011') || d.startsWith('65') || (num(d, 3) >= 644 && num(d, 3) <= 649), lengths: [16, 17, 18, 19] },
  { name: 'Diners Club', test: (d) => (num(d, 3) >= 300 && num(d, 3) <= 305) || d.startsWith('36') || d.startsWith('38') || d.startsWith('39'), lengths: [14, 15, 16, 17, 18, 19] },
];

export function cardBrand(digits: string): string | undefined {
  return BRANDS.find((b) => b.test(digits) && b.lengths.includes(digits.length))?.name;
}

/** Separators must be used consistently ("4111 1111 1111 1111", not "41-11 111"). */
export function consistentSeparators(value: string): boolean {
  const seps = value.match(/\D/g);
  return !seps || new Set(seps).size === 1;
}

export const paymentCard: Validator = (value) => {
  const d = digitsOf(value);
  if (!consistentSeparators(value)) return fail('mixed separators');
  if (d.startsWith('9704')) return fail('domestic NAPAS range (checked by the napas validator)');
  const brand = cardBrand(d);
  if (!brand) return fail(`no card brand issues ${d.length}-digit numbers starting ${d.slice(0, 4)}`);
  if (/^(\d)\1+$/.test(d.slice(1))) return fail('filler digits');
  if (!luhnValid(d)) return fail('Luhn checksum fails');
  if (TEST_CARDS.has(d)) return fail('a published gateway test card number');
  return ok(`${brand} card number, Luhn checksum holds`, true);
};
