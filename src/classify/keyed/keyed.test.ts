/**
 * End to end through the file scanner (value detectors + keyed values), with the real rule packs:
 * what keyed values add, and the hard negatives they must leave alone.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRules } from '../../rules/load.js';
import { createFileScanner } from '../../scan/file-task.js';
import type { Finding } from '../../model/finding.js';
import { keyedFindings } from './index.js';
import { keyedRuleMetas } from '../../rules/meta/families.js';
import { LineIndex } from '../../util/lines.js';

let scan: (rel: string, text: string) => Promise<Finding[]>;

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-keyed-'));
  const scanFile = createFileScanner(loadRules());
  scan = async (rel, text) => {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return (await scanFile({ abs, rel })).findings;
  };
});

const keyed = (fs: Finding[]) => fs.filter((f) => f.ruleId.startsWith('kv-'));
const categories = (fs: Finding[]) => [...new Set(fs.flatMap((f) => f.categories))].sort();

describe('keyed values through the file scanner', () => {
  test('JSON keys: family, e-wallet credentials, biometric, private life, ID images, religion, genetics, gender', async () => {
    const json = JSON.stringify(
      {
        hoTenCha: 'Nguyễn Văn Bình',
        quan_he_chu_ho: 'Con dâu',
        matKhauViDienTu: 'Hoa@1990x',
        vector_khuon_mat: [0.12, -0.33, 0.5, 0.1, 0.2, 0.3, 0.4, 0.51, 0.6],
        biMatCaNhan: 'Từng bị bạo hành gia đình, đang sống tạm ở nhà người quen',
        anh_cccd_truoc: 's3://ekyc-docs/2023/01/9f1e_front.jpg',
        tinNguongTonGiao: 'Cao Đài',
        kieuGen: 'APOE e3/e4',
        phai: 'Nữ',
      },
      null,
      2,
    );
    const found = categories(await scan('api/ho-so.json', json));
    for (const c of ['family', 'full-name', 'eid-bank-credentials', 'biometric', 'private-life', 'id-document-image', 'political-religious', 'genetic', 'gender']) {
      expect(found).toContain(c);
    }
  });

  test('CSV headers and SQL INSERT columns key their cells; a relative\'s name is also a full name', async () => {
    const csv = 'stt,guardian_name,ghi_chu_rieng_tu\n1,Nguyễn Ngọc Khôi,"Có con riêng ngoài giá thú, đề nghị giữ kín"\n';
    const fs = await scan('data/giam-ho.csv', csv);
    expect(categories(fs)).toEqual(expect.arrayContaining(['family', 'full-name', 'private-life']));
    expect(keyed(fs).length).toBeGreaterThan(0);
    const sql = "INSERT INTO ho_so (id, mat_khau, anh_chan_dung, xu_huong_tinh_duc) VALUES (1, 'Loan1802!', '/uploads/anh-the/nv_0012_3x4.jpg', 'đồng tính nữ');\n";
    expect(categories(await scan('db/seed.sql', sql))).toEqual(expect.arrayContaining(['credentials', 'personal-image', 'sex-life']));
  });

  test('Markdown table headers and "Label: value" lines', async () => {
    const md = '| STT | Ảnh CCCD mặt trước |\n|---|---|\n| 1 | uploads/giay-to/00012_mat_truoc.png |\n\n- **Ghi chú riêng tư:** Đang nợ xấu nhóm 5, vợ chưa biết\n';
    expect(categories(await scan('docs/bien-ban.md', md))).toEqual(expect.arrayContaining(['id-document-image', 'private-life']));
  });

  test('findings explain the key and the value check, and carry kv-<category> rule IDs with metadata', () => {
    const buf = Buffer.from('2024-01-01 INFO login password=Abc12345!x\n');
    const [f] = keyedFindings({ buf, rel: 'logs/app.log', lines: new LineIndex(buf), matches: [] });
    expect(f).toBeDefined();
    expect(f!.ruleId).toBe('kv-credentials');
    expect(f!.kind).toBe('value');
    expect(f!.confidence).toBe('medium');
    expect(f!.message).not.toContain('Abc12345');
    expect(f!.explain!.join('\n')).toMatch(/key "password".*credentials[\s\S]*credential-value/);
    expect(f!.location).toMatchObject({ line: 1, column: 32, endColumn: 42 });
    const metas = keyedRuleMetas();
    expect(metas.map((m) => m.id)).toContain('kv-credentials');
    expect(metas.every((m) => m.help.length > 20 && m.fullDescription.length > 20)).toBe(true);
  });

  test('value detectors win: same category not repeated, a recognised identifier is not re-labelled', async () => {
    const fs = await scan('api/x.json', '{"ghi_chu_rieng_tu": "0912345678", "ghiChuRiengTu": "Đang ly thân, không muốn gia đình biết"}');
    expect(fs.some((f) => f.category === 'phone')).toBe(true);
    const kv = keyed(fs);
    expect(kv).toHaveLength(kv.filter((f) => f.value !== '0912345678').length);
    // No two findings of one category on the same span.
    const spans = fs.map((f) => `${f.category}@${f.location!.line}:${f.location!.column}`);
    expect(new Set(spans).size).toBe(spans.length);
  });

  describe('hard negatives: no keyed findings', () => {
    const negatives: Array<[string, string]> = [
      ['config/app.yaml', 'db:\n  host: localhost\n  password: CHANGE_ME\nsmtp:\n  password: ${SMTP_PASSWORD}\nadmin:\n  password: "<your-password>"\n  mat_khau: "********"\n'],
      ['.env.example', 'DB_PASSWORD=${DB_PASSWORD}\nADMIN_PASSWORD=changeme\nMAT_KHAU=\nUSER_PASSWORD=xxx\n'],
      ['schema/user.graphql', 'type User {\n  gender: String\n  phone: String!\n  religion: String\n  password: String\n}\n'],
      ['src/types.ts', 'export interface User {\n  gender: string;\n  phone: string;\n  password?: string;\n  avatar: string | null;\n}\nconst u = { password: req.body.password, gender: input.gender, matKhau: hashed };\n'],
      ['src/locales/vi.json', '{"gender": "Giới tính", "gender_male": "Nam", "gender_female": "Nữ", "password": "Mật khẩu", "religion": "Tôn giáo"}'],
      ['src/labels.json', '{"gender": "Giới tính", "password": "Mật khẩu", "religion": "Tôn giáo", "marital_status": "Tình trạng hôn nhân", "ethnicity": "Dân tộc"}'],
      ['package.json', '{\n  "name": "clinic-app",\n  "version": "1.2.0",\n  "description": "Quản lý hồ sơ bệnh án",\n  "author": "Team <dev@example.com>",\n  "keywords": ["health", "gender", "biometric"],\n  "scripts": {"test": "vitest"}\n}\n'],
      ['api/openapi.yaml', 'components:\n  schemas:\n    Patient:\n      properties:\n        gender:\n          type: string\n          enum: [male, female]\n        diagnosis:\n          type: string\n          description: Chẩn đoán\n        avatar:\n          type: string\n          format: uri\n'],
      ['docs/tuyen-dung.md', 'Bệnh viện Đa khoa Xanh Pôn thông báo tuyển dụng 37 bác sĩ. Yêu cầu: tốt nghiệp chuyên ngành Y đa khoa; ưu tiên ứng viên có kinh nghiệm chẩn đoán hình ảnh, điều trị bệnh nhân ung thư. Ứng viên có sức khỏe tốt, không có tiền án, tiền sự. Hồ sơ gồm: đơn dự tuyển, giấy khám sức khỏe.\n'],
      ['api/products.json', '{\n  "product": {\n    "name": "Sản phẩm A",\n    "category": "Thời trang nam",\n    "image": "https://cdn.shop.vn/p/a.jpg"\n  }\n}\n'],
      ['src/form.tsx', '<input name="password" placeholder="Nhập mật khẩu" type="password" />\n<label>Giới tính: <select name="gender"/></label>\n'],
      ['notes/tin-tuc.txt', 'Sức khỏe: Bộ Y tế khuyến cáo người dân chủ động phòng chống sốt xuất huyết trong mùa mưa.\nCho Ray Hospital is hiring nurses and radiologists: experience in diagnostic imaging and oncology preferred, clean criminal record required.\n'],
      ['docs/policy.md', 'Bí mật cá nhân: là thông tin mà chủ thể không muốn công khai.\nMật khẩu: phải có ít nhất 8 ký tự.\nTôn giáo: Nhập tôn giáo của bạn\n'],
    ];
    test.each(negatives)('%s', async (rel, text) => {
      expect(keyed(await scan(rel, text)).map((f) => `${f.ruleId} ${f.value}`)).toEqual([]);
    });
  });

  test('without the file pipeline: keyedFindings on a buffer needs only the detector matches', () => {
    const buf = Buffer.from('hoTenCha: Trần Văn An\n');
    const out = keyedFindings({ buf, rel: 'notes/a.yaml', lines: new LineIndex(buf), matches: [] });
    expect(out.map((f) => f.ruleId).sort()).toEqual(['kv-family', 'kv-full-name']);
  });

  test("a service's health status is not a person's health (issue 12); a diagnosis still is", async () => {
    const noise = await scan('src/deploy/status.json', '{"healthStatus": "healthy", "HealthStatus": "degraded", "tinh_trang_suc_khoe": "Tăng huyết áp độ 2"}');
    expect(noise.filter((f) => f.category === 'health').map((f) => f.value)).toEqual(['Tăng huyết áp độ 2']);
  });
});
