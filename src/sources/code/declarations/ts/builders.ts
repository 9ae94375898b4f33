/**
 * Schemas built from object literals: Mongoose `new Schema({...})` (nested objects and arrays),
 * Sequelize `sequelize.define('User', {...})` / `User.init({...})`, and validation builders
 * zod `z.object({...})`, Joi `Joi.object({...})`, yup `yup.object({...})` (nested too).
 * Nested object literals are marked consumed so the walker does not report them twice.
 */
import { ts } from '../../parse.js';
import type { CategoryHint, DeclaredField, FrameworkId, ProtectionHint } from '../types.js';
import { calleeName, chainMethods, chainRoot, enclosingName, nameText, objectProperty, stringValue } from '../../engine/ast.js';
import { boundedText, pos, protectionFromText, validatorHint, type Ctx } from './helpers.js';

const MAX_DEPTH = 12;

export interface BuilderState {
  consumed: Set<ts.Node>;
}

function leaf(ctx: Ctx, prop: ts.PropertyAssignment, model: string, field: string, framework: FrameworkId, extra: Partial<DeclaredField>): DeclaredField {
  const at = pos(ctx, prop.name);
  const column = ts.isStringLiteral(prop.name) ? at.column + 1 : at.column;
  return { model, field, framework, line: at.line, column, ...extra };
}

// ---------------------------------------------------------------- Mongoose

function isSchemaConstruction(expr: ts.Expression): expr is ts.NewExpression | ts.CallExpression {
  if (!ts.isNewExpression(expr) && !ts.isCallExpression(expr)) return false;
  const name = calleeName(expr.expression);
  return name === 'Schema' && expr.arguments?.[0] !== undefined && ts.isObjectLiteralExpression(expr.arguments[0]);
}

/** mongoose.model('Account', { username: String }): a model declared from a plain object, its implicit schema. */
function isModelFromObject(expr: ts.Expression): expr is ts.CallExpression {
  if (!ts.isCallExpression(expr) || calleeName(expr.expression) !== 'model') return false;
  const [name, shape] = expr.arguments;
  return name !== undefined && stringValue(name) !== undefined && shape !== undefined && ts.isObjectLiteralExpression(shape);
}

export function isMongooseSchema(ctx: Ctx, node: ts.NewExpression | ts.CallExpression): boolean {
  return ctx.uses.has('mongoose') && (isSchemaConstruction(node) || isModelFromObject(node));
}

function mongooseObject(ctx: Ctx, st: BuilderState, obj: ts.ObjectLiteralExpression, model: string, prefix: string, out: DeclaredField[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  st.consumed.add(obj);
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = nameText(p.name);
    if (!name) continue;
    const field = prefix ? `${prefix}.${name}` : name;
    let value = p.initializer;
    let list = false;
    if (ts.isArrayLiteralExpression(value)) {
      if (!value.elements[0]) continue;
      value = value.elements[0];
      list = true;
    }
    if (isSchemaConstruction(value)) {
      mongooseObject(ctx, st, value.arguments![0] as ts.ObjectLiteralExpression, model, field, out, depth + 1);
      continue;
    }
    if (ts.isObjectLiteralExpression(value)) {
      const typeExpr = objectProperty(value, 'type');
      if (!typeExpr || ts.isObjectLiteralExpression(typeExpr)) {
        // { street: String, city: String } is a nested path, not options.
        mongooseObject(ctx, st, typeExpr && ts.isObjectLiteralExpression(typeExpr) ? typeExpr : value, model, field, out, depth + 1);
        continue;
      }
      st.consumed.add(value);
      const ref = objectProperty(value, 'ref') !== undefined;
      const typeText = boundedText(ctx, typeExpr, 60);
      out.push(
        leaf(ctx, p, model, field, 'mongoose', {
          store: 'mongodb',
          type: list ? `[${typeText}]` : typeText,
          ...(ref ? { skip: true } : {}),
          ...protectionOf(ctx, value),
        }),
      );
      continue;
    }
    // A sub-schema variable (AddressSchema) is reported as its own model.
    if (ts.isIdentifier(value) && /schema$/i.test(value.text)) continue;
    const typeText = boundedText(ctx, value, 60);
    out.push(leaf(ctx, p, model, field, 'mongoose', { store: 'mongodb', type: list ? `[${typeText}]` : typeText }));
  }
}

function protectionOf(ctx: Ctx, node: ts.Node): { protection?: ProtectionHint[] } {
  const protection = protectionFromText(boundedText(ctx, node));
  return protection.length ? { protection } : {};
}

export function mongooseFields(ctx: Ctx, st: BuilderState, node: ts.NewExpression | ts.CallExpression): DeclaredField[] {
  const fromObject = isModelFromObject(node);
  const obj = node.arguments![fromObject ? 1 : 0] as ts.ObjectLiteralExpression;
  if (st.consumed.has(obj)) return [];
  const out: DeclaredField[] = [];
  const model = fromObject ? stringValue(node.arguments![0]!)! : (enclosingName(node) ?? 'schema');
  mongooseObject(ctx, st, obj, model, '', out, 0);
  return out;
}

// ---------------------------------------------------------------- Sequelize

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
        leaf(ctx, p, model, name, 'sequelize', {
          ...(alias ? { aliases: [alias], ...(alias !== name ? { dbColumn: alias } : {}) } : {}),
          ...(typeExpr ? { type: boundedText(ctx, typeExpr, 60) } : {}),
          ...(table ? { table } : {}),
          ...(ref ? { skip: true } : {}),
          ...protectionOf(ctx, v),
        }),
      );
    } else {
      out.push(leaf(ctx, p, model, name, 'sequelize', { type: boundedText(ctx, v, 60), ...(table ? { table } : {}) }));
    }
  }
}

/** sequelize.define('User', {...}) and class User extends Model; User.init({...}, { modelName }). */
export function sequelizeFields(ctx: Ctx, call: ts.CallExpression): DeclaredField[] | undefined {
  if (!ctx.uses.has('sequelize') || !ts.isPropertyAccessExpression(call.expression)) return undefined;
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

// ---------------------------------------------------------------- zod / Joi / yup

const ROOTS: Record<string, FrameworkId> = { z: 'zod', zod: 'zod', Joi: 'joi', joi: 'joi', yup: 'yup', Yup: 'yup' };
const OBJECT_METHODS = new Set(['object', 'strictObject', 'looseObject', 'shape', 'keys', 'extend', 'partial', 'append']);

function frameworkOfValues(obj: ts.ObjectLiteralExpression): FrameworkId | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p)) {
      const root = chainRoot(p.initializer);
      if (root && ROOTS[root]) return ROOTS[root];
    }
  }
  return undefined;
}

/** The object literal of a builder call, and its framework, if this call builds an object schema. */
export function builderObject(ctx: Ctx, call: ts.CallExpression): { obj: ts.ObjectLiteralExpression; framework: FrameworkId } | undefined {
  const arg = call.arguments[0];
  if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
  const method = calleeName(call.expression);
  if (!method || !OBJECT_METHODS.has(method)) return undefined;
  if (ts.isIdentifier(call.expression)) {
    // `object({...})` imported from yup
    return method === 'object' && ctx.uses.has('yup') ? { obj: arg, framework: 'yup' } : undefined;
  }
  const root = chainRoot(call.expression);
  const framework = (root && ROOTS[root]) || frameworkOfValues(arg);
  return framework ? { obj: arg, framework } : undefined;
}

/** Look through z.array(...), .optional(), .nullable() for a nested object schema. */
function nestedObject(ctx: Ctx, value: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let e: ts.Expression = value;
  for (let guard = 0; guard < 20; guard++) {
    if (ts.isCallExpression(e)) {
      const b = builderObject(ctx, e);
      if (b) return b.obj;
      const name = calleeName(e.expression);
      const a = e.arguments[0];
      if ((name === 'array' || name === 'items' || name === 'of') && a && ts.isCallExpression(a)) {
        const inner = nestedObject(ctx, a);
        if (inner) return inner;
      }
      e = e.expression;
    } else if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else return undefined;
  }
  return undefined;
}

/** Validator methods of a field, also inside a list: z.array(z.string().email()), yup.array().of(yup.string().email()). */
function validatorMethods(value: ts.Expression, depth = 0): string[] {
  const out = chainMethods(value);
  if (depth > 3) return out;
  for (let e: ts.Expression = value; ts.isCallExpression(e) || ts.isPropertyAccessExpression(e); e = e.expression) {
    if (!ts.isCallExpression(e)) continue;
    const name = calleeName(e.expression);
    const a = e.arguments[0];
    if ((name === 'array' || name === 'items' || name === 'of') && a && ts.isCallExpression(a)) out.push(...validatorMethods(a, depth + 1));
  }
  return out;
}

function builderFields(ctx: Ctx, st: BuilderState, obj: ts.ObjectLiteralExpression, framework: FrameworkId, model: string, prefix: string, out: DeclaredField[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  st.consumed.add(obj);
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = nameText(p.name);
    if (!name) continue;
    const field = prefix ? `${prefix}.${name}` : name;
    const nested = nestedObject(ctx, p.initializer);
    if (nested) {
      builderFields(ctx, st, nested, framework, model, field, out, depth + 1);
      continue;
    }
    const hints: CategoryHint[] = [];
    for (const m of validatorMethods(p.initializer)) {
      const h = validatorHint(m, framework);
      if (h) hints.push(h);
    }
    out.push(leaf(ctx, p, model, field, framework, { type: boundedText(ctx, p.initializer, 60), ...(hints.length ? { hints } : {}) }));
  }
}

export function validationBuilderFields(ctx: Ctx, st: BuilderState, call: ts.CallExpression): DeclaredField[] | undefined {
  const b = builderObject(ctx, call);
  if (!b || st.consumed.has(b.obj)) return undefined;
  const out: DeclaredField[] = [];
  builderFields(ctx, st, b.obj, b.framework, enclosingName(call) ?? 'schema', '', out, 0);
  return out;
}
