import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { integerCandidates, kindFromTypes, valueTexts } from '../../src/sources/db/values.js';
import { columnProtection, protectionOfBinary, protectionOfValue } from '../../src/sources/db/protection.js';
import { bytesOf, imageFormat, imageFormatOfText } from '../../src/sources/db/images.js';
import { PathCollector, keysFromLeaf, leafKey, parseJsonValue, MAX_PATHS } from '../../src/sources/db/flatten.js';
import { globToRegExp, tableMatcher } from '../../src/sources/db/table-filter.js';
import { tableArtifactPath } from '../../src/sources/db/analyze-table.js';
import { Classifier } from '../../src/classify/engine.js';
import { classifyMany } from '../../src/sources/db/batch-classify.js';
import type { RuleDef } from '../../src/rules/types.js';

describe('numbers that lost their leading zeros', () => {
  test('a mobile stored as a 9-digit number gets its 0 back', () => {
    expect(integerCandidates('912345678')).toContain('0912345678');
  });
  test('a CCCD whose province code began with 0 is padded to 12 digits', () => {
    expect(integerCandidates('1090012345')).toContain('001090012345');
    expect(integerCandidates('79090012345')).toContain('079090012345');
  });
  test('a phone with the 84 country code gets its +', () => {
    expect(integerCandidates('84912345678')).toContain('+84912345678');
  });
  test('short numbers (ids, amounts, years) are not classified at all', () => {
    expect(integerCandidates('1')).toEqual([]);
    expect(integerCandidates('2024')).toEqual([]);
    expect(integerCandidates('1234567')).toEqual([]);
  });
  test('property: the number itself is always the first spelling, without duplicates', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10_000_000n, max: 10n ** 18n }), (n) => {
        const c = integerCandidates(String(n));
        return c[0] === String(n) && new Set(c).size === c.length && c.every((x) => x.replace(/^\+/, '').endsWith(String(n)));
      }),
    );
  });
  test('valueTexts by kind', () => {
    expect(valueTexts('912345678', 'integer')).toContain('0912345678');
    expect(valueTexts(912345678, 'text')).toContain('0912345678');
    expect(valueTexts('21.0285', 'number')).toEqual(['21.0285']);
    expect(valueTexts(new Date('1990-03-12T00:00:00Z'), 'text')).toEqual(['1990-03-12']);
    expect(valueTexts(null, 'text')).toEqual([]);
    expect(valueTexts('   ', 'text')).toEqual([]);
    expect(valueTexts('x', 'skip')).toEqual([]);
    expect(valueTexts('a'.repeat(10_000), 'text')[0]).toHaveLength(4096);
  });
  test('MongoDB field kinds from the types seen', () => {
    expect(kindFromTypes(new Set(['string', 'null']))).toBe('text');
    expect(kindFromTypes(new Set(['integer', 'long']))).toBe('integer');
    expect(kindFromTypes(new Set(['integer', 'double']))).toBe('number');
    expect(kindFromTypes(new Set(['binary']))).toBe('binary');
    expect(kindFromTypes(new Set(['objectid']))).toBe('skip');
    expect(kindFromTypes(new Set(['null']))).toBe('skip');
  });
});

describe('protection shapes', () => {
  test.each([
    ['$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 'hashing:bcrypt'],
    ['$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG', 'hashing:argon2'],
    ['5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8', 'hashing:sha256'],
    ['098f6bcd4621d373cade4e832627b4f6', 'hashing:md5'],
    ['-----BEGIN PGP MESSAGE-----\nhQEMA...', 'encryption:pgp'],
    ['vault:v1:8SDd3WHDOjf7mq69CyCqYjBXAiQQAVZRkFM13ok481zoCmHnSeDX9vyf7w==', 'encryption:vault-transit'],
    ['q9Zx2LmT7vKp4RsW8nYb3HcJ6dFg1QaE0uOiPlMkNzXy', 'encryption:base64'],
    ['091****678', 'masking'],
    ['XXXXXXXX1234', 'masking'],
  ])('%s → %s', (v, key) => {
    expect(protectionOfValue(v)?.key).toBe(key);
  });

  test.each([
    'Nguyễn Văn An',
    '0912345678',
    '001090012345',
    'nguyen.van.an@gmail.com',
    '12345678901234567890123456789012', // 32 digits, no hex letter: not a digest
    'Số 12 đường Lê Lợi, Phường Bến Nghé, Quận 1',
    'CustomerAccountNumberForTheBank', // long, but words
    'ghi chú *** quan trọng và dài hơn sáu mươi tư ký tự để không bị coi là một giá trị bị che',
  ])('%s is plain data', (v) => {
    expect(protectionOfValue(v)).toBeUndefined();
  });

  test('random bytes look encrypted, text bytes do not', () => {
    const random = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 97 + 13) % 256));
    expect(protectionOfBinary(random)?.key).toBe('encryption:binary');
    expect(protectionOfBinary(Buffer.from('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'))).toBeUndefined();
  });

  test('a column is protected when ≥ 80% of its values share a protection shape', () => {
    const g = protectionOfValue('098f6bcd4621d373cade4e832627b4f6');
    expect(columnProtection([g, g, g, g, undefined], 5)?.ratio).toBe(0.8);
    expect(columnProtection([g, g, g, undefined, undefined], 5)).toBeUndefined();
    expect(columnProtection([], 0)).toBeUndefined();
  });
});

describe('image magic bytes', () => {
  const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');
  test.each([
    ['ffd8ffe000104a464946', 'jpeg'],
    ['89504e470d0a1a0a0000000d', 'png'],
    ['474946383961', 'gif'],
    ['52494646 24000000 57454250 5650', 'webp'],
    ['49492a00', 'tiff'],
    ['00000018 66747970 68656963', 'heic'],
    ['00000018 66747970 61766966', 'avif'],
    ['424d 3a000000 00000000', 'bmp'],
  ])('%s is %s', (h, format) => {
    expect(imageFormat(hex(h))).toBe(format);
  });
  test('other bytes are not images', () => {
    expect(imageFormat(hex('25504446'))).toBeUndefined(); // PDF
    expect(imageFormat(hex('504b0304'))).toBeUndefined(); // ZIP
    expect(imageFormat(hex('424d0000ffff'))).toBeUndefined(); // "BM" text
    expect(imageFormat(Buffer.alloc(0))).toBeUndefined();
  });
  test('base64 images and data: URLs in text columns', () => {
    expect(imageFormatOfText('data:image/png;base64,iVBORw0KGgo=')).toBe('png');
    expect(imageFormatOfText(`/9j/${'A'.repeat(80)}`)).toBe('jpeg');
    expect(imageFormatOfText('/9j/short')).toBeUndefined();
    expect(imageFormatOfText('Nguyễn Văn An')).toBeUndefined();
  });
  test('bytes from drivers: Buffer, pg hex text', () => {
    expect(bytesOf(Buffer.from([1, 2]))).toEqual(Buffer.from([1, 2]));
    expect(bytesOf('\\xffd8ff')).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(bytesOf('text')).toBeUndefined();
  });
});

describe('JSON flattening', () => {
  test('nested objects, arrays of sub-documents and arrays of scalars become paths', () => {
    const c = new PathCollector();
    c.add({ ho_ten: 'Trần Thị Bình', lien_he: { sdt: '0912345678', email: null }, con: [{ ho_ten: 'A' }, { ho_ten: 'B' }], tags: ['vip', 'new'] });
    c.add({ ho_ten: 'Lê Văn Cường', lien_he: { sdt: '0987654321' } });
    const p = c.result().paths;
    expect([...p.keys()].sort()).toEqual(['con[].ho_ten', 'ho_ten', 'lien_he.sdt', 'tags[]']);
    expect(p.get('con[].ho_ten')).toMatchObject({ values: ['A', 'B'], rows: 1 });
    expect(p.get('lien_he.sdt')).toMatchObject({ rows: 2 });
    expect([...p.get('ho_ten')!.types]).toEqual(['string']);
  });
  test('extended JSON wrappers are scalars', () => {
    const c = new PathCollector();
    c.add({ ngay_sinh: { $date: '1990-01-01T00:00:00Z' } });
    expect([...c.paths.keys()]).toEqual(['ngay_sinh']);
  });
  test('the number of paths is bounded', () => {
    const c = new PathCollector();
    const doc: Record<string, number> = {};
    for (let i = 0; i < MAX_PATHS + 50; i++) doc[`k${i}`] = i;
    c.add(doc);
    expect(c.paths.size).toBe(MAX_PATHS);
    expect(c.truncated).toBe(true);
  });
  test('JSON text is parsed; other text is left alone', () => {
    expect(parseJsonValue('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonValue('{broken')).toBe('{broken');
    expect(parseJsonValue('Nguyễn')).toBe('Nguyễn');
  });
  test('keys of a path', () => {
    expect(leafKey('con[].ho_ten')).toBe('ho_ten');
    expect(leafKey('tags[]')).toBe('tags');
    expect(keysFromLeaf('benh_an.ket_qua[].chi_so')).toEqual(['chi_so', 'ket_qua', 'benh_an']);
  });
});

describe('--only / --except patterns', () => {
  const t = (schema: string | undefined, name: string, database = 'crm') => ({ database, schema, name });
  test('globs on qualified and bare names, case-insensitive; --except wins', () => {
    const m = tableMatcher(['public.*', '*customer*'], ['*_bak']);
    expect(m(t('public', 'khach_hang'))).toBe(true);
    expect(m(t('sales', 'Customers'))).toBe(true);
    expect(m(t('sales', 'orders'))).toBe(false);
    expect(m(t('public', 'khach_hang_bak'))).toBe(false);
  });
  test('no patterns: everything; bare names match the table; PostgreSQL also database.schema.table', () => {
    expect(tableMatcher()(t('x', 'y'))).toBe(true);
    expect(tableMatcher(['orders'])(t(undefined, 'orders', 'shop'))).toBe(true);
    expect(tableMatcher(['crm.public.k?ach_hang'])(t('public', 'khach_hang'))).toBe(true);
    expect(tableMatcher(['shop.orders'])(t(undefined, 'orders', 'shop'))).toBe(true);
  });
  test('regex characters in patterns are literal', () => {
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    expect(globToRegExp('a+b(c)').test('a+b(c)')).toBe(true);
  });
});

test('artifact paths are repository-relative and keep URI-significant characters out', () => {
  expect(tableArtifactPath('postgres', { database: 'crm', schema: 'public', name: 'khach_hang' })).toBe('db/postgres/crm/public/khach_hang');
  expect(tableArtifactPath('mysql', { database: 'shop', name: 'orders' })).toBe('db/mysql/shop/orders');
  expect(tableArtifactPath('postgres', { database: 'a/b', schema: 'Sổ #1?', name: '50%' })).toBe('db/postgres/a_b/Sổ _1_/50_');
});

describe('batch classification', () => {
  const rules: RuleDef[] = [
    {
      id: 't-phone',
      category: 'phone',
      name: 'test phone',
      patterns: ['(?:^|[^0-9])(0[35789]\\d{8})(?:[^0-9]|$)'],
      value_group: 1,
      score: 0.5,
      context: { words: ['sdt', 'điện thoại'], before: 40 },
      negative_context: { words: ['đơn hàng'], before: 30 },
    },
    { id: 't-name-gap', category: 'full-name', name: 'spans whitespace', patterns: ['Nguyễn\\s+\\p{Lu}\\p{Ll}+'], score: 0.6 },
  ];
  const c = new Classifier(rules);

  test('same results as one value at a time, and neighbours never act as context', () => {
    const texts = ['0912345678', 'mã đơn hàng', '0987654321', 'điện thoại', '0911222333', 'Nguyễn', 'Văn An'];
    const batched = classifyMany(c, texts);
    const single = texts.map((t) => c.classifyText(t));
    expect(batched.map((ms) => ms.map((m) => [m.ruleId, m.value, m.score]))).toEqual(single.map((ms) => ms.map((m) => [m.ruleId, m.value, m.score])));
    expect(batched[2]).toHaveLength(1); // "mã đơn hàng" just before did not drop it
    expect(batched[4]![0]!.score).toBe(0.5); // "điện thoại" just before did not boost it
    expect(batched[5]).toEqual([]); // "Nguyễn" + "Văn An" across values is not a name
  });

  test('the hint (column name) is context for every value', () => {
    expect(classifyMany(c, ['0912345678'], 'sdt')[0]![0]!.score).toBe(0.8);
  });

  test('property: batching never changes what a value yields', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789 '.split('')), { minLength: 0, maxLength: 14 }).map((a) => a.join(''));
    const words = fc.constantFrom('sdt', 'đơn hàng', 'Nguyễn', 'Văn An', '', 'x');
    const item = fc.tuple(words, digits, words).map(([a, b, d]) => `${a} ${b} ${d}`.trim());
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (texts) => {
        const batched = classifyMany(c, texts).map((ms) => ms.map((m) => `${m.ruleId}:${m.value}:${m.score}`));
        const single = texts.map((t) => c.classifyText(t).map((m) => `${m.ruleId}:${m.value}:${m.score}`));
        return JSON.stringify(batched) === JSON.stringify(single);
      }),
    );
  });
});
