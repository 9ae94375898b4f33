import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { extractSql, tokenizeSql } from './sql.js';
import { extractDeclarations } from './index.js';
import { fieldNames, fixture, summary } from '../../../../test/helpers/declarations.js';

describe('SQL DDL', () => {
  const { path, text } = fixture('schema.sql');

  test('CREATE TABLE columns, quoted names, constraints skipped', () => {
    const { fields } = extractSql(text);
    expect(fieldNames(fields)).toEqual([
      'customers.id',
      'customers.full_name',
      'customers.email',
      'customers.phone_number',
      'customers.date_of_birth',
      'customers.national_id',
      'customers.note',
      'customers.created_at',
      'products.id',
      'products.name',
      'products.sku',
      'customers.ip_address',
      'customers.religion',
    ]);
    const email = fields.find((f) => f.field === 'email')!;
    expect(email).toMatchObject({ line: 5, column: 4, type: 'TEXT', store: 'postgresql' });
    expect(fields.find((f) => f.field === 'phone_number')!.type).toBe('varchar(20)');
  });

  test('comments and strings are not statements', () => {
    expect(fieldNames(extractSql(text).fields).some((n) => n.startsWith('fake.'))).toBe(false);
  });

  test('findings for personal columns only', () => {
    const r = extractDeclarations(path, text);
    expect(summary(r.findings)).toEqual(
      [
        'customers.full_name full-name',
        'customers.email digital-account',
        'customers.phone_number phone',
        'customers.date_of_birth date-of-birth',
        'customers.national_id national-id',
        'customers.ip_address online-activity',
        'customers.religion political-religious',
        // free text on a person's own table is what someone wrote about them
        'customers.note private-life',
      ].sort(),
    );
    expect(r.findings.every((f) => f.properties!['framework'] === 'sql')).toBe(true);
  });

  test('Prisma migration.sql (MySQL backticks)', () => {
    const m = fixture('prisma/migrations/20240101000000_init/migration.sql');
    const r = extractDeclarations(m.path, m.text);
    expect(summary(r.findings)).toEqual(['khach_hang.dia_chi address', 'khach_hang.so_dien_thoai phone', 'khach_hang.ten full-name']);
    expect(r.findings[0]!.properties!['store']).toBe('mysql');
  });

  test('ALTER TABLE variants', () => {
    const { fields } = extractSql('ALTER TABLE IF EXISTS app.users ADD email text, ADD COLUMN "so_dt" varchar(10), DROP COLUMN x, ADD PRIMARY KEY (id);');
    expect(fieldNames(fields)).toEqual(['users.email', 'users.so_dt']);
  });

  test('CREATE TABLE AS SELECT and other statements are ignored', () => {
    expect(extractSql('CREATE TABLE t AS SELECT phone FROM u; CREATE VIEW v AS SELECT 1; INSERT INTO t (phone) VALUES (1);').fields).toEqual([]);
  });

  test('tokenizer handles doubled quotes and unterminated input', () => {
    expect(tokenizeSql("'it''s' x").map((t) => t.kind)).toEqual(['string', 'word']);
    expect(() => tokenizeSql('"unterminated')).not.toThrow();
    expect(() => tokenizeSql("'unterminated")).not.toThrow();
  });

  test('never throws and stays in bounds on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = extractSql(`CREATE TABLE t (${s}); ALTER TABLE t ADD ${s}`);
        for (const f of r.fields) expect(f.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
