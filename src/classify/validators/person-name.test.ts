import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { personName } from './person-name.js';

describe('person-name', () => {
  test.each(['Phạm Quốc Đạt', 'Emily Clarke', 'NGUYEN VAN AN', 'Kim Min Ji', ', "Trần Văn An (bố)",', 'Phan Thu Mai.'])('valid: %s', (v) => {
    expect(personName(v).valid).toBe(true);
  });
  test.each([
    ['Nguyễn Văn A', 'placeholder'],
    ['Họ Và Tên', 'label'],
    ['Full Name', 'label'],
    ['John Doe', 'placeholder'],
    ['Nhập Họ Tên', 'UI prompt'],
    ['Thẻ BHYT', 'field label words'],
    ['National ID', 'field label words'],
    ['String', 'one word'],
    ['Nguyễn Văn 2', 'digits'],
    ['XÉT NGHIỆM ADN', 'ALL-CAPS label'],
    ['nguyễn văn an', 'not capitalised'],
  ])('invalid: %s (%s)', (v) => {
    expect(personName(v).valid).toBe(false);
  });
  test('property: any text with a digit is rejected', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-zà-ỹ]{0,8}$/), fc.integer({ min: 0, max: 9 }), (s, d) => !personName(`Nguyễn Văn ${s}${d}`).valid));
  });
});
