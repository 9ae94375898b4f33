import { describe, expect, test } from 'vitest';
import { extractDeclarations } from './index.js';
import { extractTypescript } from './typescript.js';
import { parseSource } from '../parse.js';
import { fixture, summary } from '../../../../test/helpers/declarations.js';

function run(name: string) {
  const { path, text } = fixture(name);
  return extractDeclarations(path, text);
}

describe('TypeORM entities', () => {
  const r = run('user.entity.ts');
  test('columns of person entities; relations, plain and static properties skipped', () => {
    expect(summary(r.findings)).toEqual(
      [
        'User.name full-name',
        'User.phone phone',
        'User.cccd national-id',
        'User.password credentials',
        'User.dateOfBirth date-of-birth',
        'Order.shippingAddress address',
        'Order.address address',
      ].sort(),
    );
  });
  test('Company (non-person) fields are not personal', () => {
    expect(r.findings.some((f) => f.properties!['model'] === 'Company')).toBe(false);
  });
  test('table name, column alias and location', () => {
    const phone = r.findings.find((f) => f.properties!['field'] === 'phone')!;
    expect(phone.properties).toMatchObject({ framework: 'typeorm', table: 'users', type: 'string', column: 'so_dien_thoai' });
    expect(phone.location).toMatchObject({ path: 'fixtures/code/declarations/user.entity.ts', line: 15, column: 3 });
  });
  test('encrypting transformer, @Exclude and select: false are evidence', () => {
    expect(r.evidence.map((e) => `${e.description.split(':')[0]} ${e.key}`).sort()).toEqual([
      'User.cccd encryption:column-transformer',
      'User.password access-control:exclude-from-serialization',
      'User.password access-control:select-false',
    ]);
  });
});

describe('Sequelize', () => {
  test('sequelize-typescript @Table model with field alias; @BelongsTo skipped', () => {
    const r = run('patient.model.ts');
    expect(summary(r.findings)).toEqual(['Patient.diagnosis health', 'Patient.fullName full-name']);
    expect(r.findings[0]!.properties!['framework']).toBe('sequelize');
    expect(r.findings.find((f) => f.properties!['field'] === 'fullName')!.properties!['column']).toBe('ho_ten');
  });
  test('define() and Model.init() with modelName; references skipped; setter encryption', () => {
    const r = run('models.js');
    expect(summary(r.findings)).toEqual(
      ['KhachHang.email digital-account', 'KhachHang.hoTen full-name', 'KhachHang.soDienThoai phone', 'NhanVien.bankAccount financial', 'NhanVien.taxCode tax-id'].sort(),
    );
    expect(r.findings.find((f) => f.properties!['field'] === 'taxCode')!.properties!['table']).toBe('nhan_vien');
    expect(r.findings.find((f) => f.properties!['field'] === 'soDienThoai')!.properties!['column']).toBe('so_dien_thoai');
    expect(r.evidence.map((e) => e.key)).toEqual(['encryption:declared']);
  });
});

describe('Mongoose', () => {
  const r = run('user.mongoose.js');
  test('nested paths, arrays of sub-documents, sub-schemas, model name from mongoose.model()', () => {
    expect(summary(r.findings)).toEqual(
      [
        'Address.street address',
        'Address.ward address',
        'Customer.fullName full-name',
        'Customer.email digital-account',
        'Customer.password credentials',
        'Customer.ssn national-id',
        'Customer.address.street address',
        'Customer.address.city address',
        'Customer.emergencyContact.name full-name',
        'Customer.emergencyContact.phone phone',
        'Customer.devices.deviceId online-activity',
        'Customer.devices.pushToken online-activity',
      ].sort(),
    );
    expect(r.findings.every((f) => f.properties!['store'] === 'mongodb')).toBe(true);
  });
  test('encryption plugin fields and select: false', () => {
    expect(r.evidence.map((e) => e.key).sort()).toEqual(['access-control:select-false', 'encryption:mongoose-plugin']);
  });
  test('NestJS @Schema/@Prop classes', () => {
    const d = run('nest-mongoose.schema.ts');
    expect(summary(d.findings)).toEqual(['Driver.licensePlate license-plate', 'Driver.location location']);
    expect(d.findings[0]!.properties).toMatchObject({ framework: 'mongoose', table: 'drivers' });
  });
});

describe('validation schemas', () => {
  const r = run('validation.ts');
  test('zod, Joi and yup objects, nested and extended', () => {
    expect(summary(r.findings)).toEqual(
      [
        'createPatientSchema.hoTen full-name',
        'createPatientSchema.contact digital-account',
        'createPatientSchema.soCccd national-id',
        'createPatientSchema.address.street address',
        'createPatientSchema.address.city address',
        'createPatientSchema.contacts.phone phone',
        'updatePatientSchema.religion political-religious',
        'loginSchema.username digital-account',
        'loginSchema.password credentials',
        'profileSchema.dob date-of-birth',
        'profileSchema.nickname full-name',
      ].sort(),
    );
  });
  test('frameworks and validator hints', () => {
    const contact = r.findings.find((f) => f.properties!['field'] === 'contact')!;
    expect(contact.properties!['framework']).toBe('zod');
    expect(contact.explain!.join(' ')).toContain('zod validator email');
    expect(r.findings.find((f) => f.properties!['field'] === 'password')!.properties!['framework']).toBe('joi');
    expect(r.findings.find((f) => f.properties!['field'] === 'dob')!.properties!['framework']).toBe('yup');
  });
  test('plain object literals are not schemas', () => {
    expect(r.findings.some((f) => f.properties!['model'] === 'notASchema')).toBe(false);
  });
});

describe('NestJS DTOs and @Body()', () => {
  const r = run('create-user.dto.ts');
  test('class-validator DTO, @Body() class, inline @Body() type and @Body("key")', () => {
    expect(summary(r.findings)).toEqual(
      [
        'CreateUserDto.fullName full-name',
        'CreateUserDto.contact digital-account',
        'CreateUserDto.mobile phone',
        'CreateUserDto.nationalId national-id',
        'CreateUserDto.note private-life',
        'SignupBody.ngaySinh date-of-birth',
        'SignupBody.soTaiKhoan financial',
        'UsersController.inline.phone phone',
        'UsersController.inline.cccd national-id',
      ].sort(),
    );
  });
  test('@IsEmail() is a hint; classes that are not DTOs are ignored', () => {
    const contact = r.findings.find((f) => f.properties!['field'] === 'contact')!;
    expect(contact.explain!.join(' ')).toContain('IsEmail');
    expect(r.findings.some((f) => f.properties!['model'] === 'PlainService')).toBe(false);
  });
});

describe('migrations and embedded schemas', () => {
  test('Knex createTable/alterTable', () => {
    const r = run('knex-migration.js');
    expect(summary(r.findings)).toEqual(['users.dob date-of-birth', 'users.email digital-account', 'users.passport_number passport', 'users.phone phone']);
    const email = r.findings.find((f) => f.properties!['field'] === 'email')!;
    expect(email.location).toMatchObject({ line: 6, column: 21 });
    expect(email.properties!['framework']).toBe('knex');
  });
  test('TypeORM raw SQL, Table/TableColumn and Sequelize queryInterface', () => {
    const r = run('typeorm-migration.ts');
    expect(summary(r.findings)).toEqual(
      ['Users.email digital-account', 'Users.phone phone', 'accounts.card_number financial', 'accounts.iban financial', 'benh_an.chan_doan health', 'benh_an.ma_benh health'].sort(),
    );
    const chanDoan = r.findings.find((f) => f.properties!['field'] === 'chan_doan')!;
    expect(chanDoan.location).toMatchObject({ line: 6, column: 67 });
  });
  test('gql templates, with substitutions blanked and locations in the file', () => {
    const r = run('typedefs.ts');
    expect(summary(r.findings)).toEqual(['Member.address address', 'Member.email digital-account']);
    expect(r.findings.find((f) => f.properties!['field'] === 'email')!.location).toMatchObject({ line: 9, column: 5 });
  });
});

describe('robustness', () => {
  test('a file that does not parse is reported and skipped', () => {
    const r = run('broken.ts');
    expect(r.findings).toEqual([]);
    expect(r.problem).toMatch(/^cannot parse: \d+:\d+ /);
  });
  test('a tree parsed by the caller is reused', () => {
    const { path, text } = fixture('user.entity.ts');
    const sf = parseSource(path, text);
    expect(extractTypescript(path, text, sf).fields.length).toBe(extractTypescript(path, text).fields.length);
  });
  test('files without any model marker are not walked', () => {
    expect(extractTypescript('a.ts', 'export const phone = 1; function f(email: string) {}')).toEqual({ fields: [] });
  });
  test('unknown extensions yield nothing', () => {
    expect(extractDeclarations('README.md', '# phone')).toEqual({ findings: [], evidence: [] });
  });
});
