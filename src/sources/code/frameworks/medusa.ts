/** Medusa v2 data models: `model.define('customer', { email: model.text() })` (compiled to MikroORM). */
import { ts } from '../parse.js';
import type { DeclaredField } from '../declarations/types.js';
import type { Framework } from '../engine/framework-api.js';
import { chainMethods, enclosingName, nameText, objectProperty, stringValue } from '../engine/ast.js';
import { pos, type Ctx } from '../declarations/ts/helpers.js';
import { isRelation, propsObject } from './entity-schema.js';

const ID = 'medusa';

/** Medusa DML: `model.define('Customer', {...})` or `model.define({ name, tableName }, {...})`. */
function medusaFields(ctx: Ctx, call: ts.CallExpression): DeclaredField[] | undefined {
  if (!ctx.uses.has(ID)) return undefined;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'define' || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'model') return undefined;
  const [a0, a1] = call.arguments;
  const props = propsObject(a1);
  if (!a0 || !props) return undefined;
  const opts = ts.isObjectLiteralExpression(a0) ? a0 : undefined;
  const name = stringValue(a0) ?? (opts ? stringValue(objectProperty(opts, 'name')) : undefined);
  const model = name ?? enclosingName(call) ?? 'model';
  const table = opts ? stringValue(objectProperty(opts, 'tableName')) : undefined;
  const out: DeclaredField[] = [];
  for (const p of props.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const field = nameText(p.name);
    if (!field) continue;
    const methods = chainMethods(p.initializer);
    const at = pos(ctx, p.name);
    out.push({
      model,
      field,
      framework: ID,
      store: 'postgresql',
      ...(table ? { table } : {}),
      ...(methods[0] ? { type: methods[0] } : {}),
      line: at.line,
      column: ts.isStringLiteral(p.name) ? at.column + 1 : at.column,
      ...(isRelation(p.initializer) ? { skip: true } : {}),
    });
  }
  return out;
}

export const medusa: Framework = {
  id: ID,
  description: 'Medusa data models (model.define)',
  declarations: {
    markers: ['@medusajs/'],
    mentionedIn: (lower) => lower.includes('@medusajs/'),
    persistent: true,
    call: (ctx, _st, call) => medusaFields(ctx, call),
  },
};
