/**
 * One folding for pattern characters and text characters alike: a character maps to the ASCII
 * character it reads as once case and Vietnamese diacritics are dropped ("Ậ" → "a", "đ" → "d"),
 * or to "\0" when it has none. Because both sides fold the same way, a literal found in a folded
 * pattern is found in the folded text wherever the pattern could match.
 */
const MARKS = /[\u0300-\u036f]/g;

function computeFold(cp: number): number {
  if (cp === 0x017f) return 0x73; // ſ: RE2 folds it with s under (?i)
  if (cp === 0x212a) return 0x6b; // Kelvin sign: folds with k
  const s = String.fromCharCode(cp).normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  return s.length === 1 && s.charCodeAt(0) < 0x80 ? s.charCodeAt(0) : 0;
}

/** Folded ASCII code of every BMP code point (0: none). */
export const FOLD = new Uint8Array(0x10000);
for (let cp = 0; cp < 0x250; cp++) FOLD[cp] = computeFold(cp);
for (let cp = 0x1e00; cp < 0x1f00; cp++) FOLD[cp] = computeFold(cp);
FOLD[0x212a] = computeFold(0x212a);
FOLD[0x212b] = computeFold(0x212b);

/** The folded form of one character (a string of one code point), "\0" if none. */
export function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return String.fromCharCode(cp < 0x10000 ? FOLD[cp]! : 0);
}
