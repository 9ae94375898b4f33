/** IMEI (device identifier): 15 digits with a Luhn check digit (3GPP TS 23.003). */
import { luhnValid } from './luhn.js';
import { digitsOf, fail, ok, type Validator } from './types.js';

export const imei: Validator = (value) => {
  const d = digitsOf(value);
  if (d.length !== 15) return fail(`${d.length} digits, an IMEI has 15`);
  if (/^(\d)\1+$/.test(d.slice(0, 14))) return fail('filler digits');
  return luhnValid(d) ? ok('IMEI Luhn check digit holds', true) : fail('IMEI Luhn check digit fails');
};
