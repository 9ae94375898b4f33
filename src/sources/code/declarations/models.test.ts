import { describe, expect, test } from 'vitest';
import { extractDeclarations } from './index.js';
import { fixture, summary } from '../../../../test/helpers/declarations.js';

function run(name: string) {
  const { path, text } = fixture(`more/${name}`);
  return extractDeclarations(path, text);
}

const prop = (r: ReturnType<typeof run>, field: string, model?: string) =>
  r.findings.find((f) => f.properties!['field'] === field && (!model || f.properties!['model'] === model))!;

describe('Drizzle ORM', () => {
  const r = run('drizzle-schema.ts');
  test('pgTable columns with and without a column name, callback tables and pgSchema().table()', () => {
    expect(summary(r.findings)).toEqual(
      [
        'users.fullName full-name',
        'users.phone phone',
        'users.email digital-account',
        'users.dateOfBirth date-of-birth',
        'users.nationalId national-id',
        'users.passwordHash credentials',
        'sessions.ipAddress online-activity',
        'sessions.userAgent online-activity',
        'identities.username digital-account',
        'identities.lastLat location',
        'identities.lastLng location',
      ].sort(),
    );
  });
  test('products, server addresses, e-mail templates, flags, timestamps and foreign keys are not personal', () => {
    const models = new Set(r.findings.map((f) => f.properties!['model']));
    for (const m of ['products', 'servers', 'emailTemplates', 'usersRelations']) expect(models.has(m)).toBe(false);
    for (const f of ['emailVerified', 'createdAt', 'userId', 'expiresAt']) expect(prop(r, f)).toBeUndefined();
  });
  test('framework, store, column name, builder type, location', () => {
    expect(prop(r, 'phone').properties).toMatchObject({ framework: 'drizzle', store: 'postgresql', column: 'phone_number', type: 'varchar' });
    expect(prop(r, 'phone').location).toMatchObject({ line: 9, column: 3 });
    expect(prop(r, 'email').properties!['column']).toBeUndefined();
    expect(prop(r, 'username').properties).toMatchObject({ store: 'postgresql', model: 'identities' });
    expect(prop(r, 'userAgent').properties).toMatchObject({ column: 'user_agent', type: 'text' });
  });
  test('protection: encrypting custom column type, hashed name', () => {
    expect(prop(r, 'nationalId').properties!['protection']).toEqual(['encryption']);
    expect(prop(r, 'passwordHash').properties!['protection']).toEqual(['hashing']);
  });
  test('Vietnamese columns on mysqlTable and sqliteTable; products are not reported, blood group is its own category', () => {
    const vn = run('drizzle-vn.ts');
    expect(summary(vn.findings)).toEqual(
      ['benhAn.chanDoan health', 'benhAn.nhomMau blood-type', 'khachHang.diaChi address', 'khachHang.ghiChu private-life', 'khachHang.hoTen full-name', 'khachHang.ngaySinh date-of-birth', 'khachHang.soCccd national-id', 'khachHang.soDienThoai phone'].sort(),
    );
    expect(prop(vn, 'soCccd').properties).toMatchObject({ store: 'mysql', table: 'khach_hang', column: 'so_cccd' });
    expect(prop(vn, 'chanDoan').properties!['store']).toBe('sqlite');
  });
  test('namespace import, column builders without names, spread columns', () => {
    const text = [
      "import * as p from 'drizzle-orm/pg-core';",
      "export const members = p.pgTable('MEMBERS', {",
      '  id: p.uuid().primaryKey().defaultRandom(),',
      '  phone: p.varchar({ length: 255 }),',
      '  password: p.text(),',
      '  ...timestamps,',
      '});',
    ].join('\n');
    const r = extractDeclarations('src/db/members.ts', text);
    expect(summary(r.findings)).toEqual(['members.password credentials', 'members.phone phone']);
    expect(prop(r, 'phone').properties).toMatchObject({ type: 'varchar', store: 'postgresql', table: 'MEMBERS' });
  });
  test('a table call outside a drizzle file needs the known builder name', () => {
    const text = "const t = db.table('users', { email: col('email') });\nexport const users = pgTable('users', { email: text('email') });\n";
    expect(summary(extractDeclarations('src/x.ts', text).findings)).toEqual(['users.email digital-account']);
  });
});

describe('Objection.js', () => {
  const r = run('objection-models.ts');
  test('class fields and jsonSchema properties, once each; relations and non-person models skipped', () => {
    expect(summary(r.findings)).toEqual(['Person.address address', 'Person.email digital-account', 'Person.firstName full-name', 'Person.lastName full-name']);
    expect(prop(r, 'firstName').properties).toMatchObject({ framework: 'objection', table: 'persons' });
  });
});

describe('Kysely', () => {
  const r = run('kysely-db.ts');
  test('tables listed in interface DB, with Generated<> and ColumnType<> columns', () => {
    expect(summary(r.findings)).toEqual(
      ['AuditLog.ip_address online-activity', 'Customer.email digital-account', 'Customer.first_name full-name', 'Customer.last_name full-name', 'Customer.phone_number phone'].sort(),
    );
    expect(prop(r, 'email').properties).toMatchObject({ framework: 'kysely', table: 'customer' });
    expect(prop(r, 'email').confidence).toBe('high');
  });
  test('an interface using Kysely wrappers in a kysely file is a table without a DB interface', () => {
    const text = "import type { Generated } from 'kysely';\nexport interface Account { id: Generated<number>; phone: string }\n";
    expect(extractDeclarations('db/types.ts', text).findings.map((f) => f.properties!['framework'])).toEqual(['kysely']);
  });
});

describe('Supabase generated types', () => {
  const r = run('supabase.types.ts');
  test('Row of each table, not Insert/Update; products not personal', () => {
    expect(summary(r.findings)).toEqual(['profiles.avatar_url personal-image', 'profiles.full_name full-name', 'profiles.phone phone']);
    expect(prop(r, 'phone').properties).toMatchObject({ framework: 'supabase', store: 'postgresql' });
    expect(prop(r, 'phone').location).toMatchObject({ line: 12, column: 11 });
  });
});

describe('EntitySchema and defineEntity', () => {
  test('TypeORM EntitySchema columns with name alias and transformer; relations apart; interface not repeated', () => {
    const r = run('entity-schemas.ts');
    expect(summary(r.findings)).toEqual(['Customer.fullName full-name', 'Customer.iban financial', 'Customer.phone phone']);
    expect(r.findings.every((f) => f.properties!['framework'] === 'typeorm')).toBe(true);
    expect(prop(r, 'fullName').properties).toMatchObject({ table: 'customers', column: 'full_name' });
    expect(prop(r, 'iban').properties!['protection']).toEqual(['encryption']);
  });
  test('MikroORM defineEntity (object and callback) and EntitySchema; relations skipped', () => {
    const r = run('mikro-entities.ts');
    expect(summary(r.findings)).toEqual(
      ['Author.email digital-account', 'Author.name full-name', 'Doctor.email digital-account', 'Patient.diagnosis health', 'Patient.fullName full-name'].sort(),
    );
    expect(r.findings.every((f) => f.properties!['framework'] === 'mikro-orm')).toBe(true);
    expect(prop(r, 'email', 'Author').properties).toMatchObject({ table: 'authors', column: 'email_address' });
  });
});

describe('Typegoose and type-graphql', () => {
  const r = run('typegoose-graphql.ts');
  test('@prop classes; @ObjectType/@InputType with @Field; refs and non-person types skipped', () => {
    expect(summary(r.findings)).toEqual(
      [
        'Member.fullName full-name',
        'Member.email digital-account',
        'Member.religion political-religious',
        'Guest.name full-name',
        'Guest.phone phone',
        'GuestInput.name full-name',
        'GuestInput.passportNumber passport',
        'MedicalHistory.diagnosis health',
        'Profile.avatar personal-image',
        'Visit.bloodGroup blood-type',
      ].sort(),
    );
    expect(prop(r, 'email').properties!['framework']).toBe('mongoose');
    expect(prop(r, 'phone').properties!['framework']).toBe('graphql');
  });
});

describe('NestJS @Query() and @Param()', () => {
  const r = run('query.controller.ts');
  test('DTO classes of @Query()/@Param() and named query keys', () => {
    expect(summary(r.findings)).toEqual(
      ['CustomersController.byEmail.email digital-account', 'LookupParams.cccd national-id', 'SearchCustomersQuery.email digital-account', 'SearchCustomersQuery.phone phone'].sort(),
    );
    expect(prop(r, 'cccd').properties!['framework']).toBe('nestjs');
  });
});

describe('Medusa data models', () => {
  const r = run('medusa-models.ts');
  test('model.define() with a name or { name, tableName }; relations and non-person models skipped', () => {
    expect(summary(r.findings)).toEqual(
      [
        'Shopper.first_name full-name',
        'Shopper.last_name full-name',
        'Shopper.email digital-account',
        'Shopper.phone phone',
        'ShopperAddress.address_1 address',
        'ShopperAddress.postal_code address',
      ].sort(),
    );
    expect(prop(r, 'email').properties).toMatchObject({ framework: 'medusa', store: 'postgresql', type: 'text' });
    expect(prop(r, 'postal_code').properties!['table']).toBe('shopper_address');
  });
});

describe('NestJS GraphQL @Args()', () => {
  test('named arguments of resolvers are inputs; @Args() classes are DTOs', () => {
    const text = [
      "import { Args, Query, Resolver } from '@nestjs/graphql';",
      'export class PatientLookup { phone?: string; limit?: number }',
      '@Resolver()',
      'export class PatientsResolver {',
      "  @Query(() => String) byEmail(@Args('email') email: string, @Args('take') take: number) { return email + take; }",
      '  @Query(() => String) find(@Args() args: PatientLookup) { return args; }',
      '}',
    ].join('\n');
    expect(summary(extractDeclarations('src/patients.resolver.ts', text).findings)).toEqual(['PatientLookup.phone phone', 'PatientsResolver.byEmail.email digital-account']);
  });
});

describe('validator hints inside lists', () => {
  test('z.array(z.string().email()) and yup.array().of(yup.string().email()) hint at e-mail', () => {
    const text = [
      "import { z } from 'zod';",
      'export const inviteSchema = z.object({ guests: z.array(z.string().email()).optional(), tags: z.array(z.string()) });',
    ].join('\n');
    const r = extractDeclarations('src/invite.ts', text);
    expect(summary(r.findings)).toEqual(['inviteSchema.guests digital-account']);
    expect(r.findings[0]!.explain!.join(' ')).toContain('zod validator email');
  });
});
