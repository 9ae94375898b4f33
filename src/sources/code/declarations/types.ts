/**
 * What every declaration extractor produces: the declared fields of data models, with where they
 * are. Extractors only read syntax; findings.ts decides which fields hold personal data.
 */
import type { CategoryId } from '../../../model/categories.js';
import type { Confidence } from '../../../model/finding.js';

/**
 * Who declared a field: the id of a frameworks/ module ('prisma', 'drizzle', 'mongoose'...), or a
 * format the declaration readers know themselves ('openapi', 'json-schema', 'graphql', 'sql',
 * 'dto', and 'typescript' for a plain interface, type alias or class named after a person). A
 * plain string, so that a new framework module needs no change here.
 */
export type FrameworkId = string;

export type ProtectionKind = 'hashing' | 'encryption' | 'masking' | 'hidden';

export interface ProtectionHint {
  kind: ProtectionKind;
  /** Evidence key, e.g. "encryption:column-transformer", "hidden:exclude-decorator". */
  key: string;
  description: string;
}

/** A category suggested by the declaration itself (@IsEmail(), format: email, z.string().email()). */
export interface CategoryHint {
  category: CategoryId;
  confidence: Confidence;
  reason: string;
}

export interface DeclaredField {
  /** Model, entity, table, schema or DTO name as declared (e.g. "User", "users", "CreateUserDto"). */
  model: string;
  /** Name used to decide ambiguous fields when `model` is not a type name (an API route) or has no
   * owner of its own (a Prisma composite type decided by the model embedding it). */
  owner?: string;
  /** Field path inside the model: "email", or "address.street" for nested objects. */
  field: string;
  /** Other names of the same field (Prisma @map, TypeORM { name }), also classified. */
  aliases?: string[];
  framework: FrameworkId;
  /** Database engine when the declaration says it (Prisma datasource, Mongoose → mongodb). */
  store?: string;
  /** Declared type as written (String, varchar(20), z.string()...). */
  type?: string;
  /** The declared type is an enumeration (a Prisma `enum` block): only enumerable categories fit. */
  enumType?: boolean;
  /** Table/collection name when it differs from the model name. */
  table?: string;
  /** 1-based line and UTF-16 column of the field name. */
  line: number;
  column: number;
  hints?: CategoryHint[];
  protection?: ProtectionHint[];
  /** Structural reasons to skip (relations): set by extractors that know. */
  skip?: boolean;
  /**
   * Declared by a plain type (interface User {...}) rather than a schema or ORM: nothing says it is
   * stored or received, so it is reported one confidence level lower, and yields to a schema
   * declaration of the same model and field in the file.
   */
  plain?: boolean;
  /** Database column name when it differs from the field (Prisma @map, Drizzle varchar('phone_no')). */
  dbColumn?: string;
  /**
   * Declared as what an API receives or exposes (a validation schema, DTO, handler parameter,
   * GraphQL type, OpenAPI / JSON Schema document), not as what is stored. Set by the reader or
   * from the framework module's `declarations.input`; findings carry it as `properties.input`.
   */
  input?: boolean;
}

export interface ExtractResult {
  fields: DeclaredField[];
  /** Set when the file could not be parsed: reported and skipped. */
  problem?: string;
}
