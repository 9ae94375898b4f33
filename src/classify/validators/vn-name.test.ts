import { describe, expect, test } from 'vitest';
import { vnName } from './vn-name.js';

describe('vn-name', () => {
  test.each(['Nguyễn Văn An', 'NGUYỄN THỊ HỒNG NHUNG', 'Nguyen Van An', 'Lê Hoàng Yến', 'Tôn Nữ Thị Lan', 'Trần Thị Hoà', 'Hồ Sơ Nguyễn Văn An', 'NGUYỄN Văn An'])(
    'valid and strong: %s',
    (v) => {
      const r = vnName(v);
      expect(r.valid).toBe(true);
      expect(r.strong).toBe(true);
    },
  );

  test.each([
    ['Nguyễn Văn A', 'placeholder'],
    ['Trần Thị B', 'placeholder'],
    ['Nguyen Van A', 'placeholder without diacritics'],
    ['Lê Lợi', 'two words only'],
    ['Trần Hưng Đạo', 'historical figure / street'],
    ['Nguyễn Thị Minh Khai', 'historical figure / street'],
    ['Hồ Sơ Bệnh Án', 'ordinary Title Case words'],
    ['Tăng Cường Bảo Mật', 'ordinary phrase'],
    ['Thái Bình Dương', 'place'],
    ['Ung Thư Phổi', 'ordinary phrase'],
    ['Do Not Disturb', 'English'],
    ['NHAN VIEN DONG', 'ALL-CAPS ASCII heading'],
    ['Lễ Thành Hôn', '"Lễ" is not "Lê"'],
  ])('invalid: %s (%s)', (v) => {
    expect(vnName(v).valid).toBe(false);
  });
});
