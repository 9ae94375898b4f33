/**
 * Declared type → what kind of value a field can hold, and whether a category's data fits it.
 * A Boolean, a timestamp or an enum cannot hold an e-mail address, a name or a phone number:
 * `digestSendEmail Boolean`, `lastSummaryEmailAt DateTime?`, `mailLayout MailLayout` are settings
 * about mail, not addresses. Exceptions are the point of the table: a boolean can reveal a
 * sensitive fact (isPregnant, hasCriminalRecord), a date can be the date of birth, a number can be
 * a phone number (BigInt phone), an enum can be a gender, ethnicity, religion or blood group.
 */
import type { CategoryId } from '../../../model/categories.js';

export type ValueKind = 'boolean' | 'datetime' | 'number' | 'enum' | 'string';

/** Type words of every framework the extractors read (Prisma, SQL, TS, Sequelize, zod, GraphQL, OpenAPI...). */
const KIND_WORDS: Record<string, ValueKind> = {
  bool: 'boolean',
  boolean: 'boolean',
  date: 'datetime',
  dateonly: 'datetime',
  datetime: 'datetime',
  datetime2: 'datetime',
  datetimeoffset: 'datetime',
  smalldatetime: 'datetime',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  instant: 'datetime',
  int: 'number',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  integer: 'number',
  bigint: 'number',
  smallint: 'number',
  tinyint: 'number',
  mediumint: 'number',
  float: 'number',
  float4: 'number',
  float8: 'number',
  double: 'number',
  decimal: 'number',
  numeric: 'number',
  number: 'number',
  real: 'number',
  serial: 'number',
  bigserial: 'number',
  string: 'string',
  text: 'string',
  varchar: 'string',
  nvarchar: 'string',
  char: 'string',
  nchar: 'string',
  citext: 'string',
  json: 'string',
  jsonb: 'string',
  bytes: 'string',
  blob: 'string',
  any: 'string',
  object: 'string',
  mixed: 'string',
  unknown: 'string',
};

/**
 * Kind of a declared type as written, or undefined when the text says nothing certain (a class
 * name, a union of kinds, a long expression). `enumType` is set by extractors that know the type
 * is an enumeration (a Prisma `enum` block).
 */
export function valueKind(type: string | undefined, enumType = false): ValueKind | undefined {
  if (enumType) return 'enum';
  if (!type || type.length > 80) return undefined;
  // `string/date-time` (OpenAPI type/format): the format is the real kind.
  const text = type.replace(/^string\/(date-time|date)$/, 'datetime').replace(/\btime\b/gi, '');
  const kinds = new Set<ValueKind>();
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    const k = KIND_WORDS[word];
    if (k) kinds.add(k);
  }
  if (/\benum\b/i.test(text) || /^(pgEnum|mysqlEnum)\b/.test(type)) return 'enum';
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/**
 * Categories whose data a non-text kind can hold; every other category needs text. A category
 * missing from a row is dropped for fields of that kind.
 */
const FITS: Record<Exclude<ValueKind, 'string'>, ReadonlySet<CategoryId>> = {
  // flags that reveal a fact: isPregnant, hasCriminalRecord, isMarried, isMale, hasChildren; a
  // bare flag named after the health-insurance card (BHYT: Boolean) says the person holds one
  boolean: new Set<CategoryId>([
    'health', 'health-insurance', 'criminal-record', 'political-religious', 'sex-life', 'genetic', 'biometric', 'ethnicity',
    'marital-status', 'gender', 'nationality', 'private-life', 'family',
  ]),
  // dates that are personal: date of birth, of a diagnosis, of a conviction, of an ID card's issue, of a login
  datetime: new Set<CategoryId>([
    'date-of-birth', 'health', 'criminal-record', 'genetic', 'sex-life', 'political-religious', 'private-life',
    'national-id', 'passport', 'driver-license', 'online-activity', 'marital-status', 'family',
  ]),
  // numbers: phone (BigInt phone), ID numbers, coded gender, coordinates, account numbers, vitals,
  // one-time codes and PINs (otp: Number), coded address parts (provinceId Int, ward code, zip)
  number: new Set<CategoryId>([
    'phone', 'credentials', 'address', 'national-id', 'passport', 'driver-license', 'tax-id', 'social-insurance', 'health-insurance',
    'gender', 'location', 'financial', 'health', 'biometric', 'genetic', 'date-of-birth', 'ethnicity',
    'political-religious', 'marital-status', 'criminal-record', 'sex-life', 'family', 'online-activity', 'private-life',
  ]),
  // enumerations of a category's values: gender, ethnicity, religion, blood group, marital status
  enum: new Set<CategoryId>([
    'gender', 'ethnicity', 'political-religious', 'marital-status', 'nationality', 'health', 'genetic',
    'sex-life', 'criminal-record', 'family', 'private-life',
  ]),
};

/** Whether a field of this kind can hold the category's data (unknown or text kinds: yes). */
export function kindFits(category: string, kind: ValueKind | undefined): boolean {
  if (!kind || kind === 'string') return true;
  return FITS[kind].has(category as CategoryId);
}
