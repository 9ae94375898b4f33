/**
 * vn-name-graded: one pass for the full-name rule, graded by how much a candidate can stand alone.
 *   - strong: a name of three or more words that is neither a place, an ordinary phrase, a
 *     historical figure's street name nor ALL-CAPS text without diacritics (see vn-name);
 *   - weak: only the shape of a name — two words ("Mai Anh"), a historical figure ("Nguyễn Thị Minh
 *     Khai"), like vn-name-lenient but without ALL-CAPS ASCII. The rule's scores make a weak pass count only
 *     next to a person label or under a person column.
 */
import { fail, ok, type Validator } from './types.js';
import { findName } from './name-parts.js';

export const vnNameGraded: Validator = (value) => {
  const strict = findName(value, { minWords: 3, allowFamous: false });
  if (strict.ok) return ok(`Vietnamese full name "${strict.window.words.join(' ')}"`, true);
  // ALL-CAPS text without diacritics stays out even with context: headings such as "DANH SACH
  // NHAN VIEN" sit right above it. A name label catches "Chủ tài khoản: NGUYEN VAN AN" instead.
  const loose = findName(value, { minWords: 2, allowFamous: true, allowAsciiCaps: false });
  if (loose.ok) return ok(`name shape "${loose.window.words.join(' ')}" (${strict.reason}; needs a person label nearby)`);
  return fail(loose.reason);
};
