/** MikroORM: @Entity/@Property classes and defineEntity/EntitySchema declare persistent models (extractors shared with TypeORM). */
import type { Framework } from '../engine/framework-api.js';

export const mikroOrm: Framework = {
  id: 'mikro-orm',
  description: 'MikroORM entities (decorated classes, defineEntity)',
  declarations: { markers: ['defineentity', '@property'], mentionedIn: (lower) => lower.includes('@mikro-orm'), persistent: true },
};
