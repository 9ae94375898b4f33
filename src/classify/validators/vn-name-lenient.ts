/**
 * vn-name-lenient: any Vietnamese name shape — surname plus one or more listed given-name
 * syllables, historical figures included ("Lê Lợi", "Hà Lan", "Nguyễn Thị Minh Khai"). Rules
 * using it must require person context (họ tên, khách hàng, a ho_ten column): on its own such a
 * string is as often a street as a person.
 */
import { fail, ok, type Validator } from './types.js';
import { findName } from './name-parts.js';

export const vnNameLenient: Validator = (value) => {
  const v = findName(value, { minWords: 2, allowFamous: true, allowAsciiCaps: true });
  return v.ok ? ok(`name shape "${v.window.words.join(' ')}" (listed surname and given names)`) : fail(v.reason);
};
