/**
 * MST (mã số thuế, Vietnamese tax code): N1..N10 with an optional branch suffix "-NNN".
 * N10 = 10 − (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11;
 * a remainder of 0 would need check digit 10, so such numbers are never issued.
 * Source: Circular 105/2020/TT-BTC (structure of the tax code) and the General Department of
 * Taxation's published check-digit algorithm.
 */
import { digitsOf, fail, ok, type Validator } from './types.js';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** Expected check digit for the first nine digits, or undefined when no digit can be valid. */
export function mstCheckDigit(first9: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * WEIGHTS[i]!;
  const r = sum % 11;
  return r === 0 ? undefined : 10 - r;
}

export const mst: Validator = (value) => {
  const d = digitsOf(value);
  if (d.length !== 10 && d.length !== 13) return fail(`${d.length} digits, an MST has 10 or 13`);
  if (d.slice(2, 9) === '0000000') return fail('sequence part is all zeros');
  if (d.length === 13 && d.slice(10) === '000') return fail('branch suffix 000 is not issued');
  const check = mstCheckDigit(d);
  if (check === undefined) return fail('weighted sum is divisible by 11: no valid check digit');
  if (check !== Number(d[9])) return fail(`check digit ${d[9]} should be ${check}`);
  return ok(d.length === 13 ? 'MST check digit valid (dependent unit)' : 'MST check digit valid');
};
