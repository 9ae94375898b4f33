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
import { fold } from '../../util/fold.js';

/**
 * The surnames of about nine Vietnamese in ten, folded. An ALL-CAPS heading ("TIÊU CHÍ HOÀN
 * THÀNH", "ĐOÀN KẾT TOÀN DÂN") is made of name syllables too, and reads as a name from a rarer
 * surname; in capitals only these surnames stand alone.
 */
const COMMON_SURNAMES = new Set(['nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly', 'dinh', 'truong', 'mai', 'trinh', 'cao', 'lam', 'ha', 'ta', 'luong', 'lai', 'chu', 'thai', 'quach', 'kieu']);

function isAllCaps(words: string[]): boolean {
  return words.every((w) => w === w.toUpperCase() && w !== w.toLowerCase());
}

export const vnNameGraded: Validator = (value) => {
  const strict = findName(value, { minWords: 3, allowFamous: false });
  if (strict.ok) {
    const words = strict.window.words;
    if (!isAllCaps(words) || COMMON_SURNAMES.has(fold(words[0]!))) return ok(`Vietnamese full name "${words.join(' ')}"`, true);
    return ok(`ALL-CAPS name shape "${words.join(' ')}" with a rarer surname: a heading unless a person label is nearby`);
  }
  // ALL-CAPS text without diacritics stays out even with context: headings such as "DANH SACH
  // NHAN VIEN" sit right above it. A name label catches "Chủ tài khoản: NGUYEN VAN AN" instead.
  const loose = findName(value, { minWords: 2, allowFamous: true, allowAsciiCaps: false });
  if (loose.ok) return ok(`name shape "${loose.window.words.join(' ')}" (${strict.reason}; needs a person label nearby)`);
  return fail(loose.reason);
};
