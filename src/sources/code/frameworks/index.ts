/**
 * The registry: every framework and SDK family the code analysis knows, in the order they are
 * asked. The first framework that recognises a call classifies it (loggers before HTTP clients
 * before SDKs before stores; redirects last); declaration extractors run in the same order (the
 * most generic, SQL migrations, last); so do class decorators (MikroORM's @Entity before
 * TypeORM's) and type models (Supabase types before Kysely's). Adding a framework is one module
 * and one line here.
 */
import type { Framework } from '../engine/framework-api.js';
import { vocabularyOf, type Vocabulary } from '../engine/vocabulary.js';
import { activeRecord } from './active-record.js';
import { aiSdk } from './ai-sdk.js';
import { browserGlobals } from './browser-globals.js';
import { classValidator } from './class-validator.js';
import { drizzle } from './drizzle.js';
import { fs } from './fs.js';
import { graphql } from './graphql.js';
import { httpClients } from './http-clients.js';
import { httpServers } from './http-servers.js';
import { i18n } from './i18n.js';
import { knex } from './knex.js';
import { loggers } from './loggers.js';
import { medusa } from './medusa.js';
import { mikroOrm } from './mikro-orm.js';
import { mongodb } from './mongodb.js';
import { mongoose } from './mongoose.js';
import { nestjs } from './nestjs.js';
import { nodeCrypto } from './node-crypto.js';
import { passwordHashing } from './password-hashing.js';
import { prisma } from './prisma.js';
import { redis } from './redis.js';
import { schedulers } from './schedulers.js';
import { sdkCatalogue } from './sdk-catalogue.js';
import { sequelize } from './sequelize.js';
import { smtp } from './smtp.js';
import { sql } from './sql.js';
import { sqlDrivers } from './sql-drivers.js';
import { kysely, objection, supabase } from './sql-models.js';
import { typeorm } from './typeorm.js';
import { joi, yup, zod } from './validators.js';

export const FRAMEWORKS: readonly Framework[] = [
  loggers,
  httpClients,
  smtp,
  aiSdk,
  sdkCatalogue,
  browserGlobals,
  prisma,
  mongodb,
  drizzle,
  mikroOrm,
  typeorm,
  medusa,
  activeRecord,
  sequelize,
  mongoose,
  objection,
  supabase,
  kysely,
  knex,
  sqlDrivers,
  redis,
  fs,
  httpServers,
  nestjs,
  graphql,
  classValidator,
  zod,
  joi,
  yup,
  sql,
  schedulers,
  passwordHashing,
  nodeCrypto,
  i18n,
];

/** The registry merged for the engine, once per process. */
export const VOCABULARY: Vocabulary = vocabularyOf(FRAMEWORKS);
