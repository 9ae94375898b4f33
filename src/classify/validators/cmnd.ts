/**
 * CMND (old 9-digit people's ID card). There is no checksum and the leading issuing-area digits are
 * not a closed list we can verify, so this only removes obvious fillers; rules require context.
 */
import { digitsOf, fail, ok, type Validator } from './types.js';

export const cmnd: Validator = (value) => {
  const d = digitsOf(value);
  if (d.length !== 9) return fail(`${d.length} digits, a CMND has 9`);
  if (/^(\d)\1{8}$/.test(d)) return fail('one digit repeated');
  if ('0123456789012'.includes(d) || '9876543210987'.includes(d)) return fail('a run of consecutive digits');
  return ok('9 digits, not a filler');
};
