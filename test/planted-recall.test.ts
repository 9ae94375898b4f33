/**
 * Issue 12: precision must not cost recall. Realistic records planted into a repository laid out
 * like a real app (with tests, docs and locales around them) are still reported at warning/error
 * after the test-data policy: a CSV export, a seed JSON, an application log, a seed script.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanFiles } from '../src/scan/scan-files.js';
import { applyTestDataPolicy } from '../src/report/test-data.js';
import { findingLevel } from '../src/report/level.js';
import type { Finding } from '../src/model/finding.js';

const PLANTED: Record<string, string> = {
  'exports/customers-2024.csv':
    'ho_ten,so_dien_thoai,email,so_cccd\nTrần Văn Hùng,0903817264,hung.tran82@gmail.com,079190004321\nLê Thị Hoa,0987163542,hoa.le1990@yahoo.com,001089017352\n',
  'prisma/seed-data.json': '[{"fullName": "Nguyễn Thị Lan", "email": "lan.nguyen88@gmail.com", "phone": "0912770438"}]\n',
  'logs/app.log': '2024-05-01T10:00:00Z INFO order created name="Phạm Minh Tuấn" phone=0903551827 email=tuan.pham77@gmail.com cccd=031088765491\n',
  'prisma/seed.ts': "export const staff = [{ hoTen: 'Đỗ Thị Thu Trang', email: 'trang.dothu91@gmail.com', soDienThoai: '0388416275' }];\n",
};
/** Around them, the noise of a real app: none of it may reach warning/error. */
const NOISE: Record<string, string> = {
  'src/users/users.test.ts': "const u = { email: 'hung.tran82@gmail.com', phone: '0903817264', name: 'Trần Văn Hùng' };\n",
  'docs/api.md': 'Ví dụ: `{"email": "lan.nguyen88@gmail.com", "phone": "0912770438"}`\n',
  'locales/vi.json': '{ "profile": { "fullName": "Họ và tên", "owner": "Trần Văn Hùng" } }\n',
  '.env.example': 'SMTP_PASSWORD=Sm7p!Pass2024\n',
  'src/users/dto.ts': 'export const toDto = (u: User) => ({ userId: u.userId, password: u.password!, email: u.email });\n',
};

let dir: string;
let findings: Finding[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-planted-'));
  for (const [rel, text] of Object.entries({ ...PLANTED, ...NOISE })) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const result = await scanFiles({ paths: ['.'], cwd: dir, threads: 1, maxFileSize: 5 * 1024 * 1024, ruleOptions: {}, code: false });
  findings = applyTestDataPolicy(result.findings, false);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reported = (file: string) =>
  findings.filter((f) => f.location?.path === file && (f.kind === 'value' || f.kind === 'aggregate') && findingLevel(f, 'pdpl-2025') !== 'low');

describe('planted realistic records', () => {
  test.each([
    ['exports/customers-2024.csv', ['full-name', 'phone', 'digital-account', 'national-id']],
    ['prisma/seed-data.json', ['full-name', 'phone', 'digital-account']],
    ['logs/app.log', ['full-name', 'phone', 'digital-account', 'national-id']],
    ['prisma/seed.ts', ['full-name', 'phone', 'digital-account']],
  ])('%s: every planted category at warning/error, in the data context', (file, categories) => {
    const found = reported(file);
    expect(new Set(found.map((f) => f.category))).toEqual(new Set(categories));
    for (const f of found) expect(f.properties).toMatchObject({ context: 'data', synthetic: false });
  });

  test('the same values in tests, docs, locales and example config, and code expressions, stay below warning', () => {
    for (const file of Object.keys(NOISE)) expect(reported(file), file).toEqual([]);
    expect(findings.some((f) => f.location?.path === 'src/users/users.test.ts')).toBe(true);
  });
});
