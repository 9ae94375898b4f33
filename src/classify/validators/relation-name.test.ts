import { describe, expect, test } from 'vitest';
import { relationName } from './relation-name.js';

describe('relation-name', () => {
  test.each(['Họ tên cha: Nguyễn Văn Bình', 'ten_me": "Trần Thị Hoa', "Father's name = David Miller"])('valid: %s', (v) => {
    expect(relationName(v).valid).toBe(true);
  });
  test.each(['Họ tên cha: Nguyễn Văn A', 'Họ tên cha Nguyễn Văn Bình', 'fatherName: "Họ tên cha"'])('invalid: %s', (v) => {
    expect(relationName(v).valid).toBe(false);
  });
});
