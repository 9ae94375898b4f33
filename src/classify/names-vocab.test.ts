/**
 * Issue 11 vocabularies and owner contexts: health-insurance claim tables, ID-card details,
 * address parts, bank details, auth records, last-seen times, transactions; each with the hard
 * negatives that keep precision (a company's, bank's or poll's fields, code variables).
 */
import { describe, expect, test } from 'vitest';
import { classifyIdentifier, classifyIdentifierPath } from './names.js';
import { compileContexts } from './names/contexts.js';
import { ConfigError } from '../util/errors.js';
import { expectCategory, expectNothing } from './names/test-helpers.js';

describe('health-insurance claim tables (XML1..XML5)', () => {
  test('card, validity and registered-facility fields are health insurance in any spelling', () => {
    expectCategory([
      ['', 'MA_THE_BHYT', 'health-insurance'],
      ['', 'maTheBhyt', 'health-insurance'],
      ['', 'GT_THE_TU', 'health-insurance'],
      ['', 'gtTheDen', 'health-insurance'],
      ['', 'gia_tri_the_den', 'health-insurance'],
      ['', 'MA_DKBD', 'health-insurance'],
      ['', 'maDkbd', 'health-insurance'],
      ['BenhNhan', 'noi_dang_ky_kcb_ban_dau', 'health-insurance'],
      ['Xml1', 'MA_THE', 'health-insurance'],
      ['HoSoKcb', 'maThe', 'health-insurance'],
    ]);
  });

  test('diagnosis, accident, treatment and stay fields are health data', () => {
    expectCategory([
      ['', 'MA_BENH_CHINH', 'health'],
      ['', 'maBenhChinh', 'health'],
      ['', 'MA_BENH_KT', 'health'],
      ['', 'MA_TAI_NAN', 'health'],
      ['', 'KET_QUA_DTRI', 'health'],
      ['', 'ketQuaDieuTri', 'health'],
      ['', 'SO_NGAY_DTRI', 'health'],
      ['', 'TINH_TRANG_RV', 'health'],
      ['', 'ngay_nhap_vien', 'health'],
      ['', 'dischargeDate', 'health'],
      ['Xml1', 'NGAY_VAO', 'health'],
      ['Xml1', 'NGAY_RA', 'health'],
      ['Xml1', 'CAN_NANG', 'health'],
      ['XML2', 'TEN_THUOC', 'health'],
      ['BhytClaim', 'ngayVao', 'health'],
    ]);
  });

  test('the same plain words outside a claim table are not health data', () => {
    expectNothing([
      ['NhanVien', 'ngay_vao'],
      ['', 'ngay_vao'],
      ['Product', 'ma_the'],
      ['ThanhVien', 'ma_the'],
      ['Order', 'ngay_ra'],
      ['Product', 'can_nang'],
      ['', 'ma_benh_nhan'],
      ['', 'ten_benh_nhan_id'],
    ]);
    // Blood type is its own kind of health data (sensitive under Decree 356, not under Decree 13
    // Art. 2.4.b): the field name says so wherever it sits, claim table or not.
    expect(classifyIdentifier('nhom_mau')?.category).toBe('blood-type');
  });
});

describe('ID-card issue date and place', () => {
  test('on a person they are part of the ID card', () => {
    expectCategory([
      ['NhanVien', 'ngay_cap', 'national-id'],
      ['KhachHang', 'noi_cap', 'national-id'],
      ['CongDan', 'ngayCap', 'national-id'],
      ['NhanVien', 'ngaycap', 'national-id'],
      ['User', 'cccdIssuedDate', 'national-id'],
      ['Customer', 'idIssueDate', 'national-id'],
      ['Customer', 'placeOfIssue', 'national-id'],
    ]);
  });

  test('an invoice, certificate or unknown owner issue date is not', () => {
    expectNothing([
      ['Invoice', 'issueDate'],
      ['Certificate', 'ngay_cap'],
      ['', 'ngay_cap'],
      ['', 'issued_date'],
      ['Order', 'issueDate'],
    ]);
  });
});

describe('address parts on a person', () => {
  test('province, district and ward of a person, in Vietnamese and English', () => {
    expectCategory([
      ['KhachHang', 'tinh', 'address'],
      ['KhachHang', 'huyen', 'address'],
      ['BenhNhan', 'xa', 'address'],
      ['NhanVien', 'ma_tinh', 'address'],
      ['NhanVien', 'matinh', 'address'],
      ['User', 'provinceId', 'address'],
      ['Customer', 'wardCode', 'address'],
      ['Customer', 'districtId', 'address'],
      ['BenhNhan', 'noi_cu_tru', 'address'],
    ]);
  });

  test('the same words elsewhere are places, verbs or keys', () => {
    expectNothing([
      ['', 'tinh'],
      ['Product', 'tinh'],
      ['KhachHang', 'tinh_tong'],
      ['KhachHang', 'tinh_trang'],
      ['', 'provinceId'],
      ['Store', 'wardCode'],
      ['Province', 'name'],
      ['', 'xa'],
    ]);
  });
});

describe('bank details', () => {
  test('the bank, branch, account number and bank codes of a person', () => {
    expectCategory([
      ['NhanVien', 'ngan_hang', 'financial'],
      ['NhanVien', 'nganHang', 'financial'],
      ['NhanVien', 'chi_nhanh', 'financial'],
      ['NhanVien', 'so_tai_khoan', 'financial'],
      ['NhanVien', 'sotaikhoan', 'financial'],
      ['KhachHang', 'ten_ngan_hang', 'financial'],
      ['User', 'bankName', 'financial'],
      ['User', 'swiftCode', 'financial'],
      ['Employee', 'bic', 'financial'],
      ['NhanVien', 'Luong', 'financial'],
      ['Employee', 'salary', 'financial'],
    ]);
    expect(classifyIdentifierPath(['User', 'bankInfo', 'accountNumber'])?.category).toBe('financial');
    expect(classifyIdentifierPath(['user', 'bankDetails', 'iban'])?.category).toBe('financial');
  });

  test("a bank's own fields, a pay grade, quantities and keys are not", () => {
    expectNothing([
      ['Bank', 'name'],
      ['NganHang', 'ten'],
      ['Bank', 'swiftCode'],
      ['', 'ngan_hang'],
      ['', 'bankName'],
      ['NhanVien', 'ngan_hang_id'],
      ['NhanVien', 'chi_nhanh_id'],
      ['Employee', 'salary_grade'],
      ['NhanVien', 'luong_bac'],
      ['SanPham', 'luong'],
      ['', 'luong'],
      ['SanPham', 'so_luong'],
      ['NhanVien', 'so_luong'],
    ]);
    expect(classifyIdentifierPath(['bank', 'name'])).toBeUndefined();
  });
});

describe('auth records', () => {
  test('verification, reset, magic-link, session, refresh and provider tokens are credentials', () => {
    expectCategory([
      ['User', 'confirmationToken', 'credentials'],
      ['usersInAuth', 'recoveryToken', 'credentials'],
      ['usersInAuth', 'emailChangeTokenNew', 'credentials'],
      ['usersInAuth', 'phoneChangeToken', 'credentials'],
      ['User', 'reauthenticationToken', 'credentials'],
      ['AdminPassword', 'resetToken', 'credentials'],
      ['AdminPassword', 'emailToken', 'credentials'],
      ['AdminPassword', 'salt', 'credentials'],
      ['AdminPassword', 'loggedSessions', 'credentials'],
      ['User', 'magicLinkToken', 'credentials'],
      ['Account', 'providerAccessToken', 'credentials'],
      ['Account', 'providerRefreshToken', 'credentials'],
      ['User', 'hashPassword', 'credentials'],
      ['User', 'secret', 'credentials'],
      ['Participant', 'token', 'credentials'],
      ['PollInvite', 'token', 'credentials'],
      ['Session', 'token', 'credentials'],
      ['VerificationToken', 'token', 'credentials'],
      ['PersonalAccessToken', 'token', 'credentials'],
      ['Verification', 'value', 'credentials'],
      ['userInvites', 'code', 'credentials'],
      ['PasswordResetToken', 'token', 'credentials'],
    ]);
  });

  test("the address a verification was sent to is the person's account", () => {
    expectCategory([
      ['VerificationToken', 'identifier', 'digital-account'],
      ['verification', 'identifier', 'digital-account'],
      ['VerificationToken', 'deviceIdentifier', 'online-activity'],
    ]);
  });

  test('tokens of code, crypto and services, and keys to accounts, are not credentials of a person', () => {
    expectNothing([
      ['', 'token'],
      ['', 'passwordResetToken'],
      ['', 'hashPassword'],
      ['Webhook', 'secret'],
      ['Token', 'name'],
      ['Token', 'symbol'],
      ['Token', 'address'],
      ['TokenTransfer', 'value'],
      ['Product', 'code'],
      ['Account', 'account_id'],
      ['accountbooking', 'guest_account_id'],
      ['bankAccounts', 'accountId'],
    ]);
    expect(classifyIdentifier('tokenAddress')).toBeUndefined();
    expect(classifyIdentifier('twitterId', 'User')?.category).toBe('digital-account');
  });
});

describe('last-seen times and devices', () => {
  test('when a person last signed in, was seen or was active is online activity', () => {
    expectCategory([
      ['User', 'lastSeenAt', 'online-activity'],
      ['User', 'lastSignInAt', 'online-activity'],
      ['User', 'lastLoginAt', 'online-activity'],
      ['User', 'lastLoggedOn', 'online-activity'],
      ['User', 'lastActiveOn', 'online-activity'],
      ['inboxAccounts', 'lastAccessed', 'online-activity'],
      ['NguoiDung', 'lan_dang_nhap_cuoi', 'online-activity'],
      ['Account', 'loggedIn', 'online-activity'],
      ['MockServerLog', 'ipAddress', 'online-activity'],
      ['MockServerLog', 'userAgent', 'online-activity'],
    ]);
  });

  test("a person's device or session: what it is and when it was last used", () => {
    expectCategory([
      ['Device', 'os', 'online-activity'],
      ['Device', 'browser', 'online-activity'],
      ['Device', 'clientId', 'online-activity'],
      ['Device', 'lastOnline', 'online-activity'],
      ['UserDevice', 'platform', 'online-activity'],
      ['ThietBi', 'he_dieu_hanh', 'online-activity'],
      ['Session', 'ip', 'online-activity'],
      ['DeviceEntity', 'browser', 'online-activity'],
    ]);
  });

  test('flags and other owners stay out', () => {
    expectNothing([
      ['User', 'isLoggedIn'],
      ['Server', 'lastSeenAt'],
      ['Product', 'os'],
      ['', 'browser'],
      ['DeviceType', 'os'],
      ['', 'platform'],
      ['Device', 'mobile'],
      ['Device', 'name'],
      ['DeviceModel', 'type'],
    ]);
  });
});

describe('transactions and accounts (Decree 356: transaction history)', () => {
  test("a person's bank or card transaction is financial data, its name included", () => {
    expectCategory([
      ['Transaction', 'amount', 'financial'],
      ['transactions', 'name', 'financial'],
      ['BankTransaction', 'description', 'financial'],
      ['Transaction', 'counterpartyName', 'financial'],
      ['Transaction', 'merchant', 'financial'],
      ['TransactionSchema', 'amount', 'financial'],
      ['GiaoDich', 'so_tien', 'financial'],
      ['GiaoDich', 'noi_dung', 'financial'],
      ['Transaction', 'transactionAmount', 'financial'],
      ['Payment', 'amount', 'financial'],
      ['bankAccounts', 'baseBalance', 'financial'],
      ['bankAccounts', 'creditLimit', 'financial'],
      ['bankAccounts', 'balance', 'financial'],
      ['CreditCard', 'number', 'financial'],
      ['Wallet', 'balance', 'financial'],
    ]);
  });

  test("a bank account's label, a transaction category and amounts elsewhere are not", () => {
    expectNothing([
      ['bankAccounts', 'name'],
      ['BankAccount', 'name'],
      ['TransactionCategory', 'name'],
      ['TransactionCategory', 'description'],
      ['Product', 'amount'],
      ['', 'amount'],
      ['Order', 'description'],
      ['Transaction', 'status'],
      ['Transaction', 'currency'],
    ]);
  });
});

describe("a company's, poll's or product's fields are not a person's", () => {
  test('owner words inside the name and owning types decide', () => {
    expectNothing([
      ['Customer', 'headquartersLocation'],
      ['Company', 'headquarters_address'],
      ['Poll', 'name'],
      ['Survey', 'name'],
      ['Product', 'name'],
      ['Company', 'industry'],
      ['Bank', 'name'],
    ]);
    expectCategory([
      ['Customer', 'relative', 'family'],
      ['User', 'name', 'full-name'],
    ]);
    expectNothing([['', 'relativePath'], ['Product', 'relative']]);
  });
});

describe('owner contexts: configuration errors name the place', () => {
  test('unknown category', () => {
    expect(() => compileContexts([{ owners: ['transaction'], fields: { money: ['amount'] } }], 'x.yml')).toThrow(ConfigError);
    expect(() => compileContexts([{ owners: ['transaction'], fields: { money: ['amount'] } }], 'x.yml')).toThrow(/contexts\[0\]\.fields: unknown category "money"/);
  });
  test('duplicate term inside one context', () => {
    expect(() => compileContexts([{ owners: ['transaction'], fields: { financial: ['amount'] }, none: ['amount'] }], 'x.yml')).toThrow(/duplicate term "amount"/);
  });
  test('a word without letters', () => {
    expect(() => compileContexts([{ owners: ['--'], none: ['name'] }], 'x.yml')).toThrow(/contexts\[0\]\.owners\[0\]/);
  });
});

describe('vital-sign abbreviations', () => {
  test('"HA" is blood pressure only inside a vital-signs record', () => {
    expectCategory([
      ['Sinhhieu', 'ha', 'health'],
      ['ChiSoSinhTon', 'HA', 'health'],
    ]);
    expectNothing([['User', 'ha'], ['', 'ha'], ['Product', 'ha'], ['BenhNhan', 'ha_noi']]);
  });
});

describe('nested bank details', () => {
  test("the bank and branch inside a person's bank details are financial", () => {
    expect(classifyIdentifierPath(['User', 'bankInfo', 'chi_nhanh'])?.category).toBe('financial');
    expect(classifyIdentifierPath(['NhanVien', 'thongTinNganHang', 'ten'])?.category).toBe('financial');
    expect(classifyIdentifierPath(['User', 'bankDetails', 'branch'])?.category).toBe('financial');
    expect(classifyIdentifierPath(['Store', 'branch'])).toBeUndefined();
    expect(classifyIdentifier('branch', 'User')).toBeUndefined();
  });
});

describe('Vietnamese names without diacritics or separators', () => {
  test('coordinates, guardians and last sign-in times', () => {
    expectCategory([
      ['KhachHang', 'KinhDo', 'location'],
      ['KhachHang', 'vi_do', 'location'],
      ['HocSinh', 'NguoiGiamHo', 'family'],
      ['NguoiDung', 'ngay_dang_nhap_cuoi', 'online-activity'],
      ['NguoiDung', 'dangnhapcuoi', 'online-activity'],
      ['User', 'currentSignInAt', 'online-activity'],
    ]);
    expectNothing([['CuaHang', 'kinh_doanh'], ['', 'loai_kinh_doanh'], ['Product', 'kinh_do']]);
  });
});

describe('Vietnamese head nouns: the word after "tên" / "họ" says whose it is', () => {
  test("a person's name, with full and abbreviated person words", () => {
    expectCategory([
      ['KhachHang', 'ten_khach_hang', 'full-name'],
      ['', 'tenKhachHang', 'full-name'],
      ['', 'TenKH', 'full-name'],
      ['', 'TenNV', 'full-name'],
      ['', 'ho_ten_bn', 'full-name'],
      ['', 'ten_nguoi_nhan', 'full-name'],
      ['NhanVien', 'ten', 'full-name'],
      ['NhanVien', 'ten2', 'full-name'],
      ['', 'ten_that', 'full-name'],
    ]);
  });

  test("a thing's name, or another word, on a person's model is not a person's name", () => {
    expectNothing([
      ['KhachHang', 'ten_thuoc'],
      ['KhachHang', 'ten_mien'],
      ['NhanVien', 'ten_chuc_vu'],
      ['NhanVien', 'ten_phong'],
      ['NhanVien', 'ten_khoa'],
      ['User', 'ten_voucher'],
      ['User', 'ho_tro'],
      ['User', 'hoTro'],
    ]);
  });
});

describe('token models', () => {
  test('the token field of any token model is a credential; a crypto token model is not personal', () => {
    expectCategory([
      ['InfraToken', 'token', 'credentials'],
      ['ApiToken', 'tokenHash', 'credentials'],
      ['PersonalAccessToken', 'token', 'credentials'],
      ['Otp', 'code', 'credentials'],
    ]);
    expectNothing([['Token', 'value'], ['Token', 'code'], ['Erc20Token', 'decimals'], ['TokenTransfer', 'token']]);
  });
});

describe('clients', () => {
  test("a Client model is a customer; a software client's fields are configuration", () => {
    expectCategory([
      ['Client', 'name', 'full-name'],
      ['Client', 'country', 'address'],
      ['ClientModel', 'email', 'digital-account'],
      ['clients', 'phone', 'phone'],
    ]);
    expectNothing([
      ['SmtpClient', 'password'],
      ['ApiClient', 'name'],
      ['OAuthClient', 'name'],
      ['redisClient', 'name'],
      ['HttpClient', 'address'],
      ['', 'clientSecret'],
      ['', 'clientName'],
    ]);
  });
});

describe('pay', () => {
  test("an employee's or a payroll record's pay items are financial", () => {
    expectCategory([
      ['BangLuong', 'luong_co_ban', 'financial'],
      ['BangLuong', 'phu_cap', 'financial'],
      ['BangLuong', 'thuc_linh', 'financial'],
      ['Payroll', 'net', 'financial'],
      ['Payslip', 'deductions', 'financial'],
      ['NhanVien', 'tong_luong', 'financial'],
      ['Employee', 'baseSalary', 'financial'],
      ['NhanVien', 'thuong', 'financial'],
    ]);
  });

  test("a position's standard pay, a product's quantity and pay grades are not", () => {
    expectNothing([
      ['ChucVu', 'phu_cap'],
      ['ChucVu', 'bonus'],
      ['Product', 'luong'],
      ['BangLuong', 'so_luong'],
      ['NhanVien', 'tong'],
      ['Order', 'thuong'],
      ['Employee', 'salaryGrade'],
      ['', 'phu_cap'],
    ]);
  });
});
