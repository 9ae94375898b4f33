import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import RE2 from 're2';
import { diacriticInsensitive, fold, foldPhrase, looseKeyword, wordsOf } from './fold.js';

describe('fold and wordsOf', () => {
  test.each([
    ['Số Điện Thoại', 'so dien thoai'],
    ['ĐƯỜNG', 'duong'],
  ])('fold(%s) = %s', (a, b) => expect(fold(a)).toBe(b));

  test.each([
    ['soDienThoai', ' so dien thoai '],
    ['so_dien_thoai', ' so dien thoai '],
    ['SO-DIEN-THOAI', ' so dien thoai '],
    ['HTTPServer', ' http server '],
    ['customerPhone2', ' customer phone2 '],
    ['Số điện thoại:', ' so dien thoai '],
  ])('wordsOf(%s)', (a, b) => expect(wordsOf(a)).toBe(b));
});

describe('diacriticInsensitive', () => {
  test('matches with and without diacritics, any case', () => {
    const re = new RE2(diacriticInsensitive('dân tộc'), 'u');
    for (const s of ['dân tộc', 'dan toc', 'DÂN TỘC', 'Dan_Toc']) expect(re.test(s)).toBe(true);
    expect(re.test('dân tốc x')).toBe(true); // tone-insensitive on purpose
    expect(re.test('dantoc')).toBe(false);
  });
});

describe('looseKeyword (prefilter for context words)', () => {
  const words = ['so dien thoai', 'phone', 'vib', 'cccd', 'ngay sinh', 'ma so thue'];

  test('does not fire inside longer lower-case words', () => {
    expect(new RE2(looseKeyword('vib'), 'u').test('vibrate now')).toBe(false);
    expect(new RE2(looseKeyword('phone'), 'u').test('microphones')).toBe(false);
  });

  test('fires on camelCase, snake_case, spaced, upper case and Vietnamese spellings', () => {
    const re = new RE2(looseKeyword('so dien thoai'), 'u');
    for (const s of ['soDienThoai: 1', 'SO_DIEN_THOAI', 'Số điện thoại', 'x.sodienthoai=1', 'customerSoDienThoai']) expect(re.test(s)).toBe(true);
  });

  // Whatever the word-level context check accepts, the prefilter must accept too: otherwise a
  // rule gated on its context words would lose matches.
  test('accepts everything wordsOf accepts', () => {
    const piece = fc.oneof(
      fc.constantFrom(...words.flatMap((w) => w.split(' '))),
      fc.constantFrom('khach', 'hang', 'user', 'x', '1', 'Đường', 'số'),
    );
    const style = fc.constantFrom('space', 'snake', 'camel', 'upper', 'kebab');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), style, fc.constantFrom('', ' ', ':', '"'), (parts, st, edge) => {
        const text =
          edge +
          (st === 'camel'
            ? parts.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join('')
            : st === 'upper'
              ? parts.join('_').toUpperCase()
              : parts.join(st === 'snake' ? '_' : st === 'kebab' ? '-' : ' ')) +
          edge;
        const hay = wordsOf(text);
        for (const w of words) {
          if (hay.includes(` ${foldPhrase(w)} `)) expect(new RE2(looseKeyword(foldPhrase(w)), 'u').test(text)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
