/**
 * Identifier tokeniser shared by the lexicon (terms in rules/names.yml) and the classifier, so a
 * term and an identifier always meet on the same tokens: snake/camel/Pascal/kebab/UPPER split,
 * letters|digits split ("address1" → address 1, "ipv4" → ipv 4), folded (no diacritics, đ→d).
 */
import { wordsOf } from '../../util/fold.js';

const LETTER_DIGIT = /([a-z])(\d)/g;
const DIGIT_LETTER = /(\d)([a-z])/g;

export function identifierTokens(name: string): string[] {
  const words = wordsOf(name).replace(LETTER_DIGIT, '$1 $2').replace(DIGIT_LETTER, '$1 $2').trim();
  return words ? words.split(' ') : [];
}
