/**
 * Vietnamese vehicle registration plates: 2-digit locality code + series + number, e.g. car
 * "30A-123.45", "51F-12345", "51LD-123.45", old "29A-1234"; motorbike "59-X1 123.45", "29-B1 12345".
 * Locality codes: Circular 24/2023/TT-BCA appendix (11-99; 42, 44, 45, 46, 87, 91, 96 are unused).
 * Series letters never use I, J, O, Q, W (they read like digits or are not Vietnamese letters).
 * A formatted plate (dash, space or the "123.45" dot) is strong evidence; a compact "29A12345" is weak.
 */
import { fail, ok, type Validator } from './types.js';

export const PLATE_LOCALITIES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29',
  '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41', '43', '47', '48', '49', '50', '51', '52',
  '53', '54', '55', '56', '57', '58', '59', '60', '61', '62', '63', '64', '65', '66', '67', '68', '69', '70', '71',
  '72', '73', '74', '75', '76', '77', '78', '79', '80', '81', '82', '83', '84', '85', '86', '88', '89', '90', '92',
  '93', '94', '95', '97', '98', '99',
]);

const PLATE = /^(\d{2})(-?)([A-Z]{1,2}\d?|[A-Z][A-Z0-9])([- .]?)(\d{3}\.\d{2}|\d{4,5})$/;

export const vnPlate: Validator = (value) => {
  const v = value.trim().replace(/\s+/g, ' ');
  const m = PLATE.exec(v);
  if (!m) return fail('not locality + series + number');
  const [, locality, dash1, series, sep, number] = m as unknown as [string, string, string, string, string, string];
  if (!PLATE_LOCALITIES.has(locality)) return fail(`locality code ${locality} is not assigned`);
  if (/[IJOQW]/.test(series)) return fail(`series ${series} uses a letter plates never use`);
  if (/^0+$/.test(number.replace('.', ''))) return fail('number is all zeros');
  const formatted = dash1 !== '' || sep !== '' || number.includes('.');
  return ok(`plate of locality ${locality}, series ${series}`, formatted);
};
