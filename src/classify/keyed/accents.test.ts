import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { accentsAgree } from './accents.js';

describe('accentsAgree', () => {
  test.each([
    ['Tiền án', 'tiền án', true],
    ['TIỀN ÁN TIỀN SỰ', 'tiền án', true],
    ['tien_an', 'tiền án', true],
    ['Tien an', 'tiền án', true],
    ['Tiền ăn', 'tiền án', false],
    ['Tình trạng sức khoẻ', 'sức khỏe', true],
    ['Phật giáo Hoà Hảo', 'hòa hảo', true],
    ['Dời tư', 'đời tư', false],
    ['soĐiệnThoại', 'số điện thoại', true],
    ['Họ tên cha', 'họ tên cha', true],
  ])('%s vs term %s → %s', (key, term, expected) => {
    expect(accentsAgree(key, term)).toBe(expected);
  });

  test('property: ASCII keys always agree; a key agrees with itself as a term', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => {
      expect(accentsAgree(s.replace(/[^\x20-\x7e]/g, ''), 'tiền án')).toBe(true);
      expect(accentsAgree(s, s)).toBe(true);
    }));
  });
});
