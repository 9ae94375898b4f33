/**
 * Vietnamese keys are compared folded (no diacritics), which is right for `tien_an` but merges
 * words the diacritics keep apart: "Tiền ăn" (meal allowance) is not "tiền án" (prior
 * conviction). When a key is written WITH diacritics, the words that met a term must carry the
 * same marks. Tone-mark placement ("khoẻ"/"khỏe", "hoà"/"hòa") does not matter: marks are
 * compared as a set per word. A word written without any marks agrees with anything.
 */
import { fold } from '../../util/fold.js';

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

function marksOf(word: string): string {
  const nfd = word.toLowerCase().normalize('NFD');
  let marks = '';
  for (const ch of nfd) {
    const c = ch.charCodeAt(0);
    if ((c >= 0x300 && c <= 0x36f) || ch === 'đ') marks += ch;
  }
  return [...marks].sort().join('');
}

/** Do the key's words that spell `term` (folded) carry the term's diacritics, where they carry any? */
export function accentsAgree(key: string, term: string): boolean {
  if (!NON_ASCII.test(key)) return true;
  const kw = key.normalize('NFC').split(WORD_SPLIT).filter(Boolean);
  const tw = term.normalize('NFC').split(WORD_SPLIT).filter(Boolean);
  if (tw.length === 0 || tw.length > kw.length) return true;
  const kf = kw.map((w) => fold(w));
  const tf = tw.map((w) => fold(w));
  let aligned = false;
  for (let i = 0; i + tf.length <= kf.length; i++) {
    if (!tf.every((t, j) => kf[i + j] === t)) continue;
    aligned = true;
    const agree = tw.every((t, j) => {
      const km = marksOf(kw[i + j]!);
      return km === '' || km === marksOf(t);
    });
    if (agree) return true;
  }
  // Not word-aligned (glued or camelCase keys): no opinion.
  return !aligned;
}
