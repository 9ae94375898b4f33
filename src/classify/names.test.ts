import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifyIdentifier, classifyIdentifierPath, classifyOwner } from './names.js';
import { identifierTokens } from './names/tokens.js';
import { loadLexicon } from './names/lexicon.js';
import { ConfigError } from '../util/errors.js';

/** [identifier, owner | '', expected category, minimum confidence] */
type Positive = [string, string, string, 'high' | 'medium' | 'low'];

const RANK = { low: 0, medium: 1, high: 2 } as const;

const POSITIVES: Positive[] = [
  // Vietnamese, with and without diacritics, every casing
  ['cccd', '', 'national-id', 'high'],
  ['cmnd', '', 'national-id', 'high'],
  ['so_cccd', '', 'national-id', 'high'],
  ['soCCCD', '', 'national-id', 'high'],
  ['SoCmnd', '', 'national-id', 'high'],
  ['soDinhDanh', '', 'national-id', 'high'],
  ['can_cuoc_cong_dan', '', 'national-id', 'high'],
  ['ma_so_thue', '', 'tax-id', 'medium'],
  ['mst', 'KhachHang', 'tax-id', 'medium'],
  ['so_bhxh', '', 'social-insurance', 'high'],
  ['maBHXH', '', 'social-insurance', 'high'],
  ['bhyt', '', 'health-insurance', 'high'],
  ['soTheBhyt', '', 'health-insurance', 'high'],
  ['sdt', '', 'phone', 'high'],
  ['SDT', '', 'phone', 'high'],
  ['so_dien_thoai', '', 'phone', 'high'],
  ['soDienThoai', '', 'phone', 'high'],
  ['sodienthoai', '', 'phone', 'high'],
  ['sốĐiệnThoại', '', 'phone', 'high'],
  ['dienThoaiDiDong', '', 'phone', 'high'],
  ['ngay_sinh', '', 'date-of-birth', 'high'],
  ['ngaySinh', '', 'date-of-birth', 'high'],
  ['NGAY_SINH', '', 'date-of-birth', 'high'],
  ['namSinh', '', 'date-of-birth', 'high'],
  ['ho_ten', '', 'full-name', 'high'],
  ['hoTen', '', 'full-name', 'high'],
  ['hoten', '', 'full-name', 'high'],
  ['ho_va_ten', '', 'full-name', 'high'],
  ['tenKhachHang', '', 'full-name', 'high'],
  ['ten', 'NhanVien', 'full-name', 'high'],
  ['ho', 'BenhNhan', 'full-name', 'high'],
  ['que_quan', '', 'address', 'high'],
  ['queQuan', '', 'address', 'high'],
  ['dia_chi', '', 'address', 'high'],
  ['diaChiThuongTru', '', 'address', 'high'],
  ['noi_sinh', '', 'address', 'high'],
  ['dan_toc', '', 'ethnicity', 'high'],
  ['danToc', '', 'ethnicity', 'high'],
  ['ton_giao', '', 'political-religious', 'high'],
  ['benh_an', '', 'health', 'high'],
  ['chan_doan', '', 'health', 'high'],
  ['chẩn_đoán', '', 'health', 'high'],
  ['tienSuBenh', '', 'health', 'high'],
  ['van_tay', '', 'biometric', 'high'],
  ['anh_cccd_mat_truoc', '', 'id-document-image', 'high'],
  ['anhCccdMatSau', '', 'id-document-image', 'high'],
  ['anh_cmnd', '', 'id-document-image', 'high'],
  ['vi_tri', '', 'location', 'medium'],
  ['toaDo', '', 'location', 'high'],
  ['so_tai_khoan', '', 'financial', 'high'],
  ['stk', '', 'financial', 'high'],
  ['soTaiKhoanNganHang', '', 'financial', 'high'],
  ['mat_khau', '', 'credentials', 'high'],
  ['matKhau', '', 'credentials', 'high'],
  ['gioi_tinh', '', 'gender', 'high'],
  ['quoc_tich', '', 'nationality', 'high'],
  ['so_ho_chieu', '', 'passport', 'high'],
  ['bien_so_xe', '', 'license-plate', 'high'],
  ['gplx', '', 'driver-license', 'high'],
  ['tinh_trang_hon_nhan', '', 'marital-status', 'high'],
  ['ten_cha', '', 'family', 'high'],
  ['nguoi_than', '', 'family', 'high'],
  ['tien_an_tien_su', '', 'criminal-record', 'high'],
  ['xu_huong_tinh_duc', '', 'sex-life', 'high'],
  ['anh_dai_dien', '', 'personal-image', 'high'],
  ['ten_dang_nhap', '', 'digital-account', 'high'],
  ['dia_chi_ip', '', 'online-activity', 'high'],
  // English
  ['email', '', 'digital-account', 'high'],
  ['emailAddress', '', 'digital-account', 'high'],
  ['EMAIL', '', 'digital-account', 'high'],
  ['e_mail', '', 'digital-account', 'high'],
  ['username', '', 'digital-account', 'high'],
  ['phone', '', 'phone', 'high'],
  ['phoneNumber', '', 'phone', 'high'],
  ['phone_number', '', 'phone', 'high'],
  ['PhoneNumber', '', 'phone', 'high'],
  ['mobile', 'Customer', 'phone', 'high'],
  ['mobileNumber', '', 'phone', 'high'],
  ['contactPhone', '', 'phone', 'high'],
  ['dob', '', 'date-of-birth', 'high'],
  ['dateOfBirth', '', 'date-of-birth', 'high'],
  ['birthDate', '', 'date-of-birth', 'high'],
  ['birthdate', '', 'date-of-birth', 'high'],
  ['birthday', '', 'date-of-birth', 'high'],
  ['firstName', '', 'full-name', 'high'],
  ['lastName', '', 'full-name', 'high'],
  ['last_name', '', 'full-name', 'high'],
  ['fullName', '', 'full-name', 'high'],
  ['FULL_NAME', '', 'full-name', 'high'],
  ['surname', '', 'full-name', 'high'],
  ['customerName', '', 'full-name', 'high'],
  ['address', '', 'address', 'low'],
  ['address', 'Customer', 'address', 'high'],
  ['street', '', 'address', 'high'],
  ['addressLine1', '', 'address', 'high'],
  ['address_line_2', '', 'address', 'high'],
  ['shippingAddress', '', 'address', 'high'],
  ['zipCode', '', 'address', 'high'],
  ['postal_code', '', 'address', 'high'],
  ['ssn', '', 'national-id', 'high'],
  ['SSN', '', 'national-id', 'high'],
  ['nationalId', '', 'national-id', 'high'],
  ['national_id_number', '', 'national-id', 'high'],
  ['idNumber', '', 'national-id', 'high'],
  ['passport', '', 'passport', 'high'],
  ['passportNumber', '', 'passport', 'high'],
  ['passport_no', '', 'passport', 'high'],
  ['taxId', '', 'tax-id', 'medium'],
  ['tax_code', 'Employee', 'tax-id', 'high'],
  ['gender', '', 'gender', 'high'],
  ['sex', '', 'gender', 'medium'],
  ['religion', '', 'political-religious', 'high'],
  ['ethnicity', '', 'ethnicity', 'high'],
  ['race', 'Patient', 'ethnicity', 'high'],
  ['diagnosis', '', 'health', 'high'],
  ['medicalHistory', '', 'health', 'high'],
  ['allergies', '', 'health', 'high'],
  ['icd10Code', '', 'health', 'high'],
  ['bloodPressure', '', 'health', 'high'],
  ['weight', 'Patient', 'health', 'medium'],
  ['fingerprint', '', 'biometric', 'low'],
  ['fingerprint', 'Employee', 'biometric', 'high'],
  ['name', 'Member', 'full-name', 'high'],
  ['phone', 'Parent', 'phone', 'high'],
  ['faceEmbedding', '', 'biometric', 'high'],
  ['face_template', '', 'biometric', 'high'],
  ['dnaSequence', '', 'genetic', 'high'],
  ['latitude', '', 'location', 'high'],
  ['longitude', '', 'location', 'high'],
  ['lat', 'User', 'location', 'high'],
  ['lng', '', 'location', 'medium'],
  ['location', 'Driver', 'location', 'high'],
  ['currentLocation', '', 'location', 'high'],
  ['ipAddress', '', 'online-activity', 'high'],
  ['ip_address', 'Session', 'online-activity', 'high'],
  ['IPAddress', '', 'online-activity', 'high'],
  ['lastLoginIp', '', 'online-activity', 'high'],
  ['userAgent', '', 'online-activity', 'high'],
  ['deviceId', '', 'online-activity', 'high'],
  ['fcmToken', '', 'online-activity', 'high'],
  ['password', '', 'credentials', 'high'],
  ['passwordHash', '', 'credentials', 'high'],
  ['hashed_password', '', 'credentials', 'high'],
  ['pin', 'User', 'credentials', 'high'],
  ['refreshToken', 'User', 'credentials', 'medium'],
  ['cardNumber', '', 'financial', 'high'],
  ['credit_card_number', '', 'financial', 'high'],
  ['cvv', '', 'financial', 'high'],
  ['iban', '', 'financial', 'high'],
  ['accountNumber', '', 'financial', 'high'],
  ['bankAccount', '', 'financial', 'high'],
  ['avatar', '', 'personal-image', 'high'],
  ['avatarUrl', '', 'personal-image', 'high'],
  ['profilePicture', '', 'personal-image', 'high'],
  ['image', 'User', 'personal-image', 'medium'],
  ['idCardFrontUrl', '', 'id-document-image', 'high'],
  ['licensePlate', '', 'license-plate', 'high'],
  ['driverLicense', '', 'driver-license', 'high'],
  ['maritalStatus', '', 'marital-status', 'high'],
  ['isMarried', '', 'marital-status', 'high'],
  ['hasCriminalRecord', '', 'criminal-record', 'high'],
  ['isPregnant', '', 'health', 'high'],
  ['sexualOrientation', '', 'sex-life', 'high'],
  ['spouseName', '', 'family', 'high'],
  ['nationality', '', 'nationality', 'high'],
  // owner decides
  ['name', 'User', 'full-name', 'high'],
  ['name', 'Patient', 'full-name', 'high'],
  ['name', 'CreateCustomerDto', 'full-name', 'high'],
  ['name', 'KhachHang', 'full-name', 'high'],
  ['name', 'BenhNhan', 'full-name', 'high'],
  ['address', 'Order', 'address', 'high'],
  ['ownerName', 'Product', 'full-name', 'high'],
  ['managerPhone', 'Store', 'phone', 'high'],
  // plurals
  ['emails', 'Person', 'digital-account', 'high'],
  ['phones', '', 'phone', 'high'],
  ['phoneNumbers', '', 'phone', 'high'],
  ['addresses', 'Customer', 'address', 'high'],
  ['phonenumbers', '', 'phone', 'high'],
  // shapes seen in well-known apps (NextAuth, scheduling, CRM, e-commerce)
  ['image', 'User', 'personal-image', 'medium'],
  ['access_token', 'Account', 'credentials', 'medium'],
  ['refresh_token', 'Account', 'credentials', 'medium'],
  ['twoFactorSecret', 'User', 'credentials', 'medium'],
  ['backupCodes', 'User', 'credentials', 'medium'],
  ['smsReminderNumber', 'Booking', 'phone', 'high'],
  ['phoneNumber', 'Attendee', 'phone', 'high'],
  ['name', 'Attendee', 'full-name', 'high'],
  ['email', 'Recipient', 'digital-account', 'high'],
  ['recipientPhone', 'Order', 'phone', 'high'],
  ['buyerName', 'Order', 'full-name', 'high'],
  ['billingAddress', 'Invoice', 'address', 'high'],
  ['linkedinLink', 'Person', 'digital-account', 'low'],
  ['tenDayDu', '', 'full-name', 'high'],
  ['hinhAnh', 'SinhVien', 'personal-image', 'medium'],
  ['matKhau', 'TaiKhoan', 'credentials', 'high'],
  ['tenDangNhap', 'TaiKhoan', 'digital-account', 'high'],
  // glued owner + term
  ['useremail', '', 'digital-account', 'high'],
  ['customerphone', '', 'phone', 'high'],
];

/** [identifier, owner | ''] that are not personal values. */
const NEGATIVES: Array<[string, string]> = [
  ['name', 'Product'],
  ['name', 'Category'],
  ['name', 'Company'],
  ['name', ''],
  ['name', 'ProductDto'],
  ['ten', 'SanPham'],
  ['tenSanPham', ''],
  ['ten_cong_ty', ''],
  ['companyName', 'User'],
  ['productName', 'Order'],
  ['fileName', ''],
  ['filename', ''],
  ['hostname', ''],
  ['displayName', 'Component'],
  ['ContractAddress', ''],
  ['contract_address', ''],
  ['walletAddress', ''],
  ['tokenAddress', ''],
  ['address', 'Contract'],
  ['address', 'Wallet'],
  ['ipAddress', 'Server'],
  ['ip_address', 'Host'],
  ['serverIp', ''],
  ['listenAddress', ''],
  ['email_template', ''],
  ['emailTemplate', ''],
  ['EMAIL_TEMPLATE_ID', ''],
  ['emailVerified', ''],
  ['email_verified', ''],
  ['isEmailVerified', ''],
  ['phoneVerifiedAt', ''],
  ['phone_verified_at', ''],
  ['email_count', ''],
  ['emailEnabled', ''],
  ['is_phone', ''],
  ['has_email', ''],
  ['avatar_format', ''],
  ['address_type', ''],
  ['addressId', ''],
  ['EMAIL_REGEX', ''],
  ['phonePattern', ''],
  ['emailPlaceholder', ''],
  ['validateEmail', ''],
  ['sendEmail', ''],
  ['maxNameLength', 'User'],
  ['passwordResetToken', ''],
  ['passwordChangedAt', ''],
  ['password_policy', ''],
  ['password', 'Smtp'],
  ['dbPassword', ''],
  ['phone', 'Store'],
  ['phone', 'Branch'],
  ['email', 'Company'],
  ['supportEmail', ''],
  ['taxCode', 'Company'],
  ['mst', 'CongTy'],
  ['lat', 'Warehouse'],
  ['location', 'Store'],
  ['location', ''],
  ['phoneCountryCode', ''],
  ['mau_email', ''],
  ['loai_dia_chi', ''],
  ['so_luong_khach_hang', ''],
  ['fontFamily', ''],
  ['children', ''],
  ['microphone', ''],
  ['headphone', ''],
  ['health', ''],
  ['healthCheck', ''],
  ['conditions', ''],
  ['cell', ''],
  ['card', ''],
  ['image', 'Product'],
  ['image', ''],
  ['userId', ''],
  ['id', 'User'],
  ['status', 'User'],
  ['code', 'User'],
  ['number', 'Invoice'],
  ['createdAt', 'User'],
  ['quanLy', ''],
  ['hoTro', ''],
  ['phuongThuc', ''],
  ['thongTin', ''],
  ['retina', ''],
  ['license_number', ''],
  ['height', 'Image'],
  ['twoFactorEnabled', 'User'],
  ['emailVerified', 'User'],
  ['identityProvider', 'User'],
  ['timeZone', 'User'],
  ['domainName', 'Company'],
  ['address', 'Company'],
  ['ips', ''],
  ['names', 'Product'],
  ['tags', 'User'],
  ['ngayTao', 'KhachHang'],
  ['maSanPham', ''],
  // programming jargon seen in libraries
  ['memberName', ''],
  ['childPropName', ''],
  ['parentLocation', ''],
  ['candidateName', ''],
  ['nines', ''],
  ['lookupAddress', ''],
  ['multicastAddress', ''],
  ['visitChildren', ''],
  ['redactUsernames', ''],
  ['AutoFillAddressKind', ''],
  ['hashPassword', ''],
  ['fingerprint256', 'Certificate'],
];

function meets(actual: 'high' | 'medium' | 'low', min: 'high' | 'medium' | 'low'): boolean {
  return RANK[actual] >= RANK[min];
}

describe('classifyIdentifier: personal names', () => {
  test.each(POSITIVES)('%s (owner %s) → %s', (name, owner, category, min) => {
    const m = classifyIdentifier(name, owner || undefined);
    expect(m, `${owner}.${name}`).toBeDefined();
    expect(m!.category).toBe(category);
    expect(meets(m!.confidence, min), `${m!.confidence} < ${min}: ${m!.reason}`).toBe(true);
  });
});

describe('classifyIdentifier: hard negatives', () => {
  test.each(NEGATIVES)('%s (owner %s) is not personal', (name, owner) => {
    const m = classifyIdentifier(name, owner || undefined);
    expect(m, m?.reason).toBeUndefined();
  });
});

describe('details', () => {
  test('record owners lower an ambiguous name', () => {
    expect(classifyIdentifier('name', 'Order')?.confidence).toBe('low');
  });
  test('reason names the term and the owner', () => {
    const m = classifyIdentifier('name', 'Patient')!;
    expect(m.reason).toContain('"name"');
    expect(m.reason).toContain('Patient');
    expect(m.owner).toBe('person');
  });
  test('term is reported as written in names.yml', () => {
    expect(classifyIdentifier('so_dien_thoai')?.term).toBe('số điện thoại');
  });
  test('a qualifier inside the name beats the owner type', () => {
    expect(classifyIdentifier('companyAddress', 'User')).toBeUndefined();
    expect(classifyIdentifier('ownerAddress', 'Product')?.category).toBe('address');
  });
  test('longer terms win over their parts', () => {
    expect(classifyIdentifier('ipAddress')?.category).toBe('online-activity');
    expect(classifyIdentifier('emailAddress')?.category).toBe('digital-account');
    expect(classifyIdentifier('tienSuBenh')?.category).toBe('health');
  });
  test('protection words are reported', () => {
    expect(classifyIdentifier('password_hash')?.protection).toBe('hashing');
    expect(classifyIdentifier('passwordDigest')?.protection).toBe('hashing');
    expect(classifyIdentifier('encryptedSsn')?.protection).toBe('encryption');
    expect(classifyIdentifier('encrypted_password')?.protection).toBe('encryption');
    expect(classifyIdentifier('card_last4')?.protection).toBe('masking');
    expect(classifyIdentifier('cccd_ma_hoa')?.protection).toBe('encryption');
    expect(classifyIdentifier('passwordSha1')?.protection).toBe('hashing');
    expect(classifyIdentifier('md5_password')?.protection).toBe('hashing');
    expect(classifyIdentifier('password')?.protection).toBeUndefined();
  });
  test('results are cached and stable', () => {
    expect(classifyIdentifier('phone', 'User')).toBe(classifyIdentifier('phone', 'User'));
  });
});

describe('classifyOwner', () => {
  test.each([
    ['User', 'person'],
    ['CreateUserDto', 'person'],
    ['UserProfileEntity', 'person'],
    ['KhachHang', 'person'],
    ['benh_nhan', 'person'],
    ['Order', 'record'],
    ['DonHang', 'record'],
    ['Product', 'non-person'],
    ['ProductCategory', 'non-person'],
    ['CongTy', 'non-person'],
    ['Foo', 'unknown'],
  ])('%s → %s', (owner, kind) => {
    expect(classifyOwner(owner)).toBe(kind);
  });
});

describe('classifyIdentifierPath', () => {
  test('nearest owner word in the path decides', () => {
    expect(classifyIdentifierPath(['req', 'body', 'customer', 'name'])?.category).toBe('full-name');
    expect(classifyIdentifierPath(['product', 'name'])).toBeUndefined();
    expect(classifyIdentifierPath(['order', 'shippingAddress'])?.category).toBe('address');
    expect(classifyIdentifierPath(['server', 'address'])).toBeUndefined();
    expect(classifyIdentifierPath(['user', 'profile', 'phone'])?.confidence).toBe('high');
  });
  test('unknown owners fall back to the name alone', () => {
    expect(classifyIdentifierPath(['req', 'body', 'email'])?.category).toBe('digital-account');
    expect(classifyIdentifierPath([])).toBeUndefined();
  });
});

describe('tokens', () => {
  test.each([
    ['soCCCD', ['so', 'cccd']],
    ['SO_DIEN_THOAI', ['so', 'dien', 'thoai']],
    ['sốĐiệnThoại', ['so', 'dien', 'thoai']],
    ['IPAddress', ['ip', 'address']],
    ['addressLine1', ['address', 'line', '1']],
    ['x-forwarded-for', ['x', 'forwarded', 'for']],
    ['$__', []],
  ])('%s', (name, tokens) => {
    expect(identifierTokens(name)).toEqual(tokens);
  });
});

/** Render tokens in one of the usual identifier styles. */
function render(tokens: string[], style: number): string {
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  switch (style) {
    case 0: return tokens.join('_');
    case 1: return tokens.map((t, i) => (i === 0 ? t : cap(t))).join('');
    case 2: return tokens.map(cap).join('');
    case 3: return tokens.join('-');
    case 4: return tokens.join('_').toUpperCase();
    default: return tokens.join(' ');
  }
}

describe('properties', () => {
  const known = ['so dien thoai', 'ngay sinh', 'ho ten', 'phone number', 'date of birth', 'email address', 'so cccd', 'dan toc', 'credit card number', 'first name'];
  test('case and separator variants of a known term classify the same', () => {
    fc.assert(
      fc.property(fc.constantFrom(...known), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (term, a, b) => {
        const tokens = term.split(' ');
        const x = classifyIdentifier(render(tokens, a));
        const y = classifyIdentifier(render(tokens, b));
        expect(x).toBeDefined();
        expect(y?.category).toBe(x?.category);
        expect(y?.confidence).toBe(x?.confidence);
      }),
    );
  });
  test('never throws on arbitrary identifiers and owners', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (name, owner) => {
        const m = classifyIdentifier(name, owner);
        if (m) expect(['high', 'medium', 'low']).toContain(m.confidence);
      }),
    );
  });
  test('a non-person owner never turns a name into a person name', () => {
    fc.assert(
      fc.property(fc.constantFrom('Product', 'Company', 'Store', 'Warehouse', 'Category', 'Branch'), fc.integer({ min: 0, max: 5 }), (owner, style) => {
        expect(classifyIdentifier(render(['name'], style), owner)).toBeUndefined();
      }),
    );
  });
});

describe('names.yml validation', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdscan-names-'));
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const base = `version: 1
owners: { person: [user], person_weak: [member], record: [order], non_person: [product], container: [schema] }
negatives: { leading: { words: [is] }, after_term: [{ words: [template] }] }
protection: { hashing: [hash], encryption: [enc], masking: [masked] }
`;
  test('the shipped file loads', () => {
    expect(() => loadLexicon()).not.toThrow();
  });
  test('unknown category names the field', () => {
    const f = write('bad-cat.yml', `${base}terms:\n  - { category: nope, owner: any, high: [x] }\n`);
    expect(() => loadLexicon(f, 'bad-cat.yml')).toThrow(/bad-cat\.yml: terms\[0\]\.category: unknown category "nope"/);
  });
  test('schema errors name the file and field', () => {
    const f = write('bad-owner.yml', `${base}terms:\n  - { category: phone, owner: sometimes, high: [phone] }\n`);
    expect(() => loadLexicon(f, 'bad-owner.yml')).toThrow(ConfigError);
    expect(() => loadLexicon(f, 'bad-owner.yml')).toThrow(/bad-owner\.yml: terms\[0\]\.owner/);
  });
  test('duplicate terms are refused, even spelled differently', () => {
    const f = write('dup.yml', `${base}terms:\n  - { category: phone, owner: any, high: [so dien thoai] }\n  - { category: phone, owner: any, low: [số_điện_thoại] }\n`);
    expect(() => loadLexicon(f, 'dup.yml')).toThrow(/dup\.yml: terms\[1\]\.low\[0\]: duplicate term/);
  });
  test('a glued spelling clash between categories is refused', () => {
    const f = write('glue.yml', `${base}terms:\n  - { category: phone, owner: any, high: [abc def] }\n  - { category: digital-account, owner: any, high: [abcdef] }\n`);
    expect(() => loadLexicon(f, 'glue.yml')).toThrow(/glued together/);
  });
});

describe('container owner words', () => {
  test.each([
    ['UserSchema', 'person'],
    ['CustomerModel', 'person'],
    ['users_table', 'person'],
    ['BangKhachHang', 'person'],
    ['Schema', 'non-person'],
    ['ColumnDef', 'non-person'],
  ])('%s → %s', (owner, kind) => {
    expect(classifyOwner(owner)).toBe(kind);
  });
  test('column.name is not a person name; emailField is a UI field', () => {
    expect(classifyIdentifier('name', 'column')).toBeUndefined();
    expect(classifyIdentifier('emailField')).toBeUndefined();
    expect(classifyIdentifier('name', 'UserSchema')?.category).toBe('full-name');
  });
});

describe('plural owners', () => {
  test.each([
    ['patients', 'person'],
    ['/api/customers', 'person'],
    ['UsersController', 'person'],
    ['companies', 'non-person'],
    ['addresses', 'unknown'],
    ['loginSchema', 'unknown'],
  ])('%s → %s', (owner, kind) => {
    expect(classifyOwner(owner)).toBe(kind);
  });
});

/** Keys seen in data files (CSV headers, JSON/YAML keys, SQL columns) with no owner: the keyed-values detector relies on these. */
const DATA_KEYS: Record<string, string[]> = {
  family: ['ho_ten_cha', 'hoTenCha', 'ho_ten_me', 'nextOfKin', 'guardian_name', 'spouse_name', 'ten_vo', 'ten_chong', 'quan_he_chu_ho'],
  credentials: ['matKhau', 'mat_khau', 'matKhauViDienTu', 'matKhauInternetBanking', 'pin', 'otp_secret', 'password', 'passwd', 'pwd'],
  biometric: ['vector_khuon_mat', 'faceTemplate', 'face_embedding', 'van_tay', 'fingerprint_template', 'mong_mat', 'iris_code'],
  'private-life': ['biMatCaNhan', 'bi_mat_ca_nhan', 'ghi_chu_rieng_tu', 'thong_tin_doi_tu', 'doi_tu', 'privateNote'],
  'sex-life': ['xu_huong_tinh_duc', 'sexual_orientation', 'xuHuongTinhDuc', 'sex_life'],
  'id-document-image': ['anh_cccd_truoc', 'anh_cccd_mat_sau', 'anhChupCmnd', 'ID_CARD_IMAGE', 'passportScan', 'anh_ho_chieu', 'cccdImage', 'anhCccd', 'cmndImage', 'cccd_image_url', 'hinh_chup_ho_chieu'],
  gender: ['phai', 'PHAI', 'gioi_tinh', 'gioiTinh', 'gender', 'sex', 'gioi_tinh_sinh_hoc'],
  'political-religious': ['tinNguongTonGiao', 'ton_giao', 'tonGiao', 'religion', 'dang_vien', 'la_dang_vien', 'ngay_vao_dang', 'dang_phai'],
  genetic: ['xet_nghiem_adn', 'kieuGen', 'kieu_gen', 'genotype', 'dna_test', 'geneVariants'],
  'personal-image': ['anh_chan_dung', 'anh_dai_dien', 'avatar', 'avatar_url', 'AVATAR_URL', 'profile_photo', 'selfie'],
  health: ['tinh_trang_suc_khoe', 'benh_chinh', 'chan_doan', 'tien_su_benh', 'benh_an', 'di_ung', 'ghi_chu_bac_si', 'ketLuanKham', 'tien_su_gia_dinh'],
  'criminal-record': ['tien_an', 'tien_su', 'an_tich', 'ly_lich_tu_phap'],
  ethnicity: ['dan_toc', 'danToc', 'ethnicity'],
  nationality: ['quoc_tich', 'nationality'],
  'marital-status': ['tinh_trang_hon_nhan', 'marital_status'],
  'national-id': ['so_cccd', 'cccd', 'cmnd', 'so_dinh_danh'],
  'tax-id': ['mst', 'ma_so_thue'],
  'social-insurance': ['so_bhxh', 'ma_bhxh'],
  'health-insurance': ['so_the_bhyt', 'ma_the_bhyt'],
  passport: ['so_ho_chieu', 'passport_no'],
  'driver-license': ['so_gplx', 'bang_lai'],
  'license-plate': ['bien_so_xe', 'bien_kiem_soat', 'bks'],
  financial: ['stk', 'so_tai_khoan', 'account_number', 'card_number'],
  location: ['vi_tri', 'toa_do', 'lat', 'lng', 'latitude', 'gps'],
  'online-activity': ['ip', 'ip_address', 'client_ip', 'device_id', 'cookie_id'],
  'digital-account': ['email', 'mail', 'thu_dien_tu', 'username', 'ten_dang_nhap'],
  phone: ['sdt', 'so_dien_thoai', 'dien_thoai', 'phone', 'mobile'],
  address: ['dia_chi', 'thuong_tru', 'tam_tru', 'que_quan', 'noi_sinh', 'address'],
  'date-of-birth': ['ngay_sinh', 'ngaySinh', 'dob', 'birth_date', 'nam_sinh'],
  'full-name': ['ho_ten', 'hoTen', 'ho_va_ten', 'full_name', 'ten_khach_hang'],
};

describe('data-file keys (no owner)', () => {
  test.each(Object.entries(DATA_KEYS).flatMap(([category, names]) => names.map((n) => [n, category])))('%s → %s', (name, category) => {
    const m = classifyIdentifier(name);
    expect(m?.category, m?.reason ?? 'not classified').toBe(category);
  });
  test('blood type is excluded from health (Decree 13 Art. 2.4.b)', () => {
    for (const n of ['nhom_mau', 'nhomMau', 'blood_type', 'bloodGroup']) expect(classifyIdentifier(n), n).toBeUndefined();
  });
});

describe('integration regressions', () => {
  test('an owner word is a unit: "mã | bệnh nhân" is a patient code, "hồ sơ" is not "họ"', () => {
    for (const [name, owner] of [['ma_benh_nhan', ''], ['maBenhNhan', 'BenhNhan'], ['MA_BENH_NHAN', 'Patient'], ['ma_benh_vien', ''], ['ho_so', ''], ['hoSo', 'KhachHang'], ['ho_so_khach_hang', ''], ['chu_ho', 'NhanKhau'], ['mail_server', '']]) {
      expect(classifyIdentifier(name, owner || undefined), `${owner}.${name}`).toBeUndefined();
    }
    expect(classifyIdentifier('ma_benh')?.category).toBe('health');
    expect(classifyIdentifier('ten_benh_nhan')?.category).toBe('full-name');
    expect(classifyIdentifier('ho_ten_chu_ho')?.category).toBe('full-name');
    expect(classifyIdentifier('ho_so_benh_an')?.category).toBe('health');
    // A term longer than the owner word it runs into keeps its reading: patient history is health.
    expect(classifyIdentifier('tien_su_benh_nhan')?.category).toBe('health');
  });

  test.each([
    ['customers', 'person'],
    ['patients', 'person'],
    ['employees', 'person'],
    ['khach_hangs', 'person'],
    ['benh_nhans', 'person'],
    ['kids', 'person'],
    ['stores', 'non-person'],
    ['shops', 'non-person'],
    ['apps', 'non-person'],
    ['jobs', 'non-person'],
    ['orgs', 'non-person'],
    ['bookings', 'record'],
    ['addresses', 'unknown'],
    ['statuses', 'unknown'],
    ['business', 'non-person'],
  ])('plural owner %s → %s', (owner, kind) => {
    expect(classifyOwner(owner)).toBe(kind);
  });
  test('plural owners decide ambiguous names', () => {
    expect(classifyIdentifier('name', 'customers')?.category).toBe('full-name');
    expect(classifyIdentifier('name', 'kids')?.category).toBe('full-name');
    expect(classifyIdentifier('phone', 'stores')).toBeUndefined();
    expect(classifyIdentifier('name', 'apps')).toBeUndefined();
  });

  test.each([
    'operationName', 'tableName', 'columnName', 'fieldName', 'schemaName', 'modelName', 'formName', 'inputName',
    'typeName', 'keyName', 'indexName', 'stepName', 'eventName', 'jobName', 'queueName', 'fileName', 'hostName',
    'className', 'functionName', 'packageName', 'moduleName', 'testAccount', 'keyPass', 'treeHeight', 'ten_thao_tac', 'ten_tep',
  ])('%s is about code, whoever owns it', (name) => {
    expect(classifyIdentifier(name, 'waitQueueMember')).toBeUndefined();
    expect(classifyIdentifier(name, 'User')).toBeUndefined();
  });
  test('code words only decide right before an ambiguous term, never as owning types', () => {
    expect(classifyOwner('UserType')).toBe('person');
    expect(classifyOwner('OperationResult')).toBe('unknown');
    expect(classifyIdentifier('name', 'UserType')?.category).toBe('full-name');
    // not an ambiguous term: a key or type word in front does not hide the value
    expect(classifyIdentifier('testEmail')?.category).toBe('digital-account');
    expect(classifyIdentifier('inputEmail')?.category).toBe('digital-account');
    expect(classifyIdentifier('displayName', 'User')?.category).toBe('full-name');
  });

  test('an ID term next to an image word is the document picture', () => {
    for (const n of ['cccdImage', 'anhCccd', 'cmndImage', 'anhChupCmnd', 'cccd_file', 'passport_photo_url', 'so_cccd_image', 'CMND_SCAN']) {
      const m = classifyIdentifier(n);
      expect(m?.category, n).toBe('id-document-image');
      expect(m?.confidence, n).toBe('high');
    }
    expect(classifyIdentifier('cccdImage')?.term).toBe('cccd image');
    expect(classifyIdentifier('so_cccd')?.category).toBe('national-id');
    // the ID term's owner rule still holds: "cmt" (also "comment") needs a person owner
    expect(classifyIdentifier('cmtImage')).toBeUndefined();
    expect(classifyIdentifier('cmtImage', 'CongDan')?.category).toBe('id-document-image');
  });

  test('"phái" (gender on old forms) counts only as the whole name; "phải" compounds do not', () => {
    expect(classifyIdentifier('phai')?.category).toBe('gender');
    expect(classifyIdentifier('phai_khach_hang')?.category).toBe('gender');
    for (const n of ['phai_tra', 'so_tien_phai_tra', 'ben_phai', 'cong_no_phai_thu', 'phaiTinhPhi']) expect(classifyIdentifier(n), n).toBeUndefined();
  });

  test('"variants" is never genetic on its own (product and experiment variants)', () => {
    for (const owner of [undefined, 'Product', 'User', 'Patient']) expect(classifyIdentifier('variants', owner), owner).toBeUndefined();
    expect(classifyIdentifier('geneticVariants')?.category).toBe('genetic');
  });

  test('"kết luận" (conclusion) is health only on a visit or exam record', () => {
    expect(classifyIdentifier('ket_luan')).toBeUndefined();
    expect(classifyIdentifier('ket_luan', 'NhanVien')).toBeUndefined();
    expect(classifyIdentifier('ket_luan', 'LuotKham')).toMatchObject({ category: 'health', confidence: 'low' });
    expect(classifyIdentifier('ketLuan', 'Encounter')?.category).toBe('health');
    expect(classifyIdentifier('ket_luan_bac_si')?.category).toBe('health');
  });

  test('a bare pin or mail key is reported at low confidence, higher with a person owner', () => {
    expect(classifyIdentifier('pin')).toMatchObject({ category: 'credentials', confidence: 'low' });
    expect(classifyIdentifier('pin', 'User')).toMatchObject({ category: 'credentials', confidence: 'high' });
    expect(classifyIdentifier('pin', 'Board')).toMatchObject({ confidence: 'low' });
    expect(classifyIdentifier('mail')).toMatchObject({ category: 'digital-account', confidence: 'low' });
    expect(classifyIdentifier('mail', 'Company')).toBeUndefined();
  });

  test('sex is gender, sex life is sex-life; guardian_name is family', () => {
    expect(classifyIdentifier('sex')?.category).toBe('gender');
    expect(classifyIdentifier('sexLife')?.category).toBe('sex-life');
    expect(classifyIdentifier('guardianName')?.category).toBe('family');
  });
});

describe('properties of the integration fixes', () => {
  const idTerms = [['cccd'], ['cmnd'], ['so', 'cccd'], ['passport'], ['ho', 'chieu'], ['gplx'], ['national', 'id']];
  const imageWords = [['image'], ['photo'], ['scan'], ['anh'], ['hinh'], ['anh', 'chup']];
  test('ID term + image word, either order, any style → id-document-image', () => {
    fc.assert(
      fc.property(fc.constantFrom(...idTerms), fc.constantFrom(...imageWords), fc.boolean(), fc.integer({ min: 0, max: 5 }), (id, img, before, style) => {
        const name = render(before ? [...img, ...id] : [...id, ...img], style);
        expect(classifyIdentifier(name)?.category, name).toBe('id-document-image');
      }),
    );
  });
  test('a code word right before "name" is never a person name, whatever the owner', () => {
    const words = ['operation', 'table', 'column', 'field', 'type', 'key', 'index', 'step', 'queue', 'job', 'file', 'host', 'event', 'metric', 'bucket'];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.constantFrom('User', 'Patient', 'waitQueueMember', 'KhachHang', ''), fc.integer({ min: 0, max: 4 }), (w, owner, style) => {
        expect(classifyIdentifier(render([w, 'name'], style), owner || undefined)).toBeUndefined();
      }),
    );
  });
});

describe('names.yml validation: promotions and alone', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdscan-names2-'));
  const base = `version: 1
owners: { person: [user], person_weak: [member], record: [order], non_person: [product], non_person_weak: [op], container: [schema] }
negatives: { leading: { words: [is] }, after_term: [{ words: [template] }] }
protection: { hashing: [hash], encryption: [enc], masking: [masked] }
`;
  test('a promotion to an unknown category names the field', () => {
    const f = path.join(dir, 'promo.yml');
    writeFileSync(f, `${base}promotions:\n  - { words: [image], of: [national-id], category: nope }\nterms:\n  - { category: national-id, owner: any, high: [cccd] }\n`);
    expect(() => loadLexicon(f, 'promo.yml')).toThrow(/promo\.yml: promotions\[0\]\.category: unknown category "nope"/);
  });
  test('alone must be a boolean', () => {
    const f = path.join(dir, 'alone.yml');
    writeFileSync(f, `${base}terms:\n  - { category: gender, owner: any, alone: sometimes, medium: [phai] }\n`);
    expect(() => loadLexicon(f, 'alone.yml')).toThrow(/alone\.yml: terms\[0\]\.alone/);
  });
});

describe('data-file keys found missing by the keyed-value work', () => {
  test.each([
    ['ho_ten_con', 'family'],
    ['hoTenCon', 'family'],
    ['ho_ten_nguoi_giam_ho', 'family'],
    ['relation_to_head', 'family'],
    ['party_member', 'political-religious'],
    ['partyMembership', 'political-religious'],
    ['ket_qua_gen', 'genetic'],
    ['comorbidities', 'health'],
    ['hinh_dai_dien', 'personal-image'],
    ['device_identifier', 'online-activity'],
    ['visited_url', 'online-activity'],
    ['lichSuDuyetWeb', 'online-activity'],
    ['trang_da_truy_cap', 'online-activity'],
  ])('%s → %s', (key, category) => {
    expect(classifyIdentifier(key)?.category).toBe(category);
  });
});

// Gaps found by scoring pdscan on real open-source apps (issue 3). Synthetic identifiers that
// follow the same general rules, not copies of those apps.
describe('real-app gaps', () => {
  test.each<Positive>([
    // prenatal records: the sex of the fetus is pregnancy (health) data, not the person's gender
    ['gioi_tinh_thai', '', 'health', 'medium'],
    ['gioiTinhThaiNhi', 'PhieuKhamThai', 'health', 'medium'],
    // a bare "giới" key on a form or data file is the gender
    ['gioi', '', 'gender', 'medium'],
    ['giới', '', 'gender', 'medium'],
    ['GIOI', 'BenhNhan', 'gender', 'medium'],
    // fingerprint minutiae are a biometric template
    ['fp_minutiae', '', 'biometric', 'high'],
    ['fingerprintMinutiae', '', 'biometric', 'high'],
    // private notes as a column label
    ['Ghi chú nội bộ (riêng tư)', '', 'private-life', 'medium'],
    ['thong_tin_rieng_tu', '', 'private-life', 'medium'],
    // account holder of a bank account is a name, not a login
    ['chuTaiKhoan', 'NhanVienNganHang', 'full-name', 'high'],
    ['tenChuTaiKhoan', '', 'full-name', 'high'],
    ['accountHolderName', '', 'full-name', 'high'],
    ['soTaiKhoan', 'NhanVienNganHang', 'financial', 'high'],
    ['so_tai_khoan', 'KhachHangNganHang', 'financial', 'high'],
    // Zalo numbers are phone numbers, glued or not
    ['sdt_zalo', '', 'phone', 'high'],
    ['SDTZALO', '', 'phone', 'high'],
    // audit logs and share links describe the person who acted or received the link
    ['email', 'DocumentAuditLog', 'digital-account', 'high'],
    ['ipAddress', 'ProjectAuditLog', 'online-activity', 'high'],
    ['email', 'FileShareLink', 'digital-account', 'high'],
    // affiliate partners are people
    ['email', 'Partner', 'digital-account', 'high'],
    ['name', 'Partner', 'full-name', 'high'],
    ['email', 'PartnerInvite', 'digital-account', 'high'],
    // a login table holds the account name
    ['tai_khoan', 'dang_nhap', 'digital-account', 'medium'],
    // argument and params classes defer to the owner named before them (GraphQL @ArgsType)
    ['phone', 'PatientArgs', 'phone', 'high'],
    ['email', 'UserParams', 'digital-account', 'high'],
    // the user's id at an OAuth provider, and the number a voice reminder calls
    ['providerAccountId', 'Account', 'digital-account', 'high'],
    ['numberToCall', 'WorkflowStep', 'phone', 'high'],
  ])('%s (owner %s) → %s', (name, owner, category, min) => {
    const m = classifyIdentifier(name, owner || undefined);
    expect(m?.category, `${name} / ${owner}`).toBe(category);
    expect(RANK[m!.confidence]).toBeGreaterThanOrEqual(RANK[min]);
  });

  test.each<[string, string]>([
    // payroll columns: rates, caps, deductions and employee/employer shares, not insurance numbers
    ['tyLeBHXH_NV', 'CauHinhBaoHiem'],
    ['ty_le_bhyt_dn', ''],
    ['tranDongBHXH', ''],
    ['luongDongBHXH', 'BangTinhBHXH'],
    ['bhxhNV', 'BangTinhBHXH'],
    ['bhyt_dn', ''],
    ['bhxh_cty', ''],
    ['giamTruBHXH', 'BangTinhThue'],
    // configuration tables are not people; a minimum wage is not someone's salary
    ['luongCoBanToiThieu', 'CauHinhBHXH'],
    ['email', 'CauHinhHeThong'],
    // a payment provider's own identifiers
    ['stripeAccount', 'payment'],
    ['stripeCustomerId', 'User'],
    // "giới" only counts alone: giới hạn (limit), học lực giỏi (grade)
    ['gioi_han', ''],
    ['hoc_luc_gioi', ''],
    // argument and parameter names are code
    ['argName', ''],
    ['paramName', 'User'],
    ['name', 'ArgsParser'],
  ])('%s (owner %s) is not personal', (name, owner) => {
    expect(classifyIdentifier(name, owner || undefined)).toBeUndefined();
  });

  test('a field named only by a protection word holds the protected value of its owner', () => {
    expect(classifyIdentifier('hash', 'UserPassword')).toMatchObject({ category: 'credentials', protection: 'hashing' });
    expect(classifyIdentifier('encrypted', 'PatientSsn')).toMatchObject({ category: 'national-id', protection: 'encryption' });
    for (const [n, o] of [['hash', 'File'], ['digest', 'Commit'], ['hash', 'User'], ['hash', 'PasswordResetToken'], ['hash', '']]) {
      expect(classifyIdentifier(n!, o || undefined), `${o}.${n}`).toBeUndefined();
    }
  });

  test('opt-in flags about e-mail are not e-mail addresses', () => {
    expect(classifyIdentifier('receiveMonthlyDigestEmail', 'User')).toBeUndefined();
    expect(classifyIdentifier('receivesSms', 'Customer')).toBeUndefined();
    expect(classifyIdentifier('receiverEmail', 'Shipment')?.category).toBe('digital-account');
  });

  test('insurance numbers are still found', () => {
    for (const n of ['so_bhxh', 'maBHXH', 'bhxh', 'so_the_bhyt', 'bhyt']) expect(classifyIdentifier(n)?.category, n).toMatch(/insurance/);
  });

  test('Vietnamese compound owners put the head first; English keeps the head noun last', () => {
    expect(classifyOwner('NhanVienNganHang')).toBe('person');
    expect(classifyOwner('khach_hang_cong_ty')).toBe('person');
    expect(classifyOwner('UserCompany')).toBe('non-person');
    expect(classifyOwner('NganHang')).toBe('non-person');
    expect(classifyOwner('DocumentAuditLog')).toBe('record');
    expect(classifyOwner('Partner')).toBe('person');
    expect(classifyOwner('CauHinhHeThong')).toBe('non-person');
  });
});

describe('real-app roles, records and measurements (issue 3, held-out 2)', () => {
  test.each([
    ['viewerEmail', 'View', 'digital-account'],
    ['viewerName', 'View', 'full-name'],
    ['inviteeEmail', '', 'digital-account'],
    ['assigneeName', 'Task', 'full-name'],
    ['signerEmail', 'Document', 'digital-account'],
    ['payerPhone', '', 'phone'],
    ['organizerName', 'Event', 'full-name'],
    ['email', 'Invite', 'digital-account'],
    ['name', 'Invitation', 'full-name'],
    ['SDT_NguoiThan', 'The_Kham_Benh', 'phone'],
    ['parentEmail', 'Student', 'digital-account'],
    ['NhietDo', 'Chi_So_Sinh_Ton', 'health'],
    ['NhipTho', 'Chi_So_Sinh_Ton', 'health'],
    ['SP02', 'Chi_So_Sinh_Ton', 'health'],
    ['CanNang', 'Chi_So_Sinh_Ton', 'health'],
    ['pulse', 'VitalSigns', 'health'],
    ['temperature', 'VitalSigns', 'health'],
    ['KetQua', 'Ket_Qua_Xet_Nghiem', 'health'],
    ['KetQua', 'Kham_Lam_Sang', 'health'],
    ['result', 'LabTest', 'health'],
  ])('%s (owner %s) → %s', (name, owner, category) => {
    expect(classifyIdentifier(name, owner || undefined)?.category).toBe(category);
  });

  test.each([
    ['papermark_link_name', 'GhlContactPayload'],
    ['dataroomName', 'ContactPayload'],
    ['linkName', 'User'],
    ['KetQua', 'Payment'],
    ['result', 'Order'],
    ['temperature', 'Product'],
    ['ChieuCao', 'SanPham'],
    ['CanNang', 'Product'],
    ['pulse', ''],
    ['KetQua', ''],
  ])('%s (owner %s) is not personal', (name, owner) => {
    expect(classifyIdentifier(name, owner || undefined)).toBeUndefined();
  });

  test('a relative alone is still family', () => {
    expect(classifyIdentifier('nguoi_than', 'BenhNhan')?.category).toBe('family');
  });
});
