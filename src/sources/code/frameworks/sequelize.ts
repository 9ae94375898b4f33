/** Sequelize: `sequelize.define('User', {...})`, `User.init({...})`, sequelize-typescript @Table models. */
import { ts } from '../parse.js';
import type { Framework } from '../engine/framework-api.js';
import { nameText, objectProperty, stringValue } from '../engine/ast.js';
import { leaf, protectionOf } from '../declarations/ts/builders.js';
import { boundedText, type Ctx } from '../declarations/ts/helpers.js';
import type { DeclaredField } from '../declarations/types.js';

const ID = 'sequelize';

function sequelizeAttributes(ctx: Ctx, obj: ts.ObjectLiteralExpression, model: string, out: DeclaredField[], table?: string): void {
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = nameText(p.name);
    if (!name) continue;
    const v = p.initializer;
    if (ts.isObjectLiteralExpression(v)) {
      const alias = stringValue(objectProperty(v, 'field'));
      const typeExpr = objectProperty(v, 'type');
      const ref = objectProperty(v, 'references') !== undefined;
      out.push(
        leaf(ctx, p, model, name, ID, {
          ...(alias ? { aliases: [alias], ...(alias !== name ? { dbColumn: alias } : {}) } : {}),
          ...(typeExpr ? { type: boundedText(ctx, typeExpr, 60) } : {}),
          ...(table ? { table } : {}),
          ...(ref ? { skip: true } : {}),
          ...protectionOf(ctx, v),
        }),
      );
    } else {
      out.push(leaf(ctx, p, model, name, ID, { type: boundedText(ctx, v, 60), ...(table ? { table } : {}) }));
    }
  }
}

/** sequelize.define('User', {...}) and class User extends Model; User.init({...}, { modelName }). */
function sequelizeFields(ctx: Ctx, call: ts.CallExpression): DeclaredField[] | undefined {
  if (!ctx.uses.has(ID) || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const method = call.expression.name.text;
  const [a0, a1] = call.arguments;
  const out: DeclaredField[] = [];
  if (method === 'define' && a0 && a1 && ts.isObjectLiteralExpression(a1)) {
    const model = stringValue(a0);
    if (!model) return undefined;
    sequelizeAttributes(ctx, a1, model, out);
    return out;
  }
  if (method === 'init' && a0 && ts.isObjectLiteralExpression(a0) && ts.isIdentifier(call.expression.expression)) {
    const opts = a1 && ts.isObjectLiteralExpression(a1) ? a1 : undefined;
    const model = stringValue(opts && objectProperty(opts, 'modelName')) ?? call.expression.expression.text;
    const table = stringValue(opts && objectProperty(opts, 'tableName'));
    sequelizeAttributes(ctx, a0, model, out, table);
    return out;
  }
  return undefined;
}

export const sequelize: Framework = {
  id: ID,
  description: 'Sequelize models (define, init, @Table)',
  declarations: {
    markers: ['sequelize', '@table'],
    mentionedIn: (lower) => lower.includes('sequelize'),
    persistent: true,
    call: (ctx, _st, call) => sequelizeFields(ctx, call),
    decorators: { models: ['Table'], tableFromOptions: true, relations: ['BelongsTo', 'HasMany', 'HasOne', 'BelongsToMany', 'ForeignKey'] },
  },
  sources: { containers: ['dataValues'] },
  stores: { entityDecorators: ['Table'], modelFactories: ['define'] },
};
