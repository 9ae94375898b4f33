import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { findName, normSyllable, phraseKey } from './name-parts.js';
import { listEntries } from '../../rules/macros.js';

describe('name-parts', () => {
  test.each([
    ['Hoà', 'hòa'],
    ['Hòa', 'hòa'],
    ['Thuỷ', 'thủy'],
    ['Thủy', 'thủy'],
    ['Khoẻ', 'khỏe'],
    ['Quý', 'quý'],
    ['Hoàng', 'hoàng'],
  ])('normSyllable(%s) = %s: old and new tone placement compare equal', (a, b) => {
    expect(normSyllable(a)).toBe(b);
  });

  test('NFD input is compared like NFC', () => {
    expect(phraseKey(['Nguyễn'.normalize('NFD'), 'Văn'])).toBe(phraseKey(['Nguyễn', 'Văn']));
  });

  test('finds the name inside a longer capitalised run', () => {
    const v = findName('Hồ Sơ Nguyễn Văn An', { minWords: 3, allowFamous: false });
    expect(v.ok && v.window.words.join(' ')).toBe('Nguyễn Văn An');
  });

  test('a compound surname is one surname', () => {
    const v = findName('Tôn Nữ Thị Lan', { minWords: 3, allowFamous: false });
    expect(v.ok && v.window.surnameWords).toBe(2);
  });

  test.each([
    ['12 Lê Văn Sỹ', 'house number before the name'],
    ['đường Lê Văn Lương', 'street word before the name'],
    ['Bửu Sơn Kỳ Hương', 'a religion, not "Sơn Kỳ Hương"'],
    ['Nguyen Thi Minh Khai', 'a famous street, not "Thi Minh Khai"'],
    ['Nguyễn Văn A', 'placeholder'],
    ['CAO DOANH THU', 'ASCII heading'],
  ])('rejects %s (%s)', (v) => {
    expect(findName(v, { minWords: 3, allowFamous: false }).ok).toBe(false);
  });

  test('property: any listed surname + two listed given syllables is a name', () => {
    const surnames = listEntries('vi-surnames').filter((s) => !/\s/.test(s) && /[^\x20-\x7e]/.test(s));
    const given = listEntries('vi-given-syllables').filter((g) => /[^\x20-\x7e]/.test(g) && !['Thị', 'Văn'].includes(g));
    fc.assert(
      fc.property(fc.constantFrom(...surnames), fc.constantFrom('Văn', 'Thị', 'Minh', 'Ngọc'), fc.constantFrom(...given), (s, m, g) => {
        const v = findName(`${s} ${m} ${g}`, { minWords: 3, allowFamous: true, allowAsciiCaps: true });
        // A few combinations are places or phrases on purpose ("Thái Bình Dương").
        return v.ok || /place|phrase/.test(v.reason);
      }),
    );
  });

  test('property: a single-letter given name is never accepted', () => {
    fc.assert(
      fc.property(fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Nguyen'), fc.constantFrom('Văn', 'Thị', 'Van', 'Thi'), fc.constantFrom(...'ABCDXYZ'), (s, m, l) => {
        return !findName(`${s} ${m} ${l}`, { minWords: 2, allowFamous: true, allowAsciiCaps: true }).ok;
      }),
    );
  });
});
