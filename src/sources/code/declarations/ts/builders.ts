/**
 * Shared by the extractors of schemas built from object literals (frameworks/: Mongoose `new
 * Schema({...})`, Sequelize `define`, zod/Joi/yup `object({...})`): the walk's state, where
 * nested object literals are marked consumed so the walker does not report them twice, and the
 * field of one property.
 */
import { ts } from '../../parse.js';
import type { DeclaredField, FrameworkId, ProtectionHint } from '../types.js';
import { nameText } from '../../engine/ast.js';
import { boundedText, pos, protectionFromText, type Ctx } from './helpers.js';

/** How deep nested object literals of one schema are followed. */
const MAX_DEPTH = 12;

export interface BuilderState {
  consumed: Set<ts.Node>;
}

/** The named properties of a schema object, with their dotted paths; the object is marked consumed. None past MAX_DEPTH. */
export function* schemaProperties(st: BuilderState, obj: ts.ObjectLiteralExpression, prefix: string, depth: number): Generator<{ prop: ts.PropertyAssignment; field: string }> {
  if (depth > MAX_DEPTH) return;
  st.consumed.add(obj);
  for (const prop of obj.properties) {
    if (!ts.isPropertyAssignment(prop)) continue;
    const name = nameText(prop.name);
    if (!name) continue;
    yield { prop, field: prefix ? `${prefix}.${name}` : name };
  }
}

/** The field declared by one property of a schema object. */
export function leaf(ctx: Ctx, prop: ts.PropertyAssignment, model: string, field: string, framework: FrameworkId, extra: Partial<DeclaredField>): DeclaredField {
  const at = pos(ctx, prop.name);
  const column = ts.isStringLiteral(prop.name) ? at.column + 1 : at.column;
  return { model, field, framework, line: at.line, column, ...extra };
}

/** Protection visible in a property's options (`{ type: String, select: false }`). */
export function protectionOf(ctx: Ctx, node: ts.Node): { protection?: ProtectionHint[] } {
  const protection = protectionFromText(boundedText(ctx, node));
  return protection.length ? { protection } : {};
}
