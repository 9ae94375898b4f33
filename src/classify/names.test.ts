import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { classifyIdentifier, classifyIdentifierPath, classifyOwner } from './names.js';
import { identifierTokens } from './names/tokens.js';
import { meets, type Positive } from './names/test-helpers.js';

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
  ['loginFail', 'User'],
  ['login_attempts', 'Account'],
  ['passwordRetries', 'User'],
  ['phoneFailed', 'Customer'],
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
