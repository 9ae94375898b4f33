import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { scanInline, type InlineOptions } from './inline.js';
import type { KeyedValue } from './types.js';

const all = () => true;
const DATA: InlineOptions = { bare: 'data' };

function pairs(text: string, opts: InlineOptions = DATA, want: (k: string) => boolean = all) {
  const buf = Buffer.from(text, 'utf8');
  return scanInline(buf, want, opts).map((kv) => ({ key: kv.key, value: kv.value, kind: kv.kind, syntax: kv.syntax }));
}

/** The raw bytes of the span, with string escapes undone as the scanner does. */
function spanText(buf: Buffer, kv: KeyedValue): string {
  return buf.toString('utf8', kv.start, kv.end);
}

describe('inline key/value extraction', () => {
  test('JSON: quoted keys, strings with escapes, numbers, booleans, null', () => {
    expect(pairs('{"hoTenCha": "Nguyễn Văn Bình", "tuoi": 42, "la_dang_vien": true, "ghi_chu": null, "q": "say \\"hi\\""}')).toEqual([
      { key: 'hoTenCha', value: 'Nguyễn Văn Bình', kind: 'string', syntax: 'entry' },
      { key: 'tuoi', value: '42', kind: 'number', syntax: 'entry' },
      { key: 'la_dang_vien', value: 'true', kind: 'bool', syntax: 'entry' },
      { key: 'ghi_chu', value: 'null', kind: 'null', syntax: 'entry' },
      { key: 'q', value: 'say "hi"', kind: 'string', syntax: 'entry' },
    ]);
  });

  test('JSON: a key with spaces and diacritics, minified', () => {
    expect(pairs('{"a":"b","Họ tên cha":"Trần Văn An"}').map((p) => [p.key, p.value])).toEqual([
      ['a', 'b'],
      ['Họ tên cha', 'Trần Văn An'],
    ]);
  });

  test('numeric vectors, also across lines; string arrays item by item', () => {
    const text = '{\n  "vector_khuon_mat": [\n    0.12, -0.33,\n    1e-3\n  ],\n  "tien_su": ["Tăng huyết áp", "Dị ứng Penicillin"]\n}';
    expect(pairs(text)).toEqual([
      { key: 'vector_khuon_mat', value: '[\n    0.12, -0.33,\n    1e-3\n  ]', kind: 'vector', syntax: 'entry' },
      { key: 'tien_su', value: 'Tăng huyết áp', kind: 'string', syntax: 'entry' },
      { key: 'tien_su', value: 'Dị ứng Penicillin', kind: 'string', syntax: 'entry' },
    ]);
  });

  test('YAML: bare values to the end of the line, comments cut, parents and block scalars skipped', () => {
    const text = 'customer:\n  name: Trần Thị Mai # chủ hộ\n  notes: |\n    text\n  - mat_khau: "Hoa@1990"\n';
    expect(pairs(text, { bare: 'data', yaml: true })).toEqual([
      { key: 'name', value: 'Trần Thị Mai', kind: 'bare', syntax: 'entry' },
      { key: 'mat_khau', value: 'Hoa@1990', kind: 'string', syntax: 'entry' },
    ]);
  });

  test('logs and .env: key=value ends at whitespace; <...> kept whole; operators are not separators', () => {
    expect(pairs('ts=1 username=nguyenvana92 password=<your password> ip==1 a!=b x<=y url=https://x.vn/?q=1').map((p) => [p.key, p.value])).toEqual([
      ['ts', '1'],
      ['username', 'nguyenvana92'],
      ['password', '<your password>'],
      ['url', 'https://x.vn/?q=1'],
      ['q', '1'],
    ]);
    expect(pairs('DB_PASSWORD=${DB_PASSWORD}\nMAT_KHAU=s3cr3t\n').map((p) => [p.key, p.value])).toEqual([
      ['DB_PASSWORD', '${DB_PASSWORD}'],
      ['MAT_KHAU', 's3cr3t'],
    ]);
  });

  test('"Label: value" in text: multi-word labels, bullets and bold, cut before the next label', () => {
    const text = [
      'Ghi chú riêng tư: Đang ly thân, không muốn gia đình biết',
      '- **Họ tên cha:** Nguyễn Văn Bình',
      "Item: Cà phê, Mã vận đơn: SO-2020-65, Tình trạng hôn nhân: Góa, Mã yêu cầu: ba09",
      "Father's name: John Smith",
    ].join('\n');
    expect(pairs(text).map((p) => [p.key, p.value, p.syntax])).toEqual([
      ['Ghi chú riêng tư', 'Đang ly thân, không muốn gia đình biết', 'label'],
      ['Họ tên cha', 'Nguyễn Văn Bình', 'label'],
      ['Item', 'Cà phê', 'entry'],
      ['Mã vận đơn', 'SO-2020-65', 'label'],
      ['Tình trạng hôn nhân', 'Góa', 'label'],
      ['Mã yêu cầu', 'ba09', 'label'],
      ["Father's name", 'John Smith', 'label'],
    ]);
  });

  test('labels stop at a sentence end; a long run of words is prose, keyed by its last word only', () => {
    expect(pairs('Ứng viên có sức khỏe tốt, không có tiền án, tiền sự. Hồ sơ gồm: đơn dự tuyển').map((p) => p.key)).toEqual(['Hồ sơ gồm']);
    expect(pairs('Bệnh nhân cho biết hôm qua đã đi khám và được bác sĩ kết luận: ổn định').map((p) => p.key)).toEqual(['luận']);
  });

  test('a heading label before another label gives no value', () => {
    expect(pairs('Genetic test result released: RECIPIENT: Phạm Bích Oanh').map((p) => [p.key, p.value])).toEqual([['RECIPIENT', 'Phạm Bích Oanh']]);
  });

  test('times, URLs and type casts are not keys', () => {
    expect(pairs('Khám lúc 10:30, xem https://bv.vn/a, Foo::bar, x := 1')).toEqual([]);
  });

  test('shell substitutions and scope tokens are not values (issue 12)', () => {
    expect(pairs('EMAIL_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)\nEMAIL=an.tran@gmail.com\n').map((p) => p.key)).toEqual(['EMAIL']);
    expect(pairs('requestScopes("user.email:read", "repo:status");', { bare: 'code' })).toEqual([]);
    expect(pairs('{"email":"an.tran@gmail.com","scope":"user.email:read"}').map((p) => [p.key, p.value])).toEqual([
      ['email', 'an.tran@gmail.com'],
      ['scope', 'user.email:read'],
    ]);
  });

  test('code: unquoted values are expressions; literals, numbers and labels inside strings count', () => {
    const code = [
      'const user = { password: req.body.password, gender: String, matKhau: \'Secr3t!pw\', pin: 1234 };',
      "const rows = ['Tình trạng hôn nhân: Góa, Ghi chú riêng tư: vợ chưa biết'];",
      'if (password === "x") {}',
    ].join('\n');
    expect(pairs(code, { bare: 'code' }).map((p) => [p.key, p.value])).toEqual([
      ['matKhau', 'Secr3t!pw'],
      ['pin', '1234'],
      ['rows', 'Tình trạng hôn nhân: Góa, Ghi chú riêng tư: vợ chưa biết'],
      ['Tình trạng hôn nhân', 'Góa'],
      ['Ghi chú riêng tư', 'vợ chưa biết'],
    ]);
  });

  test('comment lines are documentation; an escape letter is not part of a key', () => {
    expect(pairs('# vi du: mat_khau: Hoa@1990\nmat_khau: Lan@1991\n', { bare: 'data', yaml: true, lineComments: ['#'] }).map((p) => p.value)).toEqual(['Lan@1991']);
    expect(pairs('// matKhau: "a1b2c3d4"\n * matKhau: "x"\nconst o = { matKhau: "Secr3t!pw" };', { bare: 'code', lineComments: ['//', '/*', '*'] }).map((p) => p.value)).toEqual(['Secr3t!pw']);
    expect(pairs('const s = `Liên hệ\\nEmail: ${email}\\n`;', { bare: 'code' }).map((p) => p.key)).toEqual(['s', 'Email']);
  });

  test('schemas: no bare values at all', () => {
    expect(pairs('type User {\n  gender: String!\n  phone: String\n}', { bare: 'none' })).toEqual([]);
  });

  test('values are read only for wanted keys', () => {
    expect(pairs('a: 1\nmat_khau: x1\nb: 2', DATA, (k) => k === 'mat_khau').map((p) => p.key)).toEqual(['mat_khau']);
  });

  test('property: never throws, and every span lies in the buffer and holds the value', () => {
    const piece = fc.oneof(
      fc.constantFrom(':', '=', '"', "'", '`', '[', ']', '{', '}', ',', ';', '\n', ' ', '\\', '*', '-', '|', '(', ')', '#', '.'),
      fc.constantFrom('ho_ten_cha', 'mật khẩu', 'Ghi chú', '0.12', 'true', 'null', 'Nguyễn', 'x'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom<InlineOptions['bare']>('data', 'code', 'none'), fc.boolean(), (parts, bare, yaml) => {
        const buf = Buffer.from(parts.join(''), 'utf8');
        for (const kv of scanInline(buf, all, { bare, yaml })) {
          expect(kv.start).toBeGreaterThanOrEqual(0);
          expect(kv.end).toBeLessThanOrEqual(buf.length);
          expect(kv.start).toBeLessThan(kv.end);
          const raw = spanText(buf, kv);
          // Strings are unescaped (\" → "), everything else is the span verbatim.
          if (kv.kind === 'string' && raw.includes('\\')) expect(kv.value.length).toBeLessThanOrEqual(raw.length);
          else expect(raw).toBe(kv.value);
          expect(kv.key.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
