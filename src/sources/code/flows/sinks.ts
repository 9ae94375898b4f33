/**
 * Which calls are sinks, sources, sanitizers or pass-throughs. The tables here are about APIs
 * (method names of loggers, HTTP clients, ORMs); who receives the data is rules/recipients.yml.
 */
import { ts } from 'ts-morph';
import type { Binding } from './bindings.js';

/** A call's callee as a root name and the member names after it (calls in between remembered). */
export interface Chain {
  /** Identifier, "this.x" for class members, or "" when the root is something else. */
  root: string;
  members: string[];
  /** The call expression applied right after members[i], if any (db.collection('users').insertOne). */
  callAfter: Array<ts.CallExpression | undefined>;
  /** A call applied to the root itself: knex('users').insert(...). */
  rootCall?: ts.CallExpression;
}

export function chainOf(callee: ts.Expression): Chain {
  const members: string[] = [];
  const callAfter: Array<ts.CallExpression | undefined> = [];
  let pending: ts.CallExpression | undefined;
  let x: ts.Expression = callee;
  for (;;) {
    if (ts.isPropertyAccessExpression(x)) {
      members.unshift(x.name.text);
      callAfter.unshift(pending);
      pending = undefined;
      x = x.expression;
    } else if (ts.isElementAccessExpression(x)) {
      members.unshift(ts.isStringLiteralLike(x.argumentExpression) ? x.argumentExpression.text : '[]');
      callAfter.unshift(pending);
      pending = undefined;
      x = x.expression;
    } else if (ts.isCallExpression(x)) {
      pending = x;
      x = x.expression;
    } else if (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x) || ts.isAwaitExpression(x) || ts.isAsExpression(x)) {
      x = x.expression;
    } else break;
  }
  if (x.kind === ts.SyntaxKind.ThisKeyword && members.length > 0) {
    const first = members.shift()!;
    const firstCall = callAfter.shift();
    return { root: `this.${first}`, members, callAfter, ...(firstCall ? { rootCall: firstCall } : {}) };
  }
  if (ts.isIdentifier(x)) return { root: x.text, members, callAfter, ...(pending ? { rootCall: pending } : {}) };
  return { root: '', members, callAfter };
}

/** The last plain name of a root ("this.logger" → "logger"). */
export function rootName(root: string): string {
  return root.startsWith('this.') ? root.slice(5) : root;
}

export const LOG_METHODS = new Set([
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice',
  'critical', 'crit', 'alert', 'emerg', 'child', 'success', 'fail',
]);
export const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']);

/** Packages whose instances are loggers. */
export const LOGGER_MODULES = new Set([
  'winston', 'pino', 'bunyan', 'log4js', 'loglevel', 'signale', 'consola', 'tslog', 'npmlog', 'debug', 'electron-log',
  'roarr', '@aws-lambda-powertools/logger', 'nestjs-pino', 'pino-http', 'morgan',
]);
export const LOGGER_TYPES = new Set(['Logger', 'LoggerService', 'PinoLogger', 'WinstonLogger', 'ConsoleLogger']);
const LOGGER_NAME = /^_?(log|logger|[a-z]*Logger|LOG|LOGGER)$/;

export function isLoggerName(name: string): boolean {
  return LOGGER_NAME.test(name);
}

export function isLoggerBinding(b: Binding | undefined): boolean {
  if (!b) return false;
  if (b.module && LOGGER_MODULES.has(b.module)) return true;
  if (b.module === '@nestjs/common' && b.imported === 'Logger') return true;
  return b.typeName !== undefined && LOGGER_TYPES.has(b.typeName);
}

export const HTTP_MODULES = new Set([
  'axios', 'got', 'node-fetch', 'undici', 'superagent', 'needle', 'ky', 'ky-universal', 'request', 'request-promise',
  'request-promise-native', 'cross-fetch', 'isomorphic-fetch', 'ofetch', 'node:https', 'https', 'node:http', 'http',
  'phin', 'wretch', '@nestjs/axios',
]);
export const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'request', 'fetch', 'send', 'json', 'form', 'stream']);

/** Methods that configure a client instead of sending data through it. */
export const CONFIG_METHODS = new Set([
  'init', 'initialize', 'initializeApp', 'setApiKey', 'setConfig', 'configure', 'config', 'setup', 'use', 'on', 'once', 'off',
  'close', 'flush', 'shutdown', 'getAnalytics', 'getMessaging', 'getFirestore', 'getStorage', 'getAuth', 'create', 'createClient',
  'extend', 'interceptors', 'setTag', 'setContext', 'addBreadcrumb', 'startTransaction', 'startSpan', 'withScope', 'captureMessage',
  'setBaseURL', 'defaults', 'isAxiosError', 'isCancel', 'CancelToken', 'all', 'spread', 'webhooks', 'constructEvent',
  'setLevel', 'setLogLevel', 'enable', 'disable', 'reset', 'optOut', 'opt_out_tracking', 'register_once',
]);
/** captureException/captureMessage carry user data only in their context argument. */
export const ERROR_TRACKER_CONTEXT_ARG: Record<string, number> = { captureException: 1, captureMessage: 1, notify: 1 };

export const PRISMA_READS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany']);
export const PRISMA_WRITES = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'upsert']);

export const ORM_READS = new Set([
  'find', 'findOne', 'findOneBy', 'findBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findByIds', 'findById',
  'findAll', 'findByPk', 'findOrCreate', 'findAndCountAll', 'findOneAndUpdate', 'findByIdAndUpdate', 'lean',
]);
export const ORM_WRITES = new Set([
  'save', 'insert', 'insertOne', 'insertMany', 'update', 'updateOne', 'updateMany', 'upsert', 'replaceOne',
  'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace', 'bulkCreate', 'bulkWrite', 'create',
]);
/** ORM write methods whose first argument is a filter, not data. */
export const FILTER_FIRST = new Set(['updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace']);
/** TypeORM repo.create() only builds an entity: its result carries the data, save() writes it. */
export const TYPEORM_BUILDERS = new Set(['create', 'merge', 'preload']);

const MODEL_NAME_BLOCK = /(Service|Controller|Util|Utils|Helper|Helpers|Factory|Dto|DTO|Module|Error|Exception|Schema|Validator|Builder|Provider|Client|Api|API|Config|Manager|Handler)$/;

export function looksLikeModelName(name: string): boolean {
  return /^[A-Z][A-Za-z0-9]*$/.test(name) && !MODEL_NAME_BLOCK.test(name) && name !== 'JSON' && name !== 'Object' && name !== 'Math' && name !== 'Promise' && name !== 'Array' && name !== 'Reflect';
}

export const REDIS_MODULES = new Set(['redis', 'ioredis', '@upstash/redis', '@redis/client', 'cache-manager', '@nestjs/cache-manager', 'keyv', 'memcached', 'memjs']);
export const REDIS_WRITES = new Set(['set', 'setex', 'setEx', 'setnx', 'setNX', 'hset', 'hSet', 'hmset', 'hmSet', 'lpush', 'lPush', 'rpush', 'rPush', 'sadd', 'sAdd', 'zadd', 'zAdd', 'mset', 'mSet', 'append', 'xadd', 'xAdd', 'publish']);
const REDIS_NAME = /(redis|cache|cacheManager|kv|keyv)$/i;

export function isRedisLike(b: Binding | undefined, name: string): boolean {
  if (b?.module && REDIS_MODULES.has(b.module)) return true;
  if (b?.typeName && /^(Redis|Cache|RedisClientType|Keyv)$/.test(b.typeName)) return true;
  return REDIS_NAME.test(name);
}

export const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs']);
export const FS_WRITES = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputFileSync', 'writeJson', 'writeJsonSync', 'writeJSON', 'writeJSONSync', 'outputJson', 'outputJsonSync']);

/** String methods and friends: the result still carries the receiver's data. */
export const RECEIVER_PASS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'normalize', 'slice',
  'substring', 'substr', 'replace', 'replaceAll', 'split', 'join', 'concat', 'padStart', 'padEnd', 'toString', 'valueOf',
  'toJSON', 'toObject', 'get', 'at', 'map', 'filter', 'find', 'findLast', 'flat', 'flatMap', 'reverse', 'sort', 'toSorted',
  'values', 'entries', 'then', 'lean', 'exec', 'populate', 'select', 'orFail', 'clone', 'repeat', 'charAt', 'toISOString',
]);
/** Array iteration methods: callback parameter 0 gets the receiver's elements. */
export const ELEMENT_CALLBACK = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'reduce', 'then', 'findIndex']);

/** Free functions and static methods whose result carries their arguments' data. */
export const ARG_PASS = new Set([
  'stringify', 'String', 'format', 'inspect', 'assign', 'from', 'of', 'encodeURIComponent', 'encodeURI', 'escape',
  'structuredClone', 'cloneDeep', 'clone', 'merge', 'pick', 'omit', 'defaults', 'resolve', 'fromEntries', 'entries',
  'values', 'sprintf', 'util.format', 'concat', 'toUpperCase', 'toLowerCase', 'trim', 'plainToInstance', 'plainToClass',
  'instanceToPlain', 'classToPlain', 'serialize', 'toJSON', 'render', 'compile', 'template', 'btoa', 'Buffer',
]);

const SANITIZER_WORDS = /(hash|encrypt|cipher|digest|hmac|mask|redact|anonymi[sz]e|pseudonymi[sz]e|tokeni[sz]e|obfuscate|scrypt|pbkdf2|argon|bcrypt|sha256|sha512|sha1|md5|seal|maHoa|ma_hoa)/i;
const NOT_SANITIZER = /(compare|verify|decrypt|decipher|unmask|hashCode|hasher|getHash|hashKey|hashtag|hashmap|hashRoute|hashChange|isHash|isEncrypted|isMasked)/i;

/** hash/encrypt/mask-like function names: what kind of protection, or undefined. */
export function sanitizerKind(name: string): 'hashing' | 'encryption' | 'masking' | undefined {
  if (NOT_SANITIZER.test(name) || !SANITIZER_WORDS.test(name)) return undefined;
  if (/mask|redact|obfuscate/i.test(name)) return 'masking';
  if (/encrypt|cipher|seal|maHoa|ma_hoa/i.test(name)) return 'encryption';
  if (/anonymi|pseudonymi|tokeni/i.test(name)) return 'masking';
  return 'hashing';
}

export const PASSWORD_HASH_MODULES: Record<string, string> = {
  bcrypt: 'hashing:bcrypt',
  bcryptjs: 'hashing:bcrypt',
  'bcrypt-nodejs': 'hashing:bcrypt',
  argon2: 'hashing:argon2',
  '@node-rs/argon2': 'hashing:argon2',
  '@node-rs/bcrypt': 'hashing:bcrypt',
  scrypt: 'hashing:scrypt',
};

export const DELETE_METHODS = new Set(['deleteMany', 'delete', 'deleteOne', 'destroy', 'remove', 'truncate', 'del', 'findOneAndDelete', 'findByIdAndDelete', 'softDelete', 'purge']);
export const SCHEDULE_DECORATORS = new Set(['Cron', 'Interval', 'Timeout', 'Scheduled']);
