import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { kindFits, valueKind } from './field-types.js';
import { extractDeclarations } from './index.js';
import { summary } from '../../../../test/helpers/declarations.js';

describe('valueKind: declared type text of every framework', () => {
  test.each([
    ['Boolean', 'boolean'],
    ['Boolean?', 'boolean'],
    ['boolean', 'boolean'],
    ['DataTypes.BOOLEAN', 'boolean'],
    ['z.boolean()', 'boolean'],
    ['DateTime?', 'datetime'],
    ['Date', 'datetime'],
    ['Date | null', 'datetime'],
    ['timestamp with time zone', 'datetime'],
    ['timestamptz', 'datetime'],
    ['string/date-time', 'datetime'],
    ['BigInt', 'number'],
    ['Int?', 'number'],
    ['integer', 'number'],
    ['DataTypes.INTEGER', 'number'],
    ['String?', 'string'],
    ['String @db.VarChar(12)', 'string'],
    ['varchar(255)', 'string'],
    ['z.string().email()', 'string'],
    ['string/email', 'string'],
    ['Json?', 'string'],
  ])('%s → %s', (type, kind) => {
    expect(valueKind(type)).toBe(kind);
  });

  test('class names, unions of kinds and missing types say nothing', () => {
    expect(valueKind('PhoneNumber')).toBeUndefined();
    expect(valueKind('string | number')).toBeUndefined();
    expect(valueKind(undefined)).toBeUndefined();
  });

  test('an extractor that knows the type is an enum decides', () => {
    expect(valueKind('MailLayout', true)).toBe('enum');
  });

  test('never throws on arbitrary type text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (t) => {
      const k = valueKind(t);
      expect(k === undefined || typeof k === 'string').toBe(true);
    }));
  });
});

describe('kindFits', () => {
  test('a flag, a timestamp or an enum cannot hold an e-mail, a name or a phone', () => {
    for (const kind of ['boolean', 'datetime', 'enum'] as const) {
      for (const c of ['digital-account', 'full-name', 'phone', 'address']) expect(kindFits(c, kind)).toBe(false);
    }
  });

  test('the exceptions that matter stay', () => {
    expect(kindFits('health', 'boolean')).toBe(true); // isPregnant
    expect(kindFits('criminal-record', 'boolean')).toBe(true); // hasCriminalRecord
    expect(kindFits('marital-status', 'boolean')).toBe(true); // isMarried
    expect(kindFits('health-insurance', 'boolean')).toBe(true); // BHYT: Boolean, holds a card
    expect(kindFits('social-insurance', 'boolean')).toBe(false);
    expect(kindFits('date-of-birth', 'datetime')).toBe(true);
    expect(kindFits('phone', 'number')).toBe(true); // BigInt phone
    expect(kindFits('credentials', 'number')).toBe(true); // otp: Number, pin: Int
    expect(kindFits('address', 'number')).toBe(true); // provinceId Int, a coded address part
    expect(kindFits('gender', 'enum')).toBe(true);
    expect(kindFits('ethnicity', 'enum')).toBe(true);
    expect(kindFits('political-religious', 'enum')).toBe(true);
    expect(kindFits('health', 'enum')).toBe(true); // blood group
  });

  test('text and unknown kinds keep every category', () => {
    expect(kindFits('digital-account', 'string')).toBe(true);
    expect(kindFits('digital-account', undefined)).toBe(true);
  });
});

describe('declared types in findings', () => {
  test('Prisma: settings about mail are not addresses; sensitive flags, dates of birth and numeric phones are kept', () => {
    const text = [
      'enum Layout { LIST GRID }',
      'enum Gender { MALE FEMALE }',
      'model Account {',
      '  id                 String    @id',
      '  email              String',
      '  digestSendEmail    Boolean   @default(true)',
      '  lastSummaryEmailAt DateTime?',
      '  mailLayout         Layout    @default(LIST)',
      '  emailFrequency     Frequency @default(WEEKLY)',
      '  isPregnant         Boolean   @default(false)',
      '  dateOfBirth        DateTime?',
      '  phone              BigInt?',
      '  gender             Gender?',
      '}',
    ].join('\n');
    expect(summary(extractDeclarations('schema.prisma', text).findings)).toEqual(
      ['Account.dateOfBirth date-of-birth', 'Account.email digital-account', 'Account.gender gender', 'Account.isPregnant health', 'Account.phone phone'].sort(),
    );
  });

  test('TypeScript entity: a boolean or Date property named after mail is not an address', () => {
    const text = [
      "import { Entity, Column } from 'typeorm';",
      '@Entity()',
      'export class Customer {',
      '  @Column() email: string;',
      '  @Column() marketingEmail: boolean;',
      '  @Column() welcomeEmailAt: Date;',
      '}',
    ].join('\n');
    expect(summary(extractDeclarations('customer.entity.ts', text).findings)).toEqual(['Customer.email digital-account']);
  });
});
