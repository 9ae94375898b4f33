/**
 * NAPAS domestic card numbers: BIN 9704 + 2-digit bank code, 16 or 19 digits. NAPAS cards follow
 * ISO/IEC 7812 and carry a Luhn check digit (the gateways' published 9704 test cards pass it), so a
 * Luhn pass is strong evidence; a failing number is reported only with card context.
 * Bank codes: NAPAS/VietQR BIN list (970436 Vietcombank, 970415 VietinBank, 970418 BIDV, ...).
 */
import { luhnValid } from './luhn.js';
import { consistentSeparators } from './payment-card.js';
import { digitsOf, fail, ok, type Validator } from './types.js';

export const NAPAS_BANKS: Readonly<Record<string, string>> = {
  '970405': 'Agribank', '970403': 'Sacombank', '970406': 'DongA Bank', '970407': 'Techcombank',
  '970408': 'GPBank', '970409': 'BacA Bank', '970412': 'PVcomBank', '970414': 'OceanBank',
  '970415': 'VietinBank', '970416': 'ACB', '970418': 'BIDV', '970419': 'NCB', '970422': 'MB',
  '970423': 'TPBank', '970424': 'Shinhan Bank', '970425': 'ABBANK', '970426': 'MSB', '970427': 'VietABank',
  '970428': 'Nam A Bank', '970429': 'SCB', '970430': 'PG Bank', '970431': 'Eximbank', '970432': 'VPBank',
  '970433': 'VietBank', '970434': 'Indovina Bank', '970436': 'Vietcombank', '970437': 'HDBank',
  '970438': 'BaoViet Bank', '970439': 'Public Bank', '970440': 'SeABank', '970441': 'VIB',
  '970442': 'Hong Leong Bank', '970443': 'SHB', '970444': 'CB Bank', '970446': 'Co-opBank',
  '970448': 'OCB', '970449': 'LPBank', '970452': 'KienlongBank', '970454': 'Viet Capital Bank',
  '970455': 'IBK', '970457': 'Woori Bank', '970458': 'UOB', '970462': 'Kookmin', '970463': 'Kookmin',
  '970466': 'KEB Hana', '970467': 'KEB Hana', '970400': 'Saigonbank',
};

/** Sandbox cards published by Vietnamese payment gateways (VNPay, OnePay, ...). */
export const NAPAS_TEST_CARDS: ReadonlySet<string> = new Set([
  '9704198526191432198', '9704195798459170488', '9704192181368742', '9704193370791314',
  '9704000000000018', '9704000000000026', '9704020000000016', '9704180000000000',
]);

export const napas: Validator = (value) => {
  const d = digitsOf(value);
  if (!d.startsWith('9704')) return fail('not in the NAPAS 9704 range');
  if (d.length !== 16 && d.length !== 19) return fail(`${d.length} digits, NAPAS cards have 16 or 19`);
  if (!consistentSeparators(value)) return fail('mixed separators');
  if (NAPAS_TEST_CARDS.has(d)) return fail('a published gateway test card number');
  if (/^(\d)\1+$/.test(d.slice(6))) return fail('filler digits');
  const bank = NAPAS_BANKS[d.slice(0, 6)];
  if (!luhnValid(d)) return fail(`Luhn checksum fails${bank ? ` (bank code ${bank})` : ''}`);
  return ok(`NAPAS card${bank ? ` of ${bank}` : ''}, Luhn checksum holds`, true);
};
