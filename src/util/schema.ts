import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SCHEMAS_DIR } from './paths.js';
import { ConfigError } from './errors.js';

/** The schema compiler, loaded on first use: the prebuilt rule catalogue was checked at build time. */
let ajv: Ajv | undefined;
const compiler = (): Ajv => (ajv ??= new (createRequire(import.meta.url)('ajv') as typeof import('ajv')).Ajv({ allErrors: false, strict: false }));
const cache = new Map<string, ValidateFunction>();

export function schemaValidator(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8')) as object;
    v = compiler().compile(schema);
    cache.set(name, v);
  }
  return v;
}

/** "rules[3].patterns[0]" style path from an ajv instancePath "/rules/3/patterns/0". */
export function fieldPath(instancePath: string): string {
  if (!instancePath) return '(top level)';
  return instancePath
    .slice(1)
    .split('/')
    .map((seg, i) => (/^\d+$/.test(seg) ? `[${seg}]` : i === 0 ? seg : `.${seg}`))
    .join('');
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') return `${e.message} (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`;
  return e.message ?? e.keyword;
}

/** Validate data against a schema in schemas/, or throw one ConfigError naming file and field. */
export function assertSchema<T>(name: string, data: unknown, displayName: string): T {
  const v = schemaValidator(name);
  if (!v(data)) {
    const e = v.errors![0]!;
    throw new ConfigError(`${displayName}: ${fieldPath(e.instancePath)}: ${describe(e)}`);
  }
  return data as T;
}
