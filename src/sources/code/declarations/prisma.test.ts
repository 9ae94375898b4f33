import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { extractPrisma } from './prisma.js';
import { extractDeclarations } from './index.js';
import { fieldNames, fixture, summary } from './test-helpers.js';

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
