/**
 * Query builders typed from the database, whose models are module-level types and classes (read
 * through `declarations.typeModels` by declarations/ts/type-models.ts), stored by the application:
 *
 *  - Supabase generated types: `Database['public']['Tables'][table]['Row']` (the stored row);
 *  - Kysely: table interfaces listed in `interface DB { users: UserTable }`, or using
 *    Generated<> / ColumnType<> in a file that imports kysely;
 *  - Objection.js: `class Person extends Model { static tableName = 'persons' }` with class fields
 *    and `static jsonSchema` properties.
 *
 * Registered in that order: a Supabase `Database` type is never read as a Kysely one.
 */
import { ts } from '../parse.js';
import type { Framework } from '../engine/framework-api.js';
import { nameText, objectProperty, stringValue } from '../engine/ast.js';
import type { Ctx } from '../declarations/ts/helpers.js';
import type { DeclaredField } from '../declarations/types.js';
import {
  classProperties, fieldAt, literalMembers, memberType, staticMember, typeMembers, type Emit, type TypeModelDecl,
} from '../declarations/ts/type-models.js';

const SUPABASE = 'supabase';
const KYSELY = 'kysely';
const OBJECTION = 'objection';

// ---------------------------------------------------------------- Supabase

/** `Tables: { profiles: { Row: {...}, Insert, Update } }` anywhere inside a Database type. */
function supabaseTables(ctx: Ctx, members: readonly ts.TypeElement[], out: DeclaredField[], depth: number): boolean {
  if (depth > 4) return false;
  let found = false;
  for (const m of members) {
    if (!ts.isPropertySignature(m) || !m.type || !ts.isTypeLiteralNode(m.type)) continue;
    const key = nameText(m.name);
    if (key === 'Tables' || key === 'Views') {
      for (const t of m.type.members) {
        const table = ts.isPropertySignature(t) ? nameText(t.name) : undefined;
        const tt = ts.isPropertySignature(t) ? t.type : undefined;
        if (!table || !tt || !ts.isTypeLiteralNode(tt)) continue;
        const row = memberType(tt.members, 'Row');
        if (!row || !ts.isTypeLiteralNode(row)) continue;
        found = true;
        typeMembers(ctx, row.members, { model: table, framework: SUPABASE, store: 'postgresql', models: new Set() }, '', out, 0);
      }
    } else if (supabaseTables(ctx, m.type.members, out, depth + 1)) found = true;
  }
  return found;
}

// ---------------------------------------------------------------- Kysely

const DB_NAME = /^(DB|Db|Database|Tables|Schema|KyselyDatabase|\w+Database|\w+DB)$/;
const KYSELY_WRAPPER = /^(Generated|GeneratedAlways|ColumnType|Selectable|Insertable|Updateable|JSONColumnType)$/;

/** Interface names used as tables in a `DB` interface: name → table key. */
function kyselyTables(decls: readonly TypeModelDecl[]): Map<string, string> {
  const tables = new Map<string, string>();
  for (const d of decls) {
    if (ts.isClassDeclaration(d) || !d.name || !DB_NAME.test(d.name.text)) continue;
    const members = literalMembers(d);
    if (!members) continue;
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type || !ts.isTypeReferenceNode(m.type) || !ts.isIdentifier(m.type.typeName)) continue;
      const key = nameText(m.name);
      if (key) tables.set(m.type.typeName.text, key);
    }
  }
  return tables;
}

function usesKyselyWrappers(members: readonly ts.TypeElement[]): boolean {
  return members.some((m) => ts.isPropertySignature(m) && m.type && ts.isTypeReferenceNode(m.type) && ts.isIdentifier(m.type.typeName) && KYSELY_WRAPPER.test(m.type.typeName.text));
}

// ---------------------------------------------------------------- Objection

function objectionTable(cls: ts.ClassDeclaration): string | undefined {
  const ext = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!ext) return undefined;
  const base = ext.expression.getText();
  if (!/Model$|^Model\b/.test(base)) return undefined;
  return stringValue(staticMember(cls, 'tableName'));
}

function jsonSchemaProperties(ctx: Ctx, cls: ts.ClassDeclaration, e: Emit, out: DeclaredField[]): void {
  const schema = staticMember(cls, 'jsonSchema');
  if (!schema || !ts.isObjectLiteralExpression(schema)) return;
  const props = objectProperty(schema, 'properties');
  if (!props || !ts.isObjectLiteralExpression(props)) return;
  for (const p of props.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = nameText(p.name);
    if (!name) continue;
    const type = ts.isObjectLiteralExpression(p.initializer) ? objectProperty(p.initializer, 'type') ?? objectProperty(p.initializer, 'format') : undefined;
    out.push(fieldAt(ctx, p.name, e, name, type));
  }
}

// ---------------------------------------------------------------- frameworks

export const objection: Framework = {
  id: OBJECTION,
  description: 'Objection.js models',
  declarations: {
    persistent: true,
    typeModels: (ctx, { models }) => (d) => {
      if (!ts.isClassDeclaration(d) || !d.name) return undefined;
      const table = objectionTable(d);
      if (!table) return undefined;
      const e: Emit = { model: d.name.text, framework: OBJECTION, table, models };
      const out: DeclaredField[] = [];
      jsonSchemaProperties(ctx, d, e, out);
      const seen = new Set(out.map((f) => f.field));
      const fromClass: DeclaredField[] = [];
      classProperties(ctx, d, e, fromClass);
      out.push(...fromClass.filter((f) => !seen.has(f.field)));
      return out;
    },
  },
};

export const supabase: Framework = {
  id: SUPABASE,
  description: 'Supabase generated database types',
  declarations: {
    persistent: true,
    typeModels: (ctx) => (d) => {
      if (ts.isClassDeclaration(d)) return undefined;
      const members = literalMembers(d);
      if (!members) return undefined;
      const out: DeclaredField[] = [];
      return supabaseTables(ctx, members, out, 0) ? out : undefined;
    },
  },
};

export const kysely: Framework = {
  id: KYSELY,
  description: 'Kysely database interfaces',
  declarations: {
    mentionedIn: (lower) => lower.includes('kysely'),
    persistent: true,
    typeModels: (ctx, { decls, models }) => {
      const tables = kyselyTables(decls);
      return (d) => {
        if (ts.isClassDeclaration(d) || !d.name) return undefined;
        const members = literalMembers(d);
        if (!members) return undefined;
        const table = tables.get(d.name.text);
        if (table === undefined && !(ctx.uses.has(KYSELY) && usesKyselyWrappers(members))) return undefined;
        const out: DeclaredField[] = [];
        typeMembers(ctx, members, { model: d.name.text, framework: KYSELY, ...(table ? { table } : {}), models }, '', out, 0);
        return out;
      };
    },
  },
};
