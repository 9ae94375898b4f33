/**
 * What every declaration extractor produces: the declared fields of data models, with where they
 * are. Extractors only read syntax; findings.ts decides which fields hold personal data.
 */
import type { CategoryId } from '../../../model/categories.js';
import type { Confidence } from '../../../model/finding.js';

export type Framework =
  | 'prisma'
  | 'typeorm'
  | 'mikro-orm'
  | 'sequelize'
  | 'mongoose'
  | 'zod'
  | 'joi'
  | 'yup'
  | 'class-validator'
  | 'nestjs'
  | 'dto'
  | 'graphql'
  | 'sql'
  | 'knex'
  | 'openapi'
  | 'json-schema';

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
  /** Name used to decide ambiguous fields when `model` is not a type name (an API route). */
  owner?: string;
  /** Field path inside the model: "email", or "address.street" for nested objects. */
  field: string;
  /** Other names of the same field (Prisma @map, TypeORM { name }), also classified. */
  aliases?: string[];
  framework: Framework;
  /** Database engine when the declaration says it (Prisma datasource, Mongoose → mongodb). */
  store?: string;
  /** Declared type as written (String, varchar(20), z.string()...). */
  type?: string;
  /** Table/collection name when it differs from the model name. */
  table?: string;
  /** 1-based line and UTF-16 column of the field name. */
  line: number;
  column: number;
  hints?: CategoryHint[];
  protection?: ProtectionHint[];
  /** Structural reasons to skip (relations): set by extractors that know. */
  skip?: boolean;
}

export interface ExtractResult {
  fields: DeclaredField[];
  /** Set when the file could not be parsed: reported and skipped. */
  problem?: string;
}
