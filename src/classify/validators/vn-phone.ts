/**
 * Vietnamese phone numbers after the 2017-2018 renumbering (MIC Circular 22/2014 as amended, and
 * Decisions 798/QĐ-BTTTT (landline area codes, 2017) and 1456/QĐ-BTTTT (mobile prefixes, 2018)).
 *   - mobile: 10 digits, 0 + a prefix from MOBILE_PREFIXES (03x, 05x, 07x, 08x, 09x subsets);
 *   - landline: 11 digits, 024/028 + 8 digits or 02xx area code + 7 digits.
 * Accepted forms: 0..., +84..., (+84)..., 0084..., 84... (with or without "(0)"), with spaces, dots,
 * dashes or parentheses between groups of at least two digits.
 * Decisions: the retired 11-digit 01x mobile numbers ("0123 456 7890") and 1800/1900 service
 * numbers are rejected — the first are dead since 2018 and look like fillers, the second are
 * business hotlines, not personal numbers. A mobile number is strong evidence; a landline is weak
 * (it is often a company's switchboard), so landlines score lower.
 */
import { fail, ok, type Validator } from './types.js';

export const MOBILE_PREFIXES: ReadonlySet<string> = new Set([
  '032', '033', '034', '035', '036', '037', '038', '039', // Viettel
  '052', '055', '056', '058', '059', // Vietnamobile, Reddi, Gmobile
  '070', '076', '077', '078', '079', // MobiFone
  '081', '082', '083', '084', '085', '086', '087', '088', '089', // VinaPhone, Viettel, iTel, MobiFone
  '090', '091', '092', '093', '094', '095', '096', '097', '098', '099',
]);

/** Area codes (without the leading 0) of 4-digit landline codes; 24 (Hà Nội) and 28 (HCMC) take 8-digit numbers. */
export const LANDLINE_AREAS: ReadonlySet<string> = new Set([
  '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215', '216', '218',
  '219', '220', '221', '222', '225', '226', '227', '228', '229', '232', '233', '234', '235', '236', '237',
  '238', '239', '251', '252', '254', '255', '256', '257', '258', '259', '260', '261', '262', '263', '269',
  '270', '271', '272', '273', '274', '275', '276', '277', '290', '291', '292', '293', '294', '296', '297', '299',
]);

export type PhoneKind = 'mobile' | 'landline';

/** The national form ("0912345678") of a value, or undefined if it has no sensible shape. */
export function nationalNumber(value: string): string | undefined {
  const v = value.trim();
  let digits = v.replace(/\D+/g, '');
  let international = false;
  if (/^\(?\+/.test(v)) {
    if (!digits.startsWith('84')) return undefined;
    digits = digits.slice(2);
    international = true;
  } else if (digits.startsWith('0084')) {
    digits = digits.slice(4);
    international = true;
  } else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) {
    digits = digits.slice(2);
    international = true;
  }
  if (international) digits = digits.startsWith('0') ? digits : `0${digits}`;
  return digits;
}

/** Groups between separators must be at least two digits, at most four groups after the country code. */
function groupingOk(value: string): boolean {
  const groups = value.replace(/^\s*\(?\+?\(?(?:0084|84)\)?(?:\s*\(0\))?/, '').split(/[\s.()-]+/).filter(Boolean);
  return groups.length <= 4 && groups.every((g) => /^\d+$/.test(g) && g.length >= 2);
}

/** 024 (Hà Nội) and 028 (HCMC) are 3-digit area codes followed by 8 digits; the others are 4 + 7. */
const bigCity = (national: string) => national[2] === '4' || national[2] === '8';

export function phoneKind(national: string): PhoneKind | undefined {
  if (national.length === 10 && MOBILE_PREFIXES.has(national.slice(0, 3))) return 'mobile';
  if (national.length === 11 && national[1] === '2') {
    const big = bigCity(national);
    const subscriber = national.slice(big ? 3 : 4);
    // Subscriber numbers never start with 0/1 (those are prefixes and service codes).
    if ((big || LANDLINE_AREAS.has(national.slice(1, 4))) && /^[2-9]/.test(subscriber)) return 'landline';
  }
  return undefined;
}

export const vnPhone: Validator = (value) => {
  const digits = value.replace(/\D+/g, '');
  if (/^(?:1800|1900)/.test(digits)) return fail('1800/1900 service number (business hotline)');
  const national = nationalNumber(value);
  if (!national || !national.startsWith('0')) return fail('not a Vietnamese number (needs 0, +84 or 0084)');
  if (!groupingOk(value)) return fail('digit groups do not look like a phone number');
  if (/^01\d{9}$/.test(national)) return fail('retired 11-digit 01x mobile number');
  const kind = phoneKind(national);
  if (!kind) return fail(`${national.length} digits with prefix ${national.slice(0, 4)} is neither a mobile nor a landline number`);
  if (/^(\d)\1{6}$/.test(national.slice(-7))) return fail('subscriber part is one digit repeated');
  return kind === 'mobile'
    ? ok(`mobile number, prefix ${national.slice(0, 3)}`, true)
    : ok(`landline number, area code ${national.slice(0, bigCity(national) ? 3 : 4)}`);
};
