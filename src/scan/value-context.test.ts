import { describe, expect, test } from 'vitest';
import type { Finding } from '../model/finding.js';
import { annotateValueFindings } from './value-context.js';
import { aggregateValues } from './aggregate.js';
import { judgeSynthetic as judgeValue } from '../classify/synthetic/synthetic.js';

const judgeSynthetic = (value: string, category: string, line?: string) => judgeValue(value, category, undefined, [], line);

function phone(value: string, line: number): Finding {
  return { ruleId: 'vn-phone', kind: 'value', category: 'phone', categories: ['phone'], confidence: 'high', score: 0.9, message: 'm', value, location: { path: 'a.csv', line, column: 1 } };
}

describe('annotateValueFindings', () => {
  test('records the context, the synthetic verdict and why, without the value', () => {
    const fs = [phone('0912345678', 1), phone('0903817264', 2)];
    annotateValueFindings(fs, { context: 'data', reason: 'extension .csv' }, judgeSynthetic);
    expect(fs.map((f) => f.properties)).toEqual([{ context: 'data', synthetic: true }, { context: 'data', synthetic: false }]);
    expect(fs[0]!.explain).toEqual(['file context: data (extension .csv)', expect.stringMatching(/^value is synthetic: sequential-digits/)]);
    expect(fs[0]!.explain!.join(' ')).not.toContain('0912345678');
  });

  test('a line context overrides a source file, never a test file', () => {
    const asset = () => ({ context: 'asset' as const, reason: 'inline vector data' });
    const inSource = [phone('0903817264', 3)];
    annotateValueFindings(inSource, { context: 'source', reason: 'application file' }, undefined, asset);
    expect(inSource[0]!.properties).toEqual({ context: 'asset' });
    const inTest = [phone('0903817264', 3)];
    annotateValueFindings(inTest, { context: 'test', reason: 'directory "test/"' }, undefined, asset);
    expect(inTest[0]!.properties).toEqual({ context: 'test' });
  });

  test('declarations and flows are left alone; an aggregate is synthetic only when all its values are', () => {
    const flow: Finding = { ...phone('0903817264', 1), kind: 'flow', properties: { sink: 'log' } };
    annotateValueFindings([flow], { context: 'test', reason: 'x' }, judgeSynthetic);
    expect(flow.properties).toEqual({ sink: 'log' });
    const mixed = [phone('0912345678', 1), phone('0903817264', 2)];
    annotateValueFindings(mixed, { context: 'data', reason: 'x' }, judgeSynthetic);
    expect(aggregateValues('a.csv', mixed)[0]!.properties).toMatchObject({ context: 'data', synthetic: false });
    const fake = [phone('0912345678', 1), phone('0987654321', 2)];
    annotateValueFindings(fake, { context: 'data', reason: 'x' }, judgeSynthetic);
    expect(aggregateValues('a.csv', fake)[0]!.properties).toMatchObject({ context: 'data', synthetic: true });
  });

  test("an organisation's hotline is judged by its line outside data files, not in them", () => {
    const text = ['Hotline Bệnh viện: 0903817264'];
    const inSource = [phone('0903817264', 1)];
    annotateValueFindings(inSource, { context: 'source', reason: 'application file' }, judgeSynthetic, undefined, (l) => text[l - 1] ?? '');
    expect(inSource[0]!.properties).toMatchObject({ context: 'source', synthetic: true });
    const inData = [phone('0903817264', 1)];
    annotateValueFindings(inData, { context: 'data', reason: 'extension .csv' }, judgeSynthetic, undefined, (l) => text[l - 1] ?? '');
    expect(inData[0]!.properties).toMatchObject({ context: 'data', synthetic: false });
  });

  test('a letterhead above an address or a mailbox makes it the organisation\'s, not a patient\'s', () => {
    const text = ['BỆNH VIỆN ĐA KHOA MINH AN', 'Địa chỉ: 12 Lý Thường Kiệt, Phường 11, Quận 5', 'Điện thoại: 0903817264'];
    const inSource = [phone('0903817264', 3)];
    annotateValueFindings(inSource, { context: 'source', reason: 'application file' }, judgeSynthetic, undefined, (l) => text[l - 1] ?? '');
    expect(inSource[0]!.properties).toMatchObject({ synthetic: true });
    expect(inSource[0]!.explain!.join(' ')).toContain('organisation-contact');
    // Three lines down is the patient's part of the slip.
    const patient = [...text, 'PHIẾU KHÁM BỆNH', 'Họ tên: Trần Thị Mai', 'Điện thoại: 0987163542'];
    const below = [phone('0987163542', 6)];
    annotateValueFindings(below, { context: 'source', reason: 'application file' }, judgeSynthetic, undefined, (l) => patient[l - 1] ?? '');
    expect(below[0]!.properties).toMatchObject({ synthetic: false });
  });
});

const value = (ruleId: string, category: string, v: string, line: number, path = 'prisma/seed.ts', confidence: Finding['confidence'] = 'high'): Finding => ({
  ruleId,
  kind: 'value',
  category: category as Finding['category'],
  categories: [category as Finding['category']],
  confidence,
  score: 0.9,
  message: 'm',
  value: v,
  location: { path, line, column: 1 },
});

describe('values read as records', () => {
  const seed = { context: 'data' as const, reason: 'file name seed.ts' };
  const source = { context: 'source' as const, reason: 'application file' };

  test("a demo account's role mailbox or sequential phone makes its record synthetic", () => {
    const demo = [value('vn-full-name', 'full-name', 'Phan Anh Tuấn', 4), value('email-address', 'digital-account', 'bacsi@phongkham.vn', 2), value('vn-gender', 'gender', 'Nam', 5)];
    annotateValueFindings(demo, seed, judgeSynthetic);
    expect(demo.map((f) => f.properties?.synthetic)).toEqual([true, true, true]);
    expect(demo[0]!.explain!.join(' ')).toMatch(/synthetic-record \(a made-up digital-account value, role-mailbox, 2 lines away/);
    expect(demo[0]!.explain!.join(' ')).not.toContain('bacsi');
  });

  test('a realistic record stays realistic, and a made-up value does not reach records beyond the window', () => {
    const real = [value('vn-full-name', 'full-name', 'Nguyễn Thị Lan', 10), value('email-address', 'digital-account', 'lan.nguyen88@gmail.com', 11), value('vn-phone', 'phone', '0912770438', 12)];
    const farDemo = value('email-address', 'digital-account', 'admin@hl17.vn', 2);
    annotateValueFindings([farDemo, ...real], seed, judgeSynthetic);
    expect(real.map((f) => f.properties?.synthetic)).toEqual([false, false, false]);
    // A company's placeholder tax code does not make its director's own phone made up.
    const company = [value('vn-tax-id', 'tax-id', '0123456789', 1), value('vn-phone', 'phone', '0928976640', 3)];
    annotateValueFindings(company, seed, judgeSynthetic);
    expect(company[1]!.properties?.synthetic).toBe(false);
  });

  test('a value inside a declaration named as samples is synthetic, and says so without the value', () => {
    const f = { ...value('vn-full-name-labeled', 'full-name', 'Priya Nair', 57, 'src/handAuthored/retell.ts'), properties: { sampleOf: 'samples' } };
    annotateValueFindings([f], source, judgeSynthetic);
    expect(f.properties).toMatchObject({ context: 'source', synthetic: true });
    expect(f.explain!.join(' ')).toContain('sample-declaration (inside `samples`');
    expect(f.explain!.join(' ')).not.toContain('Priya');
  });

  test('one record per line in CSV-like files', () => {
    const rows = [value('vn-phone', 'phone', '0912345678', 1, 'exports/customers.csv'), value('vn-full-name', 'full-name', 'Lê Thị Hoa', 2, 'exports/customers.csv'), value('vn-full-name', 'full-name', 'Trần Văn A2', 1, 'exports/customers.csv')];
    annotateValueFindings(rows, seed, judgeSynthetic);
    expect(rows.map((f) => f.properties?.synthetic)).toEqual([true, false, true]);
  });

  test('in source, a value that names nobody is lone unless a realistic identifier is in its record', () => {
    const alone = [value('vn-gender', 'gender', 'Nam', 60, 'src/constants.ts'), value('kv-credentials', 'credentials', 'Xuan2106!', 90, 'src/constants.ts')];
    annotateValueFindings(alone, source, judgeSynthetic);
    expect(alone.map((f) => f.properties?.lone)).toEqual([true, true]);
    expect(alone[0]!.explain!.join(' ')).toContain('no realistic name, phone, e-mail or ID number within 3 lines');
    const record = [value('vn-full-name', 'full-name', 'Văn Hoà Nguyễn', 19, 'scripts/sync.ts'), value('vn-gender', 'gender', 'Nam', 21, 'scripts/sync.ts')];
    annotateValueFindings(record, source, judgeSynthetic);
    expect(record.map((f) => f.properties?.lone)).toEqual([undefined, undefined]);
    // A name is a person on its own (a doctor on a landing page): never lone.
    const doctor = [value('vn-full-name', 'full-name', 'Đỗ Minh Khoa', 5, 'src/pages/team.tsx')];
    annotateValueFindings(doctor, source, judgeSynthetic);
    expect(doctor[0]!.properties?.lone).toBeUndefined();
  });

  test("the user's own rules are never lone: they say what the user wants found", () => {
    const mine = [value('acme-diagnosis', 'health', 'DX-4471', 8, 'src/codes.ts'), value('vn-gender', 'gender', 'Nam', 30, 'src/codes.ts')];
    annotateValueFindings(mine, source, judgeSynthetic, undefined, undefined, new Set(['acme-diagnosis']));
    expect(mine.map((f) => f.properties?.lone)).toEqual([undefined, true]);
  });

  test('a login name, a note-level name or a made-up mailbox does not anchor a record; data files never have lone values', () => {
    const weak = [
      value('login-username-column', 'digital-account', 'auth0|abc123', 10, 'src/auth0.ts'),
      value('vn-full-name', 'full-name', 'Lê Văn Tám', 11, 'src/auth0.ts', 'medium'),
      value('ip-address', 'online-activity', '203.113.7.20', 12, 'src/auth0.ts'),
    ];
    annotateValueFindings(weak, source, judgeSynthetic);
    expect(weak.map((f) => f.properties?.lone)).toEqual([true, true, true]);
    const sample = [value('email-address', 'digital-account', 'jane.doe@example.com', 30, 'src/auth0.ts'), value('ip-address', 'online-activity', '203.113.7.20', 31, 'src/auth0.ts')];
    annotateValueFindings(sample, source, judgeSynthetic);
    expect(sample[1]!.properties).toMatchObject({ synthetic: true });
    const inData = [value('vn-gender', 'gender', 'Nam', 60, 'seeds/staff.json')];
    annotateValueFindings(inData, seed, judgeSynthetic);
    expect(inData[0]!.properties?.lone).toBeUndefined();
  });
});
