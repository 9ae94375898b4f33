import { describe, expect, test } from 'vitest';
import { vnAddress } from './vn-address.js';

describe('vn-address (unlabelled)', () => {
  test.each([
    '12 Lê Văn Sỹ, Phường 11, Quận 3, TP. Hồ Chí Minh',
    '45 Ngõ 120 Trần Duy Hưng, Cầu Giấy, Hà Nội',
    '88 Nguyễn Văn Linh, Hải Châu, Đà Nẵng',
    'Phường Ba Đình, Thành phố Hà Nội',
    'Thôn Đông, xã Hải Phong, huyện Hải Hậu, tỉnh Nam Định',
    'P.7, Q.3, TP.HCM',
    '12 Le Loi, Phuong Ben Nghe, Quan 1, TP HCM',
    '221B Baker Street, London',
  ])('valid: %s', (v) => {
    expect(vnAddress(v).valid).toBe(true);
  });

  test.each([
    ['đường Lê Lợi', 'a street alone'],
    ['10 Hà Nội, Đà Nẵng', 'number + provinces, no street or admin word'],
    ['0.0.0.0:8080', 'socket'],
    ['3 bạn, ở xa', '"bạn" is no village, "xa" no commune'],
    ['123 SỔ BẢO HIỂM XÃ HỘI, SỐ 1', '"xã hội" is no commune'],
    ['https://maps.example.vn/12, Quận 1', 'URL'],
  ])('invalid: %s (%s)', (v) => {
    expect(vnAddress(v).valid).toBe(false);
  });
});
