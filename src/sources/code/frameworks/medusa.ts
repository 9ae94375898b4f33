/** Medusa v2 data models: `model.define('customer', { email: model.text() })`. */
import type { Framework } from '../engine/framework-api.js';
import { medusaFields } from '../declarations/ts/entity-schema.js';

export const medusa: Framework = {
  id: 'medusa',
  description: 'Medusa data models (model.define)',
  declarations: {
    markers: ['@medusajs/'],
    mentionedIn: (lower) => lower.includes('@medusajs/'),
    persistent: true,
    call: (ctx, _st, call) => medusaFields(ctx, call),
  },
};
