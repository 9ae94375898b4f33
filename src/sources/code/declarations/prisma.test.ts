import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { extractPrisma } from './prisma.js';
import { extractDeclarations } from './index.js';
import { fieldNames, fixture, summary } from '../../../../test/helpers/declarations.js';

describe('Prisma schema', () => {
  const { path, text } = fixture('schema.prisma');
  const { fields } = extractPrisma(text);

  test('reads scalar fields with type, @map and the datasource provider', () => {
    const soCccd = fields.find((f) => f.field === 'soCccd')!;
    expect(soCccd).toMatchObject({ model: 'BenhNhan', framework: 'prisma', store: 'postgresql', table: 'benh_nhan', aliases: ['so_cccd'], line: 19, column: 3 });
    expect(soCccd.type).toBe('String @db.VarChar(12)');
  });

  test('skips relation fields and their foreign keys, keeps enums', () => {
    const names = fieldNames(fields);
    expect(names).not.toContain('BenhNhan.visits');
    expect(names).not.toContain('BenhNhan.insurance');
    expect(names).not.toContain('BenhNhan.insuranceId');
    expect(names).not.toContain('Visit.patient');
    expect(names).not.toContain('Insurance.owner');
    expect(names).toContain('BenhNhan.gioiTinh');
  });

  test('ignores enum values, datasource and generator settings', () => {
    const names = fieldNames(fields);
    expect(names.some((n) => n.startsWith('Gender.') || n.startsWith('db.') || n.startsWith('client.'))).toBe(false);
  });

  test('personal fields become findings; Product fields do not', () => {
    const r = extractDeclarations(path, text);
    expect(summary(r.findings)).toEqual(
      [
        'BenhNhan.hoTen full-name',
        'BenhNhan.soCccd national-id',
        'BenhNhan.ngaySinh date-of-birth',
        'BenhNhan.gioiTinh gender',
        'BenhNhan.sdt phone',
        'BenhNhan.diaChi address',
        'BenhNhan.chanDoan health',
        'BenhNhan.email digital-account',
        'BenhNhan.passwordHash credentials',
        'BenhNhan.avatar personal-image',
        'Visit.symptoms health',
        'Insurance.soBhyt health-insurance',
      ].sort(),
    );
  });

  test('/// @encrypted and password hashes are protection evidence', () => {
    const r = extractDeclarations(path, text);
    expect(r.evidence.map((e) => e.key).sort()).toEqual(['encryption:prisma-field-encryption', 'hashing:field-name']);
    const chanDoan = r.findings.find((f) => f.properties!['field'] === 'chanDoan')!;
    expect(chanDoan.properties!['protection']).toEqual(['encryption']);
  });

  test('a one-line block (enum Role { USER ADMIN }) does not swallow the next model', () => {
    const { fields: f } = extractPrisma('enum Role { USER ADMIN }\nmodel User {\n  email String\n  role Role\n}\n');
    expect(fieldNames(f)).toEqual(['User.email', 'User.role']);
  });

  test('a "//" inside a string is not a comment', () => {
    const { fields: f } = extractPrisma('model User {\n  note String @default("a // b")\n  phone String\n}\n');
    expect(fieldNames(f)).toEqual(['User.note', 'User.phone']);
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(() => extractPrisma(`model A {\n${s}\n}\n${s}`)).not.toThrow();
      }),
    );
  });
});

describe('Prisma: doc comments, @map, composite types', () => {
  const { path, text } = fixture('schema-docs.prisma');
  const r = extractDeclarations(path, text);

  test('/// doc comment (or zod-prisma @zod.email()) names a text field the name says nothing about; not a Boolean, not a long comment', () => {
    expect(summary(r.findings)).toEqual([
      'Address.city address',
      'Address.street address',
      'Address.zip address',
      'Customer.approvedBy digital-account',
      'Customer.docNumber national-id',
      'Customer.phone phone',
    ]);
    const doc = r.findings.find((f) => f.properties!['field'] === 'docNumber')!;
    expect(doc.confidence).toBe('medium');
    expect(doc.explain!.join(' ')).toContain('doc comment');
  });

  test('@map column (also @map(name: ...)) is reported with the field', () => {
    const phone = r.findings.find((f) => f.properties!['field'] === 'phone')!;
    expect(phone.properties).toMatchObject({ column: 'phone_number', table: 'customers', store: 'mongodb' });
    expect(phone.explain!.join(' ')).toContain('column phone_number');
  });

  test('composite type fields are decided by the model embedding them; enums are not fields', () => {
    const { fields } = extractPrisma(text);
    expect(fields.find((f) => f.model === 'Address' && f.field === 'city')!.owner).toBe('Customer');
    expect(fieldNames(fields).some((n) => n.startsWith('Role.'))).toBe(false);
    expect(fields.find((f) => f.field === 'address')!.skip).toBe(true);
  });

  // Speed is measured in bench/ (npm run bench -- code), not with a wall-clock budget here: this checks the result.
  test('a large schema (300 models, 6,000 fields) is read whole', () => {
    const models: string[] = [];
    for (let i = 0; i < 300; i++) {
      const lines = [`/// Model ${i}`, `model M${i} {`, '  id String @id'];
      for (let j = 0; j < 19; j++) lines.push(`  /// field ${j}`, `  f${j}_email String? @map("f${j}_mail") @db.VarChar(255)`);
      models.push([...lines, `  @@map("m_${i}")`, '}'].join('\n'));
    }
    const big = models.join('\n\n');
    const out = extractDeclarations('prisma/schema.prisma', big);
    expect(out.findings.length).toBe(300 * 19);
  });
});


describe('Prisma trailing comments and types from other schema files', () => {
  test('a trailing // comment describes a field whose name says nothing', () => {
    const text = ['model SentEmail {', '  id        String @id', '  recipient String // Email address of the recipient', '  subject   String // Subject line', '}'].join('\n');
    expect(summary(extractDeclarations('schema.prisma', text).findings)).toEqual(['SentEmail.recipient digital-account']);
  });

  test('a // comment listing example keys is not a description', () => {
    const text = ['model MappingExcel {', '  id    Int    @id', '  field String? // ho_ten, ma_nhan_vien...', '}'].join('\n');
    expect(extractDeclarations('schema.prisma', text).findings).toEqual([]);
  });

  test('a type declared in another file of a split schema is an enum or a model, never an address', () => {
    const text = ['model EmailAccount {', '  id               String @id', '  email            String', '  mailLayout       MailLayout @default(LIST)', '  coldEmailBlocker ColdEmailSetting?', '}'].join('\n');
    expect(summary(extractDeclarations('schema.prisma', text).findings)).toEqual(['EmailAccount.email digital-account']);
  });
});
