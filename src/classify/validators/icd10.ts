/**
 * icd10: the shape of a WHO ICD-10 code ("I10", "E11.9", "J45.909" is ICD-10-CM, also accepted),
 * with each chapter letter's real range (E00–E90, H00–H95, K00–K93, P00–P96, U00–U85; D up to
 * D89). It only says "this can be a diagnosis code": rules still demand context (mã ICD,
 * chẩn đoán, diagnosis) because "A12" or "K35" are also seat, room and product codes.
 */
import { fail, ok, type Validator } from './types.js';

const MAX_BY_LETTER: Record<string, number> = { D: 89, E: 90, H: 95, K: 93, P: 96, U: 85 };

export const icd10: Validator = (value) => {
  const m = /^([A-Z])(\d{2})(?:\.(\d{1,3}[A-Z]?|[A-Z]\d?))?$/.exec(value.trim().toUpperCase());
  if (!m) return fail('not an ICD-10 code shape (letter, two digits, optional .subcode)');
  const letter = m[1]!;
  const num = Number(m[2]);
  const max = MAX_BY_LETTER[letter] ?? 99;
  if (num > max) return fail(`${letter}${m[2]} is outside chapter ${letter} (up to ${letter}${max})`);
  return ok(`ICD-10 code in chapter ${letter}`);
};
