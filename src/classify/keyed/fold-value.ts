import { fold } from '../../util/fold.js';

/** A value compared loosely: lower case, no diacritics, đ→d, runs of non-alphanumerics as one space. */
export function foldedValue(value: string): string {
  return fold(value.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
