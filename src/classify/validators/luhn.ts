/** The Luhn (mod 10) checksum used by payment cards (ISO/IEC 7812) and IMEIs. */
import { digitsOf, fail, ok, type Validator } from './types.js';

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The digit that makes `payload` + digit Luhn-valid. */
export function luhnCheckDigit(payload: string): number {
  for (let d = 0; d < 10; d++) if (luhnValid(payload + d)) return d;
  throw new Error('unreachable: one of ten digits always completes a Luhn sum');
}

export const luhn: Validator = (value) => {
  const d = digitsOf(value);
  if (d.length < 2) return fail('too short for a Luhn number');
  return luhnValid(d) ? ok('Luhn checksum holds') : fail('Luhn checksum fails');
};
