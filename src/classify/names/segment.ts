/**
 * Vietnamese written without diacritics or separators ("ngaycapcccd", "benhmantinh",
 * "hotennguoithan"): one identifier token that is several words. Vietnamese is written in
 * syllables with a closed shape (onset, vowel group, final consonant), so a glued token can be cut
 * back into the words of rules/names.yml: every piece must be one of them (most of them syllables,
 * some not: cccd, bhyt, email), so "ngaycapcccd" → ngay cap cccd; where several cuts fit, the one
 * with fewer pieces wins.
 *
 * A token is cut only when at least half of its pieces are Vietnamese syllables and one of them is
 * a Vietnamese word of the vocabulary: English words rarely decompose that way (their consonant
 * clusters and finals do not fit), so "headphone", "microphone" or "saxophone" stay whole.
 */

/** Onset consonants (after folding: đ → d). */
const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?';
/** Vowel groups, longest first (ươi → uoi, uyê → uye, iêu → ieu...). */
const VOWELS = '(?:uyu|uya|uye|uoi|uou|oai|oay|oeo|ieu|yeu|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)';
/** Final consonants. */
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}${VOWELS}${CODA}$`);

export function isSyllable(s: string): boolean {
  return s.length <= 7 && SYLLABLE.test(s);
}

/** Tokens at least this long are candidates for cutting. */
export const MIN_GLUED = 6;
const MAX_PIECE = 12;

interface Best {
  vocab: number;
  pieces: number;
  syllables: number;
  /** Pieces that are both a syllable and a vocabulary word (ngay, cap, benh). */
  vietWords: number;
  cut: number;
}

/**
 * Cut `token` into syllables and vocabulary words; undefined when it cannot be cut into two or
 * more pieces of at least two letters, or does not look Vietnamese.
 */
export function segmentGlued(token: string, words: ReadonlySet<string>): string[] | undefined {
  const n = token.length;
  if (n < MIN_GLUED || !/^[a-z]+$/.test(token)) return undefined;
  // best[i]: the best cut of token[i..n): most letters in vocabulary words, then fewest pieces.
  const best: Array<Best | undefined> = new Array(n + 1);
  best[n] = { vocab: 0, pieces: 0, syllables: 0, vietWords: 0, cut: n };
  for (let i = n - 2; i >= 0; i--) {
    let chosen: Best | undefined;
    for (let j = i + 2; j <= Math.min(n, i + MAX_PIECE); j++) {
      const rest = best[j];
      if (!rest) continue;
      const piece = token.slice(i, j);
      const syllable = isSyllable(piece);
      // a word that is not a syllable (cccd, email) needs three letters
      const known = words.has(piece) && (syllable || piece.length >= 3);
      if (!known) continue;
      const cand: Best = {
        vocab: rest.vocab + (known ? piece.length : 0),
        pieces: rest.pieces + 1,
        syllables: rest.syllables + (syllable ? 1 : 0),
        vietWords: rest.vietWords + (syllable && known ? 1 : 0),
        cut: j,
      };
      if (!chosen || cand.vocab > chosen.vocab || (cand.vocab === chosen.vocab && cand.pieces < chosen.pieces)) chosen = cand;
    }
    best[i] = chosen;
  }
  const top = best[0];
  if (!top || top.pieces < 2 || top.syllables * 2 < top.pieces || top.vietWords === 0) return undefined;
  const out: string[] = [];
  for (let i = 0; i < n; i = best[i]!.cut) out.push(token.slice(i, best[i]!.cut));
  return out;
}
