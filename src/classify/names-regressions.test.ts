/**
 * Identifiers and owners that once went wrong: integration regressions, data-file keys the keyed
 * values rely on, and gaps found on real applications (synthetic identifiers, same rules).
 */
import { describe, expect, test } from 'vitest';
import { classifyIdentifier, classifyOwner } from './names.js';
import { RANK, type Positive } from './names/test-helpers.js';

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
  credentials: ['matKhau', 'mat_khau', 'pin', 'otp_secret', 'password', 'passwd', 'pwd'],
  // Decree 356 Art. 4.1.i/k: only e-identity, bank and e-wallet logins are sensitive.
  'eid-bank-credentials': ['matKhauViDienTu', 'matKhauInternetBanking', 'mat_khau_ngan_hang', 'vneidPassword', 'bankPin'],
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
  test('blood type is its own category, not health: the regime decides whether it is sensitive', () => {
    for (const n of ['nhom_mau', 'nhomMau', 'blood_type', 'bloodGroup']) expect(classifyIdentifier(n)?.category, n).toBe('blood-type');
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
