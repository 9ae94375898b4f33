/**
 * Mongoose: `new Schema({...})` declares a persistent model, named by `mongoose.model('User',
 * schema)`, with fields listed in an encryption plugin protected; @Schema/@Prop classes (NestJS,
 * Typegoose) too. `@InjectModel(User.name)` injects the model; query helpers (lean, populate)
 * keep the documents' data.
 */
import { ts } from 'ts-morph';
import { objectProperty, stringValue } from '../engine/ast.js';
import type { DeclarationPass, Framework } from '../engine/framework-api.js';
import { isMongooseSchema, mongooseFields } from '../declarations/ts/builders.js';
import type { DeclaredField, ProtectionHint } from '../declarations/types.js';

const ENCRYPTED_FIELDS: ProtectionHint = {
  kind: 'encryption',
  key: 'encryption:mongoose-plugin',
  description: 'listed in an encryption plugin of the schema',
};

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
        if (f.framework !== 'mongoose') return f;
        const enc = encrypted.get(f.model);
        const withEnc = enc?.has(f.field) ? { ...f, protection: [...(f.protection ?? []), ENCRYPTED_FIELDS] } : f;
        const name = modelNames.get(f.model) ?? (/.Schema$/i.test(f.model) ? capitalize(f.model.replace(/Schema$/i, '')) : f.model);
        return { ...withEnc, model: name };
      });
    },
  };
}

export const mongoose: Framework = {
  id: 'mongoose',
  description: 'Mongoose schemas and models, NestJS/Typegoose schema classes',
  declarations: {
    markers: ['mongoose', '@prop'],
    mentionedIn: (lower) => lower.includes('mongoose'),
    persistent: true,
    call: (ctx, st, call) => (isMongooseSchema(ctx, call) ? mongooseFields(ctx, st, call) : undefined),
    construct: (ctx, st, node) => (isMongooseSchema(ctx, node) ? mongooseFields(ctx, st, node) : undefined),
    perFile: (ctx) => schemaNames(ctx.sf),
  },
  sources: { containers: ['_doc'] },
  calls: { receiverPass: ['lean', 'exec', 'populate', 'select', 'orFail'] },
  stores: { entityDecorators: ['Schema', 'Document', 'model'], injectDecorators: ['InjectModel'], modelFactories: ['model'], deleteMethods: ['findOneAndDelete', 'findByIdAndDelete'] },
};
