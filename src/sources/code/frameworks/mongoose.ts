/**
 * Mongoose: `new Schema({...})` declares a persistent model, named by `mongoose.model('User',
 * schema)`; @Schema/@Prop classes (NestJS, Typegoose) too. `@InjectModel(User.name)` injects the
 * model; query helpers (lean, populate) keep the documents' data.
 */
import type { Framework } from '../engine/framework-api.js';
import { isMongooseSchema, mongooseFields } from '../declarations/ts/builders.js';

export const mongoose: Framework = {
  id: 'mongoose',
  description: 'Mongoose schemas and models, NestJS/Typegoose schema classes',
  declarations: {
    markers: ['mongoose', '@prop'],
    mentionedIn: (lower) => lower.includes('mongoose'),
    persistent: true,
    call: (ctx, st, call) => (isMongooseSchema(ctx, call) ? mongooseFields(ctx, st, call) : undefined),
    construct: (ctx, st, node) => (isMongooseSchema(ctx, node) ? mongooseFields(ctx, st, node) : undefined),
  },
  sources: { containers: ['_doc'] },
  calls: { receiverPass: ['lean', 'exec', 'populate', 'select', 'orFail'] },
  stores: { entityDecorators: ['Schema', 'Document', 'model'], injectDecorators: ['InjectModel'], modelFactories: ['model'], deleteMethods: ['findOneAndDelete', 'findByIdAndDelete'] },
};
