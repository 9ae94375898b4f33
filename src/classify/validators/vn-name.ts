/**
 * vn-name: a Vietnamese full name that is safe to report without context — a listed surname and
 * at least two listed given-name syllables ("Nguyễn Văn An", "NGUYỄN THỊ LAN", "Tran Thi Lan"),
 * not a place or ordinary phrase ("Thái Bình Dương", "Tăng Cường Bảo"), not a historical
 * figure whose name is mostly a street ("Trần Hưng Đạo", "Nguyễn Thị Minh Khai").
 */
import { fail, ok, type Validator } from './types.js';
import { findName } from './name-parts.js';

export const vnName: Validator = (value) => {
  const v = findName(value, { minWords: 3, allowFamous: false });
  return v.ok ? ok(`Vietnamese full name "${v.window.words.join(' ')}" (listed surname and given names)`, true) : fail(v.reason);
};
