/**
 * diagnosis-term: the text starts with a listed diagnosis or condition (rules/lists/vi-diagnoses.yml),
 * compared folded and word by word, e.g. "ung thư phổi giai đoạn 3" starts with "ung thư phổi",
 * "tieu duong type 2" with "tiểu đường". Lets sentence rules capture "được chẩn đoán <words>"
 * cheaply and check the condition here, instead of compiling the whole list into the regex.
 */
import { fail, ok, type Validator } from './types.js';
import { listEntries } from '../../rules/macros.js';
import { plainWordsOf } from '../../util/fold.js';

let terms: { set: Set<string>; maxWords: number } | undefined;

function lexicon() {
  if (!terms) {
    const keys = listEntries('vi-diagnoses').map((e) => plainWordsOf(e).trim());
    terms = { set: new Set(keys), maxWords: Math.max(...keys.map((k) => k.split(' ').length)) };
  }
  return terms;
}

/** The longest listed diagnosis the text starts with, folded, or undefined. */
export function leadingDiagnosis(text: string): string | undefined {
  const { set, maxWords } = lexicon();
  const words = plainWordsOf(text).trim().split(' ').slice(0, maxWords);
  for (let n = words.length; n >= 1; n--) {
    const key = words.slice(0, n).join(' ');
    if (set.has(key)) return key;
  }
  return undefined;
}

export const diagnosisTerm: Validator = (value) => {
  const d = leadingDiagnosis(value);
  return d ? ok(`listed condition "${d}"`) : fail('does not start with a listed diagnosis or condition');
};
