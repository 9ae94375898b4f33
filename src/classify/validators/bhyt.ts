/**
 * BHYT card code (mã thẻ bảo hiểm y tế), 15 characters:
 *   2-letter beneficiary group + benefit level 1-5 + 2-digit province (BHXH numbering) + 10-digit BHXH number,
 *   e.g. "DN4010123456789", printed "DN 4 01 0123456789".
 * Group codes: Decision 1351/QĐ-BHXH (2015) as amended (e.g. TV, ND added later).
 */
import { fail, ok, type Validator } from './types.js';

export const BHYT_GROUPS: ReadonlySet<string> = new Set([
  // paid by employee and employer
  'DN', 'HX', 'CH', 'NN', 'TK', 'HC', 'XK',
  // paid by the social-insurance fund
  'HT', 'TB', 'NO', 'CT', 'XB', 'TN', 'CS',
  // paid by the state budget
  'QN', 'CA', 'CY', 'XN', 'MS', 'CC', 'CK', 'CB', 'KC', 'HD', 'TE', 'BT', 'HN', 'DT', 'DK', 'XD',
  'TS', 'TC', 'TQ', 'TV', 'TA', 'TY', 'HG', 'LS', 'PV',
  // part-subsidised by the state budget
  'CN', 'HS', 'SV', 'GB', 'ND',
  // household
  'GD',
]);

export const bhyt: Validator = (value) => {
  const v = value.replace(/[\s-]+/g, '');
  const m = /^([A-Z]{2})([1-5])(\d{2})(\d{10})$/.exec(v);
  if (!m) return fail('not group(2 letters) + level(1-5) + province(2) + BHXH number(10)');
  const [, group, , province, number] = m as unknown as [string, string, string, string, string];
  if (!BHYT_GROUPS.has(group)) return fail(`"${group}" is not a BHYT beneficiary group code`);
  if (province === '00') return fail('province code 00');
  if (/^(\d)\1{9}$/.test(number)) return fail('BHXH number is one digit repeated');
  return ok(`BHYT card: group ${group}, province ${province}`, true);
};
