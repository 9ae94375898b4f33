/**
 * Schema validators zod, Joi and yup: `z.object({ email: z.string().email() })`. One call shape
 * for the three, so one extractor (below), registered once with zod; the
 * field's framework comes from the builder's root (z, Joi, yup).
 */
import { ts } from '../parse.js';
import type { Framework } from '../engine/framework-api.js';
import { calleeName, chainMethods, chainRoot, enclosingName } from '../engine/ast.js';
import { leaf, schemaProperties, type BuilderState } from '../declarations/ts/builders.js';
import { boundedText, validatorHint, type Ctx } from '../declarations/ts/helpers.js';
import type { CategoryHint, DeclaredField, FrameworkId } from '../declarations/types.js';

const ZOD = 'zod';
const JOI = 'joi';
const YUP = 'yup';
/** The root of a builder chain names its framework. */
// A Map, not an object: the keys come from scanned code (`constructor` must not hit a prototype).
const ROOTS: ReadonlyMap<string, FrameworkId> = new Map([['z', ZOD], ['zod', ZOD], ['Joi', JOI], ['joi', JOI], ['yup', YUP], ['Yup', YUP]]);
const OBJECT_METHODS = new Set(['object', 'strictObject', 'looseObject', 'shape', 'keys', 'extend', 'partial', 'append']);

function frameworkOfValues(obj: ts.ObjectLiteralExpression): FrameworkId | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p)) {
      const root = chainRoot(p.initializer);
      if (root && ROOTS.has(root)) return ROOTS.get(root)!;
    }
  }
  return undefined;
}

/** The object literal of a builder call, and its framework, if this call builds an object schema. */
function builderObject(ctx: Ctx, call: ts.CallExpression): { obj: ts.ObjectLiteralExpression; framework: FrameworkId } | undefined {
  const arg = call.arguments[0];
  if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
  const method = calleeName(call.expression);
  if (!method || !OBJECT_METHODS.has(method)) return undefined;
  if (ts.isIdentifier(call.expression)) {
    // `object({...})` imported from yup
    return method === 'object' && ctx.uses.has(YUP) ? { obj: arg, framework: YUP } : undefined;
  }
  const root = chainRoot(call.expression);
  const framework = (root ? ROOTS.get(root) : undefined) ?? frameworkOfValues(arg);
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
  for (const { prop: p, field } of schemaProperties(st, obj, prefix, depth)) {
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

function validationBuilderFields(ctx: Ctx, st: BuilderState, call: ts.CallExpression): DeclaredField[] | undefined {
  const b = builderObject(ctx, call);
  if (!b || st.consumed.has(b.obj)) return undefined;
  const out: DeclaredField[] = [];
  builderFields(ctx, st, b.obj, b.framework, enclosingName(call) ?? 'schema', '', out, 0);
  return out;
}

export const zod: Framework = {
  id: ZOD,
  description: 'zod object schemas (and, through the same extractor, Joi and yup)',
  // Validation schemas describe what a request or form sends, not what is stored.
  declarations: { markers: ["zod'", 'zod"', 'zod/'], call: validationBuilderFields, input: true },
};

export const joi: Framework = { id: JOI, description: 'Joi object schemas', declarations: { markers: ["joi'", 'joi"'], input: true } };

export const yup: Framework = {
  id: YUP,
  description: 'yup object schemas (a bare `object({...})` counts when the file imports yup)',
  declarations: {
    markers: ["yup'", 'yup"'],
    input: true,
    mentionedIn: (lower) => lower.includes("from 'yup'") || lower.includes('from "yup"') || lower.includes("require('yup')"),
  },
};
