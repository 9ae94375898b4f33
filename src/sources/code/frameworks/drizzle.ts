/**
 * Drizzle ORM tables: `pgTable('users', { phone: varchar('phone_number', { length: 20 }) })`,
 * mysqlTable / sqliteTable / singlestoreTable, `pgSchema('auth').table(...)`, and the callback
 * form `pgTable('users', (t) => ({ email: t.text() }))`. The model is the variable holding the
 * table (what queries name: db.select().from(users)); the column-name string is an alias.
 */
import { ts } from '../parse.js';
import type { DeclaredField } from '../declarations/types.js';
import type { Framework } from '../engine/framework-api.js';
import { chainMethods, enclosingName, nameText, stringValue } from '../engine/ast.js';
import { boundedText, pos, protectionFromText, type Ctx } from '../declarations/ts/helpers.js';

const TABLE_FN = /^(pg|mysql|sqlite|singlestore|gel)Table(Creator)?$/;
const STORE: Record<string, string> = { pg: 'postgresql', mysql: 'mysql', sqlite: 'sqlite', singlestore: 'singlestore', gel: 'gel' };

/** The columns object of a table call: the literal itself or what a `(t) => ({...})` callback returns. */
function columnsObject(arg: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!arg) return undefined;
  if (ts.isObjectLiteralExpression(arg)) return arg;
  if (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) {
    let body: ts.Node = arg.body;
    if (ts.isBlock(body)) {
      const ret = body.statements.find(ts.isReturnStatement);
      if (!ret?.expression) return undefined;
      body = ret.expression;
    }
    while (ts.isParenthesizedExpression(body)) body = body.expression;
    return ts.isObjectLiteralExpression(body) ? body : undefined;
  }
  return undefined;
}

/** Initializer of a module-level `const name = ...` (const auth = pgSchema('auth')). */
function moduleInitializer(sf: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer;
  }
  return undefined;
}

/** Which table builder a call is, if any: store engine, or '' when only `.table()` of a schema says so. */
function tableKind(ctx: Ctx, call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) {
    const m = TABLE_FN.exec(callee.text);
    if (m) return STORE[m[1]!] ?? '';
    // createTable = pgTableCreator((name) => `app_${name}`)
    return ctx.uses.has('drizzle') && /^create\w*Table$/.test(callee.text) ? '' : undefined;
  }
  // import * as p from 'drizzle-orm/pg-core'; p.pgTable(...)
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const m = TABLE_FN.exec(callee.name.text);
    if (m) return STORE[m[1]!] ?? '';
  }
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'table' && ctx.uses.has('drizzle')) {
    const target = callee.expression;
    const schemaCall = ts.isIdentifier(target) ? moduleInitializer(ctx.sf, target.text) : target;
    if (schemaCall && ts.isCallExpression(schemaCall) && ts.isIdentifier(schemaCall.expression)) {
      const m = /^(pg|mysql)Schema$/.exec(schemaCall.expression.text);
      if (m) return STORE[m[1]!];
    }
    return '';
  }
  return undefined;
}

/** Innermost call of a column chain: `varchar('phone', {...})` in varchar('phone', {...}).notNull(). */
function baseCall(expr: ts.Expression): ts.CallExpression | undefined {
  let e: ts.Expression = expr;
  let last: ts.CallExpression | undefined;
  for (let guard = 0; guard < 50; guard++) {
    if (ts.isCallExpression(e)) {
      last = e;
      e = e.expression;
    } else if (ts.isPropertyAccessExpression(e)) {
      // t.varchar(...): the access on the callback parameter is the builder itself.
      if (ts.isIdentifier(e.expression)) return last;
      e = e.expression;
    } else if (ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    else break;
  }
  return last;
}

function drizzleFields(ctx: Ctx, call: ts.CallExpression): DeclaredField[] | undefined {
  const kind = tableKind(ctx, call);
  if (kind === undefined) return undefined;
  const [a0, a1] = call.arguments;
  const table = stringValue(a0);
  const cols = columnsObject(a1);
  if (!table || !cols) return undefined;
  const model = enclosingName(call) ?? table;
  const out: DeclaredField[] = [];
  for (const p of cols.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = nameText(p.name);
    if (!name) continue;
    const base = baseCall(p.initializer);
    const column = stringValue(base?.arguments[0]);
    const builder = base ? (ts.isPropertyAccessExpression(base.expression) ? base.expression.name.text : boundedText(ctx, base.expression, 40)) : undefined;
    // .references(() => users.id) is a foreign key: the data lives in the referenced table.
    const foreignKey = chainMethods(p.initializer).includes('references');
    const protection = protectionFromText(builder ?? '');
    const at = pos(ctx, p.name);
    out.push({
      model,
      field: name,
      ...(column && column !== name ? { aliases: [column], dbColumn: column } : {}),
      framework: 'drizzle',
      ...(kind ? { store: kind } : {}),
      ...(table !== model ? { table } : {}),
      ...(builder ? { type: builder } : {}),
      line: at.line,
      column: ts.isStringLiteral(p.name) ? at.column + 1 : at.column,
      ...(foreignKey ? { skip: true } : {}),
      ...(protection.length ? { protection } : {}),
    });
  }
  return out;
}

/** Builder steps that start a write, and the step after them that takes the row (`db.update(users).set(row)`). */
const WRITE_STEPS: Record<string, string> = { insert: 'values', update: 'set', insertInto: 'values', updateTable: 'set' };
/** Conflict clauses whose `set` is written too: `.onConflictDoUpdate({ target, set: row })`. */
const CONFLICT_STEPS = new Set(['onConflictDoUpdate', 'onDuplicateKeyUpdate']);
const DB_ROOT = /^(db|tx|trx|database|drizzle|client|conn|connection)$/i;

/** The table a write starts on: `users`, `schema.users`, `'users'` (Kysely's insertInto). */
function tableName(arg: ts.Expression | undefined): string | undefined {
  if (!arg) return undefined;
  if (ts.isIdentifier(arg)) return arg.text;
  if (ts.isPropertyAccessExpression(arg)) return arg.name.text;
  return stringValue(arg);
}

export const drizzle: Framework = {
  id: 'drizzle',
  description: 'Drizzle ORM: pgTable/mysqlTable/sqliteTable declarations of persistent tables; insert(t).values() / update(t).set() write rows',
  declarations: {
    markers: ['drizzle-orm', 'pgtable', 'mysqltable', 'sqlitetable'],
    mentionedIn: (lower) => lower.includes('drizzle-orm'),
    persistent: true,
    call: (ctx, _st, call) => drizzleFields(ctx, call),
  },
  calls: {
    // db.insert(users).values({...}), db.update(users).set({...}), also Kysely's insertInto('users').values().
    classify({ chain, method: last, rootName: rn, api }) {
      const nm = chain.members.length;
      if (nm < 2 || !DB_ROOT.test(rn)) return undefined;
      const at = chain.members.findIndex((m, i) => WRITE_STEPS[m] !== undefined && chain.callAfter[i] !== undefined);
      if (at < 0 || at === nm - 1) return undefined;
      const takesRow = last === WRITE_STEPS[chain.members[at]!] || CONFLICT_STEPS.has(last);
      if (!takesRow) return undefined;
      const model = tableName(chain.callAfter[at]!.arguments[0]);
      const info = { kind: 'storage' as const, api, label: 'SQL query builder', internal: true, ...(model ? { model: model.charAt(0).toUpperCase() + model.slice(1) } : {}) };
      if (CONFLICT_STEPS.has(last)) return { t: 'sink', info, args: [0], options: { dataKeys: ['set'], writtenFrom: 'set' } };
      return { t: 'sink', info, args: [0] };
    },
  },
};
