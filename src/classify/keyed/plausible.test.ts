import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { judgeValue, isFlagKey } from './plausible.js';
import { keyedPolicy } from './policy.js';
import type { ValueKind } from './types.js';

const policy = keyedPolicy();
const judge = (value: string, category: string, key = 'k', kind: ValueKind = 'string') => judgeValue(value, kind, category, key, policy);
const ok = (value: string, category: string, key?: string, kind?: ValueKind) => judge(value, category, key, kind).ok;

describe('keyed value plausibility', () => {
  test.each([
    ['${DB_PASSWORD}'],
    ['$DB_PASSWORD'],
    ['{{ secrets.SMTP_PASS }}'],
    ['<your-password>'],
    ['********'],
    ['xxx'],
    ['CHANGE_ME'],
    ['changeme'],
    ['process.env.ADMIN_PASS'],
    ['N/A'],
    ['null'],
    ['%s'],
    [':password'],
    [''],
  ])('placeholder %j is never a value', (v) => {
    for (const category of ['credentials', 'private-life', 'health', 'family']) expect(ok(v, category)).toBe(false);
  });

  test.each([
    ['String', 'gender'],
    ['String!', 'gender'],
    ['string', 'credentials'],
    ['varchar(255)', 'credentials'],
    ['[String]!', 'health'],
    ['Optional[str]', 'private-life'],
    ['string | null', 'sex-life'],
  ])('type annotation %j under a %s key is not a value', (v, category) => {
    expect(judge(v, category).reason).toMatch(/type annotation/);
  });

  test('the key\'s own label (translation files) is not a value, and is counted as a label', () => {
    expect(judge('Giới tính', 'gender', 'gender')).toEqual(expect.objectContaining({ ok: false, label: true }));
    expect(judge('Họ tên cha', 'family', 'hoTenCha')).toEqual(expect.objectContaining({ ok: false, label: true }));
    expect(judge('Tình trạng hôn nhân', 'marital-status', 'marital_status')).toEqual(expect.objectContaining({ ok: false, label: true }));
    // A value that merely mentions a term of its category is data.
    expect(ok('Tăng huyết áp 5 năm, đang dùng Amlodipin 5mg', 'health', 'tien_su_benh')).toBe(true);
  });

  test('booleans count only under a flag key of a category that allows them', () => {
    expect(isFlagKey('laDangVien', policy)).toBe(true);
    expect(isFlagKey('isPregnant', policy)).toBe(true);
    expect(isFlagKey('dang_vien', policy)).toBe(false);
    expect(ok('true', 'political-religious', 'laDangVien', 'bool')).toBe(true);
    expect(ok('true', 'health', 'is_pregnant', 'bool')).toBe(true);
    expect(ok('true', 'political-religious', 'religion', 'bool')).toBe(false);
    expect(ok('true', 'biometric', 'isFaceId', 'bool')).toBe(false);
    expect(ok('null', 'health', 'is_pregnant', 'null')).toBe(false);
  });

  test('categories: valid and invalid vectors', () => {
    const cases: Array<[string, string, boolean]> = [
      ['Nữ', 'gender', true],
      ['male', 'gender', true],
      ['F', 'gender', true],
      ['Thời trang nam', 'gender', false],
      ['Nguyễn Văn Bình', 'family', true],
      ['Con dâu', 'family', true],
      ['Trần Thị Hoa (mẹ)', 'family', true],
      ['Nguyễn Văn A', 'family', false],
      ['Sản phẩm A', 'full-name', false],
      ['Hoa@1990x', 'credentials', true],
      ['Mật khẩu phải có ít nhất 8 ký tự', 'credentials', false],
      ['req.body.password', 'credentials', false],
      ['[0.12, -0.33, 0.5, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]', 'biometric', true],
      ['[0.12, 0.5]', 'biometric', false],
      ['9a95abe04806a597fea0f66cd5c19fb5', 'biometric', false],
      ['s3://ekyc-docs/2022/07/abc_front.jpg', 'id-document-image', true],
      ['uploads/giay-to/00012_mat_truoc.png', 'id-document-image', true],
      ['data:image/jpeg;base64,/9j/4AAQSkZJRg', 'personal-image', true],
      ['Ảnh đẹp', 'personal-image', false],
      ['Đang ly thân, không muốn gia đình biết', 'private-life', true],
      ['là thông tin mà chủ thể không muốn công khai', 'private-life', false],
      ['Kinh', 'ethnicity', true],
      ['Dân tộc Tày', 'ethnicity', true],
      ['kinh doanh online', 'ethnicity', false],
      ['Việt Nam', 'nationality', true],
      ['VNM', 'nationality', true],
      ['Hà Nội', 'nationality', false],
      ['Đã ly hôn', 'marital-status', true],
      ['Divorced', 'marital-status', true],
      ['Hoàn thành', 'marital-status', false],
      ['12/03/1990', 'date-of-birth', true],
      ['2099-01-01', 'date-of-birth', false],
      ['nguyenvana92', 'digital-account', true],
      ['user@example.com', 'digital-account', false],
      ['1500562030200 - Agribank', 'digital-account', false],
      ['BF07DBBB-DFF7-4DF3-B886-FE6458E7DE1C', 'online-activity', true],
      ['10.0.0.1', 'online-activity', false],
      ['Tin Lành', 'political-religious', true],
      ['Không', 'political-religious', true],
      ['Nhập tôn giáo', 'political-religious', false],
      ['01 tiền án về tội trộm cắp tài sản', 'criminal-record', true],
      ['BRCA1 c.68_69delAG (dị hợp tử)', 'genetic', true],
      ['Đồng tính nữ', 'sex-life', true],
      ['số 12 ngõ 34 phố Huế, Hai Bà Trưng, Hà Nội', 'address', true],
      ['localhost:5432', 'address', false],
    ];
    for (const [value, category, expected] of cases) expect([value, category, ok(value, category)]).toEqual([value, category, expected]);
  });

  test('structured categories are left to value detectors', () => {
    expect(judge('0912345678', 'phone').ok).toBe(false);
    expect(judge('001190012345', 'national-id').reason).toMatch(/left to value detectors/);
  });

  test('property: never throws, whatever the value, kind and category', () => {
    const cats = ['gender', 'family', 'credentials', 'biometric', 'private-life', 'health', 'phone', 'personal-image'];
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(...cats), fc.constantFrom<ValueKind>('string', 'bare', 'number', 'bool', 'null', 'vector', 'cell'), (v, c, kind) => {
        const r = judgeValue(v, kind, c, 'key', policy);
        expect(typeof r.reason).toBe('string');
      }),
      { numRuns: 400 },
    );
  });
});
