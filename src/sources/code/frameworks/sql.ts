/**
 * SQL in code: DDL strings (declarations/ts/migrations.ts) and schema changes written as calls:
 * Knex `schema.createTable('users', (t) => { t.string('phone') })`, Sequelize
 * `queryInterface.createTable('Users', {...})` / `addColumn('Users', 'phone', ...)`, TypeORM
 * `new Table({ name, columns: [...] })` / `addColumn('users', new TableColumn({...}))`. Asked
 * last: these shapes (`createTable`, `table`) are the most generic. The fields are the
 * migrating library's (knex, sequelize, typeorm).
 */
import { ts } from '../parse.js';
import type { Framework } from '../engine/framework-api.js';
import type { DeclaredField, FrameworkId } from '../declarations/types.js';
import { calleeName, nameText, objectProperty, stringValue } from '../engine/ast.js';
import { boundedText, pos, type Ctx } from '../declarations/ts/helpers.js';

const KNEX_TABLE = new Set(['createTable', 'createTableIfNotExists', 'alterTable', 'table']);
const KNEX_TYPES = new Set([
  'string', 'text', 'integer', 'bigInteger', 'bigint', 'tinyint', 'smallint', 'mediumint', 'boolean', 'date', 'datetime',
  'time', 'timestamp', 'decimal', 'float', 'double', 'real', 'json', 'jsonb', 'uuid', 'binary', 'enum', 'enu',
  'specificType', 'geometry', 'geography', 'point', 'varchar', 'char', 'inet',
]);

function stringPos(ctx: Ctx, lit: ts.Expression): { line: number; column: number } {
  const at = pos(ctx, lit);
  return { line: at.line, column: at.column + 1 };
}

function knexColumns(ctx: Ctx, body: ts.Node, param: string, table: string, out: DeclaredField[]): void {
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === param) {
      const method = n.expression.name.text;
      const col = n.arguments[0];
      const name = stringValue(col);
      if (KNEX_TYPES.has(method) && name && col) {
        const at = stringPos(ctx, col);
        out.push({ model: table, field: name, framework: 'knex', type: method, line: at.line, column: at.column });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
}

function columnObjects(ctx: Ctx, elements: readonly ts.Expression[], table: string, framework: FrameworkId, out: DeclaredField[]): void {
  for (const el of elements) {
    const obj = ts.isNewExpression(el) ? el.arguments?.[0] : el;
    if (!obj || !ts.isObjectLiteralExpression(obj)) continue;
    const nameExpr = objectProperty(obj, 'name');
    const name = stringValue(nameExpr);
    if (!name || !nameExpr) continue;
    const type = stringValue(objectProperty(obj, 'type'));
    const at = stringPos(ctx, nameExpr);
    out.push({ model: table, field: name, framework, ...(type ? { type } : {}), line: at.line, column: at.column });
  }
}

/** Fields declared by a migration call, or undefined when `call` is not one. */
function migrationFields(ctx: Ctx, call: ts.CallExpression | ts.NewExpression): DeclaredField[] | undefined {
  const name = calleeName(call.expression);
  const args = call.arguments ?? [];
  const out: DeclaredField[] = [];
  if (ts.isNewExpression(call)) {
    // TypeORM: new Table({ name: 'users', columns: [{ name: 'email', type: 'varchar' }] })
    const opts = args[0];
    if (name !== 'Table' || !opts || !ts.isObjectLiteralExpression(opts)) return undefined;
    const table = stringValue(objectProperty(opts, 'name'));
    const cols = objectProperty(opts, 'columns');
    if (!table || !cols || !ts.isArrayLiteralExpression(cols)) return undefined;
    columnObjects(ctx, cols.elements, table, 'typeorm', out);
    return out;
  }
  if (!name) return undefined;
  const table = stringValue(args[0]);
  if (!table) return undefined;
  if (KNEX_TABLE.has(name) && args[1] && (ts.isArrowFunction(args[1]) || ts.isFunctionExpression(args[1]))) {
    const param = args[1].parameters[0];
    const pname = param && ts.isIdentifier(param.name) ? param.name.text : undefined;
    if (!pname) return undefined;
    if (name === 'table' && !/schema\s*$/.test(boundedText(ctx, call.expression, 200).replace(/\.table$/, ''))) return undefined;
    knexColumns(ctx, args[1].body, pname, table, out);
    return out;
  }
  if (name === 'createTable' && args[1] && ts.isObjectLiteralExpression(args[1])) {
    // Sequelize: queryInterface.createTable('Users', { email: { type: Sequelize.STRING } })
    for (const p of args[1].properties) {
      if (!ts.isPropertyAssignment(p)) continue;
      const field = nameText(p.name);
      if (!field) continue;
      const at = pos(ctx, p.name);
      const column = ts.isStringLiteral(p.name) ? at.column + 1 : at.column;
      const refs = ts.isObjectLiteralExpression(p.initializer) && objectProperty(p.initializer, 'references') !== undefined;
      out.push({ model: table, field, framework: 'sequelize', line: at.line, column, ...(refs ? { skip: true } : {}) });
    }
    return out;
  }
  if (name === 'addColumn' && args[1]) {
    const col = stringValue(args[1]);
    if (col) {
      const at = stringPos(ctx, args[1]);
      out.push({ model: table, field: col, framework: 'sequelize', line: at.line, column: at.column });
      return out;
    }
    const arg = args[1];
    if (ts.isNewExpression(arg) && calleeName(arg.expression) === 'TableColumn') {
      columnObjects(ctx, [arg], table, 'typeorm', out);
      return out;
    }
  }
  if (name === 'addColumns' && args[1] && ts.isArrayLiteralExpression(args[1])) {
    columnObjects(ctx, args[1].elements, table, 'typeorm', out);
    return out;
  }
  return undefined;
}

export const sql: Framework = {
  id: 'sql',
  description: 'SQL DDL in strings and migrations',
  declarations: {
    markers: ['create table', 'alter table', 'new table'],
    persistent: true,
    call: (ctx, _st, call) => migrationFields(ctx, call),
    construct: (ctx, _st, node) => migrationFields(ctx, node),
  },
};
