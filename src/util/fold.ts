/**
 * Diacritic folding for Vietnamese. Context words and identifiers are compared folded so that
 * "số điện thoại", "so dien thoai" and "SO_DIEN_THOAI" meet; values themselves are matched by
 * RE2 patterns on NFC text, which keeps "Kinh" (ethnic group) apart from "kinh doanh" by pattern.
 */

const MARKS = /[\u0300-\u036f]/g;

/** Any character outside ASCII (astral characters are surrogate pairs, inside this range too). */
export const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-case, strip combining marks, map đ→d. */
export function fold(text: string): string {
  // ASCII has no marks to strip and no đ: most context windows of code and data files.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * Turn any text into space-separated folded words: camelCase and snake_case are split,
 * punctuation becomes a space. The result starts and ends with a space so that a word `w`
 * can be found with indexOf(` ${w} `).
 */
export function wordsOf(text: string): string {
  const split = text
    .replace(/(\p{Ll}|\d)(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(?=\p{Lu}\p{Ll})/gu, '$1 ');
  const folded = fold(split).replace(/[^a-z0-9]+/g, ' ');
  return ` ${folded.trim()} `;
}

/** Like wordsOf without camelCase splitting: cheap enough for a whole file. */
export function plainWordsOf(text: string): string {
  return ` ${fold(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** Folded phrase normalised like wordsOf, without the padding. */
export function foldPhrase(phrase: string): string {
  return wordsOf(phrase).trim();
}

const VI_VARIANTS: Record<string, string> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ',
  e: 'eèéẻẽẹêềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọôồốổỗộơờớởỡợ',
  u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ',
  d: 'dđ',
};

const VARIANT_OF: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [base, all] of Object.entries(VI_VARIANTS)) {
    for (const ch of all) {
      m.set(ch, base);
      m.set(ch.toUpperCase(), base);
    }
  }
  return m;
})();

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * Expand a literal phrase into an RE2 fragment that matches it with or without diacritics and in
 * any case, e.g. "dân tộc" → d-class, a-class, n, whitespace, t, o-class, c (each class both cases).
 */
export function diacriticInsensitive(phrase: string): string {
  let out = '';
  for (const ch of phrase.normalize('NFC')) out += /\s/.test(ch) ? '[\\s_\\-]+' : letterClass(ch, 'any');
  return out;
}

/** RE2 class for one letter with or without diacritics, in any case or upper case only. */
export function letterClass(ch: string, kase: 'any' | 'upper'): string {
  const base = VARIANT_OF.get(ch);
  if (base) {
    const all = VI_VARIANTS[base]!;
    return kase === 'upper' ? `[${all.toUpperCase()}]` : `[${all}${all.toUpperCase()}]`;
  }
  if (/[a-zA-Z]/.test(ch)) return kase === 'upper' ? ch.toUpperCase() : `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
  return escapeRegex(ch);
}

/**
 * A folded phrase ("so dien thoai") as a loose RE2 prefilter: any case and diacritics, optional
 * separators between words, starting at a word start or a camelCase hump ("customerPhone") and
 * not running on into lower-case letters ("vib" does not fire on "vibrate"). It must accept
 * everything that the word-level context check (wordsOf) accepts.
 */
export function looseKeyword(folded: string): string {
  const chars = [...folded];
  const first = chars[0]!;
  const rest = chars
    .slice(1)
    .map((ch) => (ch === ' ' ? '[\\s_\\-]*' : letterClass(ch, 'any')))
    .join('');
  return `(?:(?:^|[^A-Za-z0-9])${letterClass(first, 'any')}|${letterClass(first, 'upper')})${rest}(?:$|[^a-z0-9])`;
}
