/**
 * End-to-end checks of the text detectors (rules/vn-people.yml, rules/special-categories.yml,
 * rules/accounts.yml) through the real classifier with every built-in rule loaded, on realistic
 * snippets: logs, CSV, JSON, SQL, YAML, Markdown, prose. Each case lists exactly which of these
 * packs' categories must be found; hard negatives must find none. Tabular files get the same
 * column hints as in a scan (src/sources/files/structured.ts).
 */
import { describe, expect, test } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { Classifier } from '../src/classify/engine.js';
import { hintFor } from '../src/sources/files/structured.js';
import { LineIndex } from '../src/util/lines.js';
import { listEntries } from '../src/rules/macros.js';
import { fold } from '../src/util/fold.js';

const TEXT_CATEGORIES = new Set([
  'full-name', 'date-of-birth', 'gender', 'address', 'nationality', 'personal-image', 'id-document-image', 'marital-status', 'family',
  'credentials', 'political-religious', 'health', 'ethnicity', 'genetic', 'biometric', 'sex-life', 'criminal-record', 'private-life',
]);

const classifier = new Classifier(loadRules());

/** Categories of these packs found in `text`, as if it were the file `path`. */
function found(text: string, path = 'note.txt'): string[] {
  const buf = Buffer.from(text.normalize('NFC'), 'utf8');
  const hintAt = hintFor(path, buf, new LineIndex(buf));
  const cats = classifier.classifyBuffer(buf, { hintAt }).map((m) => m.category);
  return [...new Set(cats.filter((c) => TEXT_CATEGORIES.has(c)))].sort();
}

const sorted = (xs: string[]) => [...xs].sort();

describe('records in data files', () => {
  test('CSV with Vietnamese headers (column hints)', () => {
    const csv = [
      'ho_ten,ngay_sinh,gioi_tinh,dia_chi,dan_toc,ton_giao,nhom_mau,chan_doan,quoc_tich,tinh_trang_hon_nhan',
      'Nguyễn Thị Minh Khai,1995-03-14,Nữ,"12 Lê Văn Sỹ, Phường 11, Quận 3, TP. Hồ Chí Minh",Kinh,Phật giáo,O,Tăng huyết áp độ 1,Việt Nam,Độc thân',
      'Trần Văn Bình,1990-07-02,Nam,"45 Ngõ 120 Trần Duy Hưng, Cầu Giấy, Hà Nội",Tày,Không,A,Đái tháo đường type 2,Việt Nam,Đã kết hôn',
    ].join('\n');
    expect(found(csv, 'patients.csv')).toEqual(
      sorted(['full-name', 'date-of-birth', 'gender', 'address', 'ethnicity', 'political-religious', 'health', 'nationality', 'marital-status']),
    );
  });

  test('CSV typed without diacritics', () => {
    const csv = [
      'ho_ten,ngay_sinh,gioi_tinh,dia_chi,dan_toc,chan_doan',
      'Nguyen Van An,12/03/1990,Nam,"12 Le Loi, Phuong Ben Nghe, Quan 1, TP HCM",Kinh,Tang huyet ap',
    ].join('\n');
    expect(found(csv, 'export.csv')).toEqual(sorted(['full-name', 'date-of-birth', 'gender', 'address', 'ethnicity', 'health']));
  });

  test('SQL INSERT (column list as hint)', () => {
    const sql = `INSERT INTO benh_nhan (ho_ten, ngay_sinh, gioi_tinh, dan_toc, ton_giao, chan_doan, mat_khau)
VALUES ('Lê Hoàng Yến', '2000-11-23', 'Nữ', 'Kinh', 'Công giáo', 'Viêm dạ dày cấp', 'Yen3005!');`;
    expect(found(sql, 'seed.sql')).toEqual(sorted(['full-name', 'date-of-birth', 'gender', 'ethnicity', 'political-religious', 'health', 'credentials']));
  });

  test('JSON API payload with snake_case and camelCase keys', () => {
    const json = JSON.stringify(
      {
        hoTen: 'Phạm Quốc Đạt',
        ngaySinh: '30/01/1988',
        gioiTinh: 'Nam',
        quocTich: 'Việt Nam',
        hoTenVoChong: 'Nguyễn Hoài Liên',
        xuHuongTinhDuc: 'dị tính',
        biMatCaNhan: 'Từng bị bạo hành gia đình, đang sống tạm ở nhà người quen',
        tien_an_tien_su: 'Không',
        anhCccdTruoc: 'https://kyc.vaynhanh.vn/uploads/89b7c062cf_front.jpg',
        avatarUrl: 'https://cdn.shopviet.vn/avatars/2023/02/u_71976.jpg',
      },
      null,
      2,
    );
    expect(found(json, 'api/profile.json')).toEqual(
      sorted(['full-name', 'date-of-birth', 'gender', 'nationality', 'family', 'sex-life', 'private-life', 'criminal-record', 'id-document-image', 'personal-image']),
    );
  });

  test('YAML seed with biometric and genetic data', () => {
    const yaml = `users:
  - ho_ten: Đặng Thu Hà
    mau_van_tay: Rk1SACAyMACjdBLo4USOETe9pGL8e3otSRNAtJNPbTxHQo9olsm9jd7bLRSG2q+c7Nr8Aajij7z4MNxR1daqtUF1tQ==
    vector_khuon_mat: "[0.1259, 0.1421, 0.0318, -0.0167, 0.0204, -0.0040, -0.1512, 0.0038, 0.0060, 0.0615, ...]"
    xet_nghiem_adn: "BRCA1 c.68_69delAG (dị hợp tử) - gây bệnh"
    mat_khau: Matkhau#2023
`;
    expect(found(yaml, 'config/seed.yaml')).toEqual(sorted(['full-name', 'biometric', 'genetic', 'credentials']));
  });

  test('Markdown table of people', () => {
    const md = `| STT | Họ tên | Ngày sinh | Giới tính | Quan hệ với chủ hộ |
|---|---|---|---|---|
| 1 | Đặng Thu Hà | 02/09/1992 | Nữ | Vợ |
| 2 | Vũ Minh Tuấn | 15/11/1988 | Nam | Chồng |
`;
    expect(found(md, 'docs/ho-khau.md')).toEqual(sorted(['full-name', 'date-of-birth', 'gender', 'family']));
  });
});

describe('logs, notes and prose', () => {
  test('application log lines', () => {
    const log = `2024-05-01 10:22:01 INFO login ok user=Tran Thi Lan ip=113.161.2.4
2024-05-01 10:22:05 WARN payload={"ho_ten":"Lê Hoàng Yến","ngay_sinh":"2000-11-23","gioi_tinh":"Nữ"}
2024-05-01 10:22:09 DEBUG reset password=Hoa@1995 for an.nguyen
2024-05-01 10:22:10 INFO send sms to=0912345678 otp=552190`;
    expect(found(log, 'logs/app.log')).toEqual(sorted(['full-name', 'date-of-birth', 'gender', 'credentials']));
  });

  test('medical record (hồ sơ bệnh án); blood group alone is not health data', () => {
    const txt = `HỒ SƠ BỆNH ÁN
Họ và tên: NGUYỄN VĂN AN          Giới tính: Nam
Ngày sinh: 12/03/1968             Dân tộc: Kinh       Tôn giáo: Không
Địa chỉ: Số 5 ngõ 34 phố Huế, Hai Bà Trưng, Hà Nội
Họ tên cha: Nguyễn Văn Bình
Chẩn đoán: Nhồi máu cơ tim cấp (I21.9)
Nhóm máu: O+`;
    expect(found(txt, 'notes/benh-an.txt')).toEqual(
      sorted(['full-name', 'gender', 'date-of-birth', 'ethnicity', 'political-religious', 'address', 'family', 'health']),
    );
  });

  test('news-style prose about identified people', () => {
    const prose = `Bệnh nhân Nguyễn Văn An, 58 tuổi, được chẩn đoán ung thư phổi giai đoạn 3.
Ông sinh năm 1966, là người dân tộc Mường, theo đạo Thiên Chúa.
Đối tượng Hoàng Văn Tùng (SN 1990, trú tại phường Hàng Bạc, quận Hoàn Kiếm) có 2 tiền án, từng bị tuyên phạt 3 năm tù.`;
    expect(found(prose, 'docs/ban-tin.md')).toEqual(
      sorted(['full-name', 'health', 'date-of-birth', 'ethnicity', 'political-religious', 'address', 'criminal-record']),
    );
  });

  test('English record', () => {
    const en = `Patient: John Carter, DOB: 1975-04-02, Sex: M
Diagnosis: Essential hypertension (I10). Marital status: married. Nationality: British.
Sexual orientation: bisexual. Criminal record: none.`;
    expect(found(en, 'notes/intake.md')).toEqual(
      sorted(['full-name', 'date-of-birth', 'gender', 'health', 'marital-status', 'nationality', 'sex-life', 'criminal-record']),
    );
  });

  test('NFD text (decomposed diacritics) is found like NFC', () => {
    const nfd = 'Họ và tên: Trần Thị Lan, dân tộc: Tày, tôn giáo: Phật giáo'.normalize('NFD');
    expect(found(nfd)).toEqual(sorted(['full-name', 'ethnicity', 'political-religious']));
  });

  test('eKYC code referencing ID and selfie images', () => {
    const ts = "const front = await s3.upload(`kyc/${userId}/anh_cccd_mat_truoc.jpg`, file);\nconst selfie = `kyc/${userId}/selfie.jpg`;";
    expect(found(ts, 'src/ekyc.ts')).toEqual(sorted(['id-document-image', 'personal-image']));
  });

  test('credentials: literals, lines, URLs and PINs', () => {
    const env = 'DB_PASSWORD=Tet!42vn\nDATABASE_URL=postgresql://clinic:Xk9#pLq2@10.0.0.5:5432/clinic\nMã PIN: 4829\n';
    expect(found(env, '.env')).toEqual(['credentials']);
  });
});

describe('hard negatives', () => {
  test.each([
    ['kinh doanh / kinh tế', 'Ngành nghề kinh doanh: bán lẻ. Phòng Kinh doanh vượt chỉ tiêu. Kinh tế Việt Nam tăng trưởng, vùng Kinh Bắc.'],
    ['historic streets and schools', 'Cửa hàng mới khai trương trên phố Trần Hưng Đạo, gần ngã tư Nguyễn Thị Minh Khai. Trường THPT chuyên Lê Hồng Phong khai giảng.'],
    ['bus route on historic streets', 'Tuyến buýt số 32 đi qua đường Lê Lợi và đường Nguyễn Huệ.'],
    ['shrine', 'Lễ dâng hương tại đền thờ Trần Hưng Đạo và tượng đài Lý Thái Tổ diễn ra sáng mùng 10.'],
    ['branch named after a street', 'Chi nhánh Nguyễn Huệ tạm đóng cửa để sửa chữa.'],
    [
      'hospital job advert',
      'Bệnh viện Bạch Mai thông báo tuyển dụng 20 bác sĩ, điều dưỡng năm 2025. Yêu cầu: có chứng chỉ hành nghề; ưu tiên ứng viên có kinh nghiệm chẩn đoán hình ảnh, điều trị bệnh nhân ung thư. Ứng viên có sức khỏe tốt, không có tiền án, tiền sự. Hồ sơ gồm: đơn dự tuyển, phiếu lý lịch tư pháp số 1, giấy khám sức khỏe.',
    ],
    ['order IDs and timestamps', 'Đơn hàng ORD-20240312-123456 tạo lúc 2024-03-12T10:15:22.123Z, ngày tạo: 12/03/2024, ngày giao hàng: 15/08/2025.'],
    ['Việt Nam and miền Nam', 'Sản phẩm được sản xuất tại Việt Nam. Chi nhánh miền Nam đặt tại Bình Dương; văn phòng đại diện ở Hà Nam và Quảng Nam.'],
    ['legal text naming the categories', 'Theo Luật Bảo vệ dữ liệu cá nhân, dữ liệu nhạy cảm gồm quan điểm chính trị, tôn giáo, tình trạng sức khỏe, nguồn gốc chủng tộc, dân tộc, dữ liệu di truyền, đặc điểm sinh trắc học, đời sống tình dục và dữ liệu về tội phạm, tiền án, tiền sự.'],
    ['privacy policy', 'Chính sách quyền riêng tư: chúng tôi không lưu trữ vân tay, khuôn mặt hay dữ liệu sinh trắc học. Mở khóa ứng dụng bằng vân tay hoặc Face ID.'],
    ['password policy and placeholders', 'Mật khẩu phải có ít nhất 8 ký tự, gồm chữ hoa, chữ thường và chữ số. Quên mật khẩu? password: "${DB_PASSWORD}", matKhau: "CHANGE_ME", pwd: ********'],
    ['blood group', 'Nhóm máu: O+, blood_type: AB'],
    ['health article', 'Bệnh tiểu đường. Triệu chứng: khát nước, tiểu nhiều. Chẩn đoán: dựa vào xét nghiệm đường huyết lúc đói. Người bị tiểu đường nên ăn ít đường.'],
    ['general news', 'Lễ Phật đản được tổ chức tại chùa Bái Đính. Bảo tàng Dân tộc học Việt Nam mở cửa từ 8h30. Nghị quyết Đại hội Đảng nhấn mạnh phát triển kinh tế số.'],
    ['company names', 'Đơn vị bán hàng: Công ty TNHH Dịch vụ Hoàng Long. Công ty CP Bán lẻ An Khang là đối tác vận chuyển.'],
    ['Title Case UI text', '<h1>Hồ Sơ Bệnh Án Điện Tử</h1><Button>Tăng Cường Bảo Mật</Button><Tab>Lưu Ý Quan Trọng</Tab>'],
    ['placeholders in forms', 'Họ và tên: Nguyễn Văn A. Ví dụ: Trần Thị B, Nguyen Van A. <input placeholder="dd/mm/yyyy">'],
    ['organisation address', 'Trụ sở chính: 18 Lý Thường Kiệt, Phường Hoàn Kiếm, Hà Nội. Hotline: 1900 1234'],
    ['venue address', 'Hội thảo diễn ra tại 12 Tràng Tiền, Hoàn Kiếm, Hà Nội vào ngày 12/03/2025.'],
    ['ALL-CAPS headings without diacritics', 'BAO CAO DOANH THU\nDANH SACH NHAN VIEN DONG BHXH\nHO SO DINH DANH DIEN TU (EKYC)'],
    ['SSH fingerprint and word embeddings', 'fingerprint: SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8\nword_embedding = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09]'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  test('i18n file of field labels', () => {
    const json = JSON.stringify({
      fullName: 'Họ và tên', dob: 'Ngày sinh', gender: 'Giới tính', address: 'Địa chỉ', diagnosis: 'Chẩn đoán', religion: 'Tôn giáo',
      ethnicity: 'Dân tộc', password: 'Mật khẩu', passwordPlaceholder: 'Nhập mật khẩu', criminalRecord: 'Tiền án, tiền sự',
      sexualOrientation: 'Xu hướng tính dục', medicalHistory: 'Tiền sử bệnh', fatherName: 'Họ tên cha',
    });
    expect(found(json, 'src/i18n/vi.json')).toEqual([]);
  });

  test('configuration addresses and secrets by reference', () => {
    const yaml = 'server:\n  address: 0.0.0.0\n  bind_address: 127.0.0.1:8080\ndatabase:\n  password: ${DB_PASSWORD}\n  url: postgres://user:${DB_PASS}@db/app\n';
    expect(found(yaml, 'config.yml')).toEqual([]);
  });

  test('a non-date-of-birth date column', () => {
    const csv = 'ma_don,ngay_tao,ngay_giao\nDH001,2024-03-12,2024-03-15\n';
    expect(found(csv, 'orders.csv')).toEqual([]);
  });
});

describe('lists', () => {
  test('the 54 ethnic groups are all listed', () => {
    const official = ['Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', 'Mông', 'Dao', 'Gia Rai', 'Ê Đê', 'Ba Na', 'Sán Chay', 'Chăm', 'Cơ Ho', 'Xơ Đăng', 'Sán Dìu', 'Hrê', 'Ra Glai', 'Mnông', 'Thổ', 'Xtiêng', 'Khơ Mú', 'Bru Vân Kiều', 'Cơ Tu', 'Giáy', 'Tà Ôi', 'Mạ', 'Giẻ Triêng', 'Co', 'Chơ Ro', 'Xinh Mun', 'Hà Nhì', 'Chu Ru', 'Lào', 'La Chí', 'Kháng', 'Phù Lá', 'La Hủ', 'La Ha', 'Pà Thẻn', 'Lự', 'Ngái', 'Chứt', 'Lô Lô', 'Mảng', 'Cơ Lao', 'Bố Y', 'Cống', 'Si La', 'Pu Péo', 'Rơ Măm', 'Brâu', 'Ơ Đu'];
    expect(official).toHaveLength(54);
    const listed = new Set(listEntries('vi-ethnic-groups').map((e) => fold(e).replace(/[^a-z]/g, '')));
    for (const g of official) expect(listed, g).toContain(fold(g).replace(/[^a-z]/g, ''));
  });

  test('the 16 recognised religions are listed', () => {
    const official = ['Phật giáo', 'Công giáo', 'Tin Lành', 'Cao Đài', 'Phật giáo Hòa Hảo', 'Hồi giáo', "Baha'i", 'Tịnh độ Cư sĩ Phật hội Việt Nam', 'Cơ đốc Phục lâm', 'Phật giáo Tứ Ân Hiếu Nghĩa', 'Minh Sư Đạo', 'Minh Lý Đạo Tam Tông Miếu', 'Bà la môn', 'Mặc Môn', 'Phật giáo Hiếu Nghĩa Tà Lơn', 'Bửu Sơn Kỳ Hương'];
    const listed = new Set(listEntries('vi-religions').map((e) => fold(e)));
    for (const r of official) expect(listed, r).toContain(fold(r));
  });

  test('every diagnosis starts with a listed start word (the column rule relies on it)', () => {
    const starts = listEntries('vi-diagnosis-starts').map((s) => fold(s));
    for (const d of listEntries('vi-diagnoses')) {
      const f = fold(d);
      expect(starts.some((s) => f === s || f.startsWith(`${s} `)), d).toBe(true);
    }
  });

  test('at least 100 surnames, no duplicates', () => {
    const s = listEntries('vi-surnames');
    expect(s.length).toBeGreaterThanOrEqual(100);
    expect(new Set(s).size).toBe(s.length);
  });
});
