import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { extractDeclarations } from './index.js';
import { modelKey } from './findings.js';
import { personTypeName, plainTypesAllowed } from './ts/type-models.js';
import { fixture, summary } from '../../../../test/helpers/declarations.js';

function run(name: string) {
  const { path, text } = fixture(`more/${name}`);
  return extractDeclarations(path, text);
}

describe('plain TypeScript person types', () => {
  const r = run('plain-types.ts');
  test('interfaces, type literals, intersections, classes and constructor properties of person/record types', () => {
    expect(summary(r.findings)).toEqual(
      [
        'User.name full-name',
        'User.email digital-account',
        'User.phone phone',
        'User.avatarUrl personal-image',
        'User.address.street address',
        'Customer.fullName full-name',
        'Customer.dateOfBirth date-of-birth',
        'Customer.taxCode tax-id',
        'Employee.bankAccount financial',
        'Employee.firstName full-name',
        'Employee.salary financial',
        'Booking.attendeeEmail digital-account',
        'Booking.location location',
      ].sort(),
    );
  });
  test('hard negatives: Team, Product, Server, props, services, options, templates, config, local types', () => {
    const models = new Set(r.findings.map((f) => f.properties!['model']));
    for (const m of ['Team', 'Product', 'Server', 'UserProps', 'UserServiceOptions', 'UserService', 'EmailTemplate', 'AppConfig', 'BaseEntity', 'Local']) {
      expect(models.has(m), m).toBe(false);
    }
    for (const f of ['createdAt', 'emailVerified', 'id', 'team', 'onLogin', 'greet', 'startTime']) {
      expect(r.findings.some((x) => x.properties!['field'] === f), f).toBe(false);
    }
  });
  test('one level lower than a schema, framework "typescript"', () => {
    const email = r.findings.find((f) => f.properties!['field'] === 'email')!;
    expect(email).toMatchObject({ confidence: 'medium', properties: { framework: 'typescript', model: 'User' } });
    expect(email.explain!.join(' ')).toContain('plain type');
    expect(r.findings.find((f) => f.properties!['field'] === 'location')!.confidence).toBe('low');
  });
  test('Vietnamese person types', () => {
    expect(summary(run('vn-types.ts').findings)).toEqual(
      ['KhachHang.danToc ethnicity', 'KhachHang.diaChiThuongTru address', 'KhachHang.hoTen full-name', 'KhachHang.soCccd national-id', 'KhachHang.soDienThoai phone'].sort(),
    );
  });
  test('a type with no owner of its own, embedded in a person type, is decided by that person', () => {
    const text = [
      'export interface Patient { fullName: string; home: PostalAddress | null; clinic: Clinic }',
      'export interface PostalAddress { ward: string; district: string; label: string }',
      'export interface Clinic { name: string; ward: string }',
    ].join('\n');
    const r = extractDeclarations('src/patient.ts', text);
    expect(summary(r.findings)).toEqual(['Patient.fullName full-name', 'PostalAddress.district address', 'PostalAddress.ward address']);
    expect(r.findings.find((f) => f.properties!['field'] === 'ward')!.explain!.join(' ')).toContain('Patient');
  });
  test('types inside `declare module` and namespaces (next-auth augmentation) are read', () => {
    const text = "declare module 'next-auth' {\n  interface Session {\n    user: { id: string; email: string; image?: string };\n    expires: string;\n  }\n}\n";
    expect(summary(extractDeclarations('src/types/next-auth.d.ts', text).findings)).toEqual(['Session.user.email digital-account', 'Session.user.image personal-image']);
  });
  test('files without framework markers are still read for types; plain JS functions are not', () => {
    expect(summary(extractDeclarations('src/types.ts', 'export interface Patient { diagnosis: string; note: string }').findings)).toEqual(['Patient.diagnosis health']);
    expect(extractDeclarations('src/a.ts', 'export function f(user: { email: string }) { return user.email; }').findings).toEqual([]);
  });
});

describe('where plain types are not read', () => {
  const text = 'export interface User {\n  email: string;\n  phone: string;\n}\n';
  test.each([
    ['node_modules/some-lib/index.d.ts', false],
    ['vendor/lib/types.d.ts', false],
    ['third_party/sdk/user.ts', false],
    ['src/__tests__/user.ts', false],
    ['test/helpers/user.ts', false],
    ['src/user.spec.ts', false],
    ['src/user.test.tsx', false],
    ['src/User.stories.tsx', false],
    ['src/types/next-auth.d.ts', true],
    ['src/models/user.ts', true],
  ])('%s → %s', (path, reported) => {
    expect(plainTypesAllowed(path)).toBe(reported);
    expect(extractDeclarations(path, text).findings.length > 0).toBe(reported);
  });
  test('schema models in test paths are still declarations (only plain types are skipped)', () => {
    const drizzle = "import { pgTable, text } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { email: text('email') });\n";
    expect(extractDeclarations('test/schema.ts', drizzle).findings).toHaveLength(1);
  });
});

describe('no double reporting', () => {
  test('an interface restating a schema model in the same file yields to it', () => {
    const text = [
      "import { pgTable, text } from 'drizzle-orm/pg-core';",
      "export const users = pgTable('users', { email: text('email'), phoneNumber: text('phone_number') });",
      'export interface User { email: string; phone_number: string; nickname: string }',
    ].join('\n');
    const r = extractDeclarations('src/db.ts', text);
    expect(summary(r.findings)).toEqual(['User.nickname full-name', 'users.email digital-account', 'users.phoneNumber phone']);
  });
  test('a class-validator DTO is reported once, by the DTO reader', () => {
    const text = "import { IsEmail } from 'class-validator';\nexport class CreateUserDto {\n  @IsEmail()\n  email!: string;\n  phone!: string;\n}\n";
    const r = extractDeclarations('src/dto.ts', text);
    expect(summary(r.findings)).toEqual(['CreateUserDto.email digital-account', 'CreateUserDto.phone phone']);
    expect(r.findings.every((f) => f.properties!['framework'] === 'class-validator' && f.confidence === 'high')).toBe(true);
  });
  test('one finding per (file, model, field) even when a model is declared twice', () => {
    const text = 'export interface Customer { email: string }\nexport interface Customer { email: string; phone: string }\n';
    expect(summary(extractDeclarations('src/c.ts', text).findings)).toEqual(['Customer.email digital-account', 'Customer.phone phone']);
  });
  test.each([
    ['User', 'users'],
    ['IUser', 'user'],
    ['UserEntity', 'user_table'],
    ['Category', 'categories'],
    ['UserRow', 'User'],
  ])('modelKey(%s) = modelKey(%s)', (a, b) => {
    expect(modelKey(a)).toBe(modelKey(b));
  });
});

describe('person type names', () => {
  test.each([
    ['User', true],
    ['Customer', true],
    ['KhachHang', true],
    ['Booking', true],
    ['UserProfile', true],
    ['UserService', false],
    ['UserController', false],
    ['UserContext', false],
    ['UserProps', false],
    ['UserState', false],
    ['Product', false],
    ['Team', false],
    ['UserSettings', false],
    ['VerificationToken', false],
  ])('%s → %s', (name, expected) => {
    expect(personTypeName(name)).toBe(expected);
  });
});

describe('robustness', () => {
  test('never throws on arbitrary member text in types, tables and entity schemas', () => {
    const shells = [
      (s: string) => `export interface User {\n${s}\n}`,
      (s: string) => `export type Customer = Base & {\n${s}\n};`,
      (s: string) => `export class Person extends Model {\n static tableName = 'p';\n${s}\n}`,
      (s: string) => `import { pgTable } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', {\n${s}\n});`,
      (s: string) => `import { defineEntity } from '@mikro-orm/core';\nexport const U = defineEntity({ name: 'U', properties: {\n${s}\n} });`,
      (s: string) => `export type Database = { public: { Tables: { users: { Row: {\n${s}\n} } } } };`,
    ];
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(shells.length - 1), (s, i) => {
        const r = extractDeclarations('src/models.ts', shells[i]!(s));
        expect(r.problem ?? '').not.toMatch(/^declarations skipped/);
      }),
      { numRuns: 300 },
    );
  });
});

// Speed is measured in bench/ (npm run bench -- code), not with a wall-clock budget here: this checks the result.
describe('large files', () => {
  test('a file of 500 person interfaces and 300 Drizzle tables (7,000 lines) is read whole', () => {
    const parts = ["import { pgTable, text, varchar, integer } from 'drizzle-orm/pg-core';"];
    for (let i = 0; i < 500; i++) {
      parts.push(`export interface Customer${i} {\n  id: string;\n  fullName: string;\n  email: string;\n  phone?: string | null;\n  address: { street: string; city: string };\n  team?: Team${i};\n  score${i}: number;\n}\nexport interface Team${i} { name: string; slug: string }`);
    }
    for (let i = 0; i < 300; i++) {
      parts.push(`export const users${i} = pgTable('users_${i}', {\n  id: integer('id').primaryKey(),\n  fullName: text('full_name'),\n  phone: varchar('phone_number', { length: 20 }),\n  note: text('note'),\n});`);
    }
    const text = parts.join('\n');
    const r = extractDeclarations('src/models.ts', text);
    // each users table: its name, its phone and the note about the person (free text on a person)
    expect(r.findings.length).toBe(500 * 4 + 300 * 3);
  });
});
