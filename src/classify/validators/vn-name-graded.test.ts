import { describe, expect, test } from 'vitest';
import { vnNameGraded } from './vn-name-graded.js';

describe('vn-name-graded', () => {
  test.each(['Nguyễn Văn An', 'Phạm Quốc Đạt'])('strong: %s', (v) => {
    expect(vnNameGraded(v)).toMatchObject({ valid: true, strong: true });
  });
  test.each(['Mai Anh', 'Lê Lợi', 'Nguyễn Thị Minh Khai'])('weak (needs context): %s', (v) => {
    expect(vnNameGraded(v)).toMatchObject({ valid: true, strong: false });
  });
  test.each(['Hà Nội', 'Hồ Sơ Bệnh Án', 'Nguyễn Văn A', '12 Lê Văn Sỹ', 'NGUYEN VAN AN', 'DINH DANH DIEN TU'])('invalid: %s', (v) => {
    expect(vnNameGraded(v).valid).toBe(false);
  });
});
