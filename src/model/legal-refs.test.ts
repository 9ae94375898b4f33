import { expect, test } from 'vitest';
import { formatRef } from './legal-refs.js';

test.each([
  ['decree-13:2.3.g', 'en', 'Decree 13/2023/ND-CP Art. 2(3)(g)'],
  ['pdpl-2025:d356-4.1.đ', 'en', 'Decree 356/2025/ND-CP Art. 4(1)(đ)'],
  ['pdpl-2025:law91-20.2', 'en', 'Law 91/2025/QH15 Art. 20(2)'],
  ['decree-13:25', 'en', 'Decree 13/2023/ND-CP Art. 25'],
  ['pdpl-2025:d356-3.7', 'vi', 'Nghị định 356/2025/NĐ-CP Điều 3 khoản 7'],
] as const)('%s (%s)', (ref, lang, expected) => {
  expect(formatRef(ref, lang)).toBe(expected);
});
