import { describe, expect, test } from 'vitest';
import { vnNameLenient } from './vn-name-lenient.js';

describe('vn-name-lenient', () => {
  test.each(['Lê Lợi', 'Mai Anh', 'Nguyễn Thị Minh Khai', 'NGUYEN VAN AN', 'Nguyễn Văn An'])('valid: %s', (v) => {
    expect(vnNameLenient(v).valid).toBe(true);
  });
  test.each(['Hà Nội', 'Nguyễn Văn', 'Nguyễn Văn A', 'Hà Lan', 'La Ha', 'Quang Nam', 'Lưu Ý'])('invalid: %s', (v) => {
    expect(vnNameLenient(v).valid).toBe(false);
  });
});
