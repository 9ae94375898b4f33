/**
 * Entities declared without decorators, shared by TypeORM and MikroORM (and Medusa, compiled to
 * MikroORM): TypeORM `new EntitySchema({ name, columns: {...} })` and MikroORM `new
 * EntitySchema({ name, properties: {...} })` / `defineEntity({ name, properties })`, where
 * properties may be an object or `(p) => ({ email: p.string() })`. Relations are skipped: TypeORM
 * keeps them apart (`relations:`), MikroORM and Medusa mark them (kind/reference, p.manyToOne(),
 * model.hasMany()).
 */
import { ts } from '../parse.js';
import type { DeclaredField, FrameworkId } from '../declarations/types.js';
import { calleeName, chainMethods, enclosingName, nameText, objectProperty, stringValue } from '../engine/ast.js';
import { boundedText, pos, protectionFromText, type Ctx } from '../declarations/ts/helpers.js';

const MIKRO_RELATION = /^(manyToOne|oneToMany|manyToMany|oneToOne|embedded|ref|belongsTo|hasMany|hasOne|hasOneWithFK)$/;
const RELATION_KEYS = ['kind', 'reference', 'entity', 'inversedBy', 'mappedBy'];

export function propsObject(expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!expr) return undefined;
  if (ts.isObjectLiteralExpression(expr)) return expr;
  if (ts.isArrowFunction(expr)) {
    let body: ts.Node = expr.body;
    while (ts.isParenthesizedExpression(body)) body = body.expression;
    return ts.isObjectLiteralExpression(body) ? body : undefined;
  }
  return undefined;
}

export function isRelation(value: ts.Expression): boolean {
  if (ts.isObjectLiteralExpression(value)) return RELATION_KEYS.some((k) => objectProperty(value, k) !== undefined);
  return chainMethods(value).some((m) => MIKRO_RELATION.test(m));
}

/** Model name: `name`, else the class in `class:`/`target:`, else the variable. */
function modelName(opts: ts.ObjectLiteralExpression, call: ts.Node): string | undefined {
  const named = stringValue(objectProperty(opts, 'name'));
  if (named) return named;
  const target = objectProperty(opts, 'class') ?? objectProperty(opts, 'target');
  if (target && ts.isIdentifier(target)) return target.text;
  return enclosingName(call);
}

/**
 * Fields of an EntitySchema / defineEntity, declared by `framework` when `claims` says the schema
 * is its own (given whether it lists `columns`, TypeORM's word, rather than `properties`).
 */
export function entitySchemaFields(ctx: Ctx, node: ts.NewExpression | ts.CallExpression, framework: FrameworkId, claims: (columns: boolean) => boolean): DeclaredField[] | undefined {
  const callee = calleeName(node.expression);
  if (callee !== 'EntitySchema' && callee !== 'defineEntity') return undefined;
  const opts = node.arguments?.[0];
  if (!opts || !ts.isObjectLiteralExpression(opts)) return undefined;
  const columns = propsObject(objectProperty(opts, 'columns'));
  const properties = propsObject(objectProperty(opts, 'properties'));
  const obj = columns ?? properties;
  if (!obj || !claims(columns !== undefined)) return undefined;
  const model = modelName(opts, node) ?? 'entity';
  const table = stringValue(objectProperty(opts, 'tableName') ?? objectProperty(opts, 'collection'));
  const out: DeclaredField[] = [];
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = nameText(p.name);
    if (!name) continue;
    const v = p.initializer;
    const alias = ts.isObjectLiteralExpression(v) ? stringValue(objectProperty(v, 'name') ?? objectProperty(v, 'fieldName')) : undefined;
    const typeExpr = ts.isObjectLiteralExpression(v) ? objectProperty(v, 'type') : v;
    const protection = protectionFromText(boundedText(ctx, v, 600));
    const at = pos(ctx, p.name);
    out.push({
      model,
      field: name,
      ...(alias && alias !== name ? { aliases: [alias], dbColumn: alias } : {}),
      framework,
      ...(table ? { table } : {}),
      ...(typeExpr ? { type: boundedText(ctx, typeExpr, 60) } : {}),
      line: at.line,
      column: ts.isStringLiteral(p.name) ? at.column + 1 : at.column,
      ...(isRelation(v) ? { skip: true } : {}),
      ...(protection.length ? { protection } : {}),
    });
  }
  return out;
}
