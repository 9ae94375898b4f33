/**
 * Query builders typed from the database (Kysely, Supabase, Objection): their models are module-level
 * types and classes (declarations/ts/type-models.ts), stored by the application.
 */
import type { Framework } from '../engine/framework-api.js';

export const objection: Framework = { id: 'objection', description: 'Objection.js models', declarations: { persistent: true } };

export const kysely: Framework = {
  id: 'kysely',
  description: 'Kysely database interfaces',
  declarations: { mentionedIn: (lower) => lower.includes('kysely'), persistent: true },
};

export const supabase: Framework = { id: 'supabase', description: 'Supabase generated database types', declarations: { persistent: true } };
