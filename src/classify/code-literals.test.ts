import { describe, expect, test } from 'vitest';
import { Classifier } from './engine.js';
import { loadRules } from '../rules/load.js';
import { LineIndex } from '../util/lines.js';
import { matchToFinding } from '../scan/file-task.js';
import { keyedFindings } from './keyed/index.js';
import { dropExpressionValues, namesSample, scriptKindOf } from './code-literals.js';

const rules = loadRules();
const classifier = new Classifier(rules);
const names = new Map(rules.map((r) => [r.id, r.name]));

/** Value findings of the whole pipeline for one file, before and after the literal filter. */
async function values(rel: string, text: string) {
  const buf = Buffer.from(text);
  const lines = new LineIndex(buf);
  const matches = classifier.classifyBuffer(buf, {});
  const all = [...matches.map((m) => matchToFinding(m, rel, lines, names)), ...keyedFindings({ buf, rel, lines, matches })];
  const kept = await dropExpressionValues(all, rel, () => text);
  return { all: all.map((f) => f.value), kept: kept.map((f) => f.value) };
}

describe('values are literals in TS/JS', () => {
  test('identifiers and member expressions read as values are dropped', async () => {
    const src = 'export const dto = {\n  userId: poll.userId,\n  password: user.password!,\n  username: this.account,\n};\n';
    const r = await values('src/poll.ts', src);
    expect(r.all.length).toBeGreaterThan(0);
    expect(r.kept).toEqual([]);
  });

  test('string, template and number literals, JSX text and comments keep their values', async () => {
    const src = [
      "// Liên hệ: tran.thi.mai88@yahoo.com.vn",
      "const a = { password: 'Xuan2106!x' };",
      'const b = `Khách hàng Nguyễn Thị Mai, SĐT 0903817264`;',
      'const c = { soDienThoai: 903817264, phone: 0o7 };',
      'export const V = () => <p>Email: hoang.lan82@gmail.com</p>;',
    ].join('\n');
    const r = await values('src/app.tsx', src);
    expect(r.kept).toEqual(r.all);
    expect(r.kept).toEqual(expect.arrayContaining(['tran.thi.mai88@yahoo.com.vn', '0903817264', 'hoang.lan82@gmail.com']));
  });

  test('a value with an interpolation is an expression; the literal text around it is not', async () => {
    const r = await values('src/t.ts', 'const s = `Họ tên: ${user.fullName} — email hoang.lan82@gmail.com`;\nconst p = { password: `${user.password}` };\n');
    expect(r.kept).toContain('hoang.lan82@gmail.com');
    expect(r.kept.some((v) => v?.includes('user.'))).toBe(false);
  });

  test('columns after multi-byte text on the same line map to the right offsets', async () => {
    const r = await values('src/v.js', "const ghiChú = 'Đã gọi'; const x = { email: 'ngoc.anh91@gmail.com', password: hoTên.matKhau };\n");
    expect(r.kept).toEqual(['ngoc.anh91@gmail.com']);
  });

  test('other files are not parsed and keep every finding', async () => {
    const text = 'userId: poll.userId\npassword: user.password!\n';
    const r = await values('docs/guide.md', text);
    expect(r.all.length).toBeGreaterThan(0);
    expect(r.kept).toEqual(r.all);
    expect(scriptKindOf('docs/guide.md')).toBeUndefined();
    expect(scriptKindOf('a.b/c')).toBeUndefined();
    expect(scriptKindOf('src/x.MTS')).toBe('TS');
  });

  test("a gender in a type, an enum list, a default or a comparison describes the field; a record's gender is kept", async () => {
    const vocab = [
      "type P = { gender: 'male' | 'female' };",
      "const s = new Schema({ gender: { type: String, enum: ['male', 'female'], default: 'male' } });",
      'const g = user.gender || "male";',
      "if (patient.gender === 'female') notify();",
      "gioiTinh: { type: DataTypes.ENUM('Nam', 'Nữ'), defaultValue: 'Nam' },",
    ];
    const r = await values('src/models/patient.ts', vocab.join('\n'));
    expect(r.all.length).toBeGreaterThan(0);
    expect(r.kept).toEqual([]);
    const record = await values('src/seed/patients.ts', "export const patients = [{ name: 'Trần Thị Mai', gender: 'female', phone: '0903817264' }];");
    expect(record.kept).toContain('female');
    expect(record.kept).toEqual(record.all);
    const lines = await values('src/samples.ts', "export const S = [\n  'Hành khách Trần Thị Mai, Sex: F, SĐT 0903817264',\n  'Hành khách Lê Văn Hùng; Phai: Nam; SĐT 0987163542',\n];");
    expect(lines.all.length).toBeGreaterThan(0);
    expect(lines.kept).toEqual(lines.all);
  });
});

describe('values inside declarations named as samples', () => {
  test('names made of sample words, in any case style', () => {
    for (const n of ['samples', 'samplePayloads', 'MOCK_USERS', 'demo-accounts', 'exampleCustomer', 'fakeData']) expect(namesSample(n), n).toBe(true);
    for (const n of ['customers', 'resampled', 'exemplary', 'examineResult', 'stubborn', 'patientRecords']) expect(namesSample(n), n).toBe(false);
  });

  test('a value inside `samples` is marked with the declaration name; the same value elsewhere is not', async () => {
    const text = 'export const samples = [{ body: { customer_name: "Priya Nair", email: "priya.nair88@gmail.com" } }];\nexport const owner = { email: "lan.nguyen88@gmail.com" };\n';
    const buf = Buffer.from(text);
    const lines = new LineIndex(buf);
    const all = classifier.classifyBuffer(buf, {}).map((m) => matchToFinding(m, 'src/retell.ts', lines, names));
    const kept = await dropExpressionValues(all, 'src/retell.ts', () => text);
    const byValue = new Map(kept.map((f) => [f.value, f.properties?.sampleOf]));
    expect(byValue.get('priya.nair88@gmail.com')).toBe('samples');
    expect(byValue.has('lan.nguyen88@gmail.com')).toBe(true);
    expect(byValue.get('lan.nguyen88@gmail.com')).toBeUndefined();
  });
});
