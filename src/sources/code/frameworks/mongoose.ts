/**
 * Mongoose: `new Schema({...})` declares a persistent model, named by `mongoose.model('User',
 * schema)`, with fields listed in an encryption plugin protected; @Schema/@Prop classes (NestJS,
 * Typegoose) too. `@InjectModel(User.name)` injects the model; query helpers (lean, populate)
 * keep the documents' data.
 */
import { ts } from 'ts-morph';
import { calleeName, enclosingName, objectProperty, stringValue } from '../engine/ast.js';
import type { DeclarationPass, Framework } from '../engine/framework-api.js';
import { leaf, schemaProperties, protectionOf, type BuilderState } from '../declarations/ts/builders.js';
import { boundedText, type Ctx } from '../declarations/ts/helpers.js';
import type { DeclaredField, ProtectionHint } from '../declarations/types.js';

const ID = 'mongoose';

const ENCRYPTED_FIELDS: ProtectionHint = {
  kind: 'encryption',
  key: 'encryption:mongoose-plugin',
  description: 'listed in an encryption plugin of the schema',
};

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

function isMongooseSchema(ctx: Ctx, node: ts.NewExpression | ts.CallExpression): boolean {
  return ctx.uses.has(ID) && (isSchemaConstruction(node) || isModelFromObject(node));
}

function mongooseObject(ctx: Ctx, st: BuilderState, obj: ts.ObjectLiteralExpression, model: string, prefix: string, out: DeclaredField[], depth: number): void {
  for (const { prop: p, field } of schemaProperties(st, obj, prefix, depth)) {
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
        leaf(ctx, p, model, field, ID, {
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
    out.push(leaf(ctx, p, model, field, ID, { store: 'mongodb', type: list ? `[${typeText}]` : typeText }));
  }
}


function mongooseFields(ctx: Ctx, st: BuilderState, node: ts.NewExpression | ts.CallExpression): DeclaredField[] {
  const fromObject = isModelFromObject(node);
  const obj = node.arguments![fromObject ? 1 : 0] as ts.ObjectLiteralExpression;
  if (st.consumed.has(obj)) return [];
  const out: DeclaredField[] = [];
  const model = fromObject ? stringValue(node.arguments![0]!)! : (enclosingName(node) ?? 'schema');
  mongooseObject(ctx, st, obj, model, '', out, 0);
  return out;
}


function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Model names and encrypted paths given by calls anywhere in the file, applied to its schema fields. */
function schemaNames(sf: ts.SourceFile): DeclarationPass {
  /** mongoose.model('User', userSchema): schema variable → model name. */
  const modelNames = new Map<string, string>();
  /** schema.plugin(encrypt, { encryptedFields: [...] }): schema variable → encrypted paths. */
  const encrypted = new Map<string, Set<string>>();
  return {
    call(call) {
      const callee = call.expression;
      if (!ts.isPropertyAccessExpression(callee)) return;
      const method = callee.name.text;
      const [a0, a1] = call.arguments;
      if (method === 'model' && a0 && a1 && ts.isIdentifier(a1)) {
        const name = stringValue(a0);
        if (name) modelNames.set(a1.text, name);
      }
      if (method === 'plugin' && ts.isIdentifier(callee.expression) && a0 && /crypt/i.test(a0.getText(sf)) && a1 && ts.isObjectLiteralExpression(a1)) {
        const list = objectProperty(a1, 'encryptedFields') ?? objectProperty(a1, 'fields');
        if (list && ts.isArrayLiteralExpression(list)) {
          const set = encrypted.get(callee.expression.text) ?? new Set<string>();
          for (const el of list.elements) {
            const s = stringValue(el);
            if (s) set.add(s);
          }
          encrypted.set(callee.expression.text, set);
        }
      }
    },
    finish(fields: DeclaredField[]) {
      return fields.map((f) => {
        if (f.framework !== ID) return f;
        const enc = encrypted.get(f.model);
        const withEnc = enc?.has(f.field) ? { ...f, protection: [...(f.protection ?? []), ENCRYPTED_FIELDS] } : f;
        const name = modelNames.get(f.model) ?? (/.Schema$/i.test(f.model) ? capitalize(f.model.replace(/Schema$/i, '')) : f.model);
        return { ...withEnc, model: name };
      });
    },
  };
}

export const mongoose: Framework = {
  id: ID,
  description: 'Mongoose schemas and models, NestJS/Typegoose schema classes',
  declarations: {
    markers: ['mongoose', '@prop'],
    mentionedIn: (lower) => lower.includes('mongoose'),
    persistent: true,
    call: (ctx, st, call) => (isMongooseSchema(ctx, call) ? mongooseFields(ctx, st, call) : undefined),
    construct: (ctx, st, node) => (isMongooseSchema(ctx, node) ? mongooseFields(ctx, st, node) : undefined),
    perFile: (ctx) => schemaNames(ctx.sf),
    // NestJS @Schema/@Prop classes; Typegoose's @prop.
    decorators: { models: ['Schema'], tableFromOptions: true, store: 'mongodb', properties: ['Prop', 'prop'], embeds: ['Prop'], references: ['Prop', 'prop'] },
  },
  sources: { containers: ['_doc'] },
  calls: { receiverPass: ['lean', 'exec', 'populate', 'select', 'orFail'] },
  stores: { entityDecorators: ['Schema', 'Document', 'model'], injectDecorators: ['InjectModel'], modelFactories: ['model'], deleteMethods: ['findOneAndDelete', 'findByIdAndDelete'] },
};
