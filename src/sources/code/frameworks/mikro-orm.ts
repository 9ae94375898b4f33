/**
 * MikroORM: @Entity/@Property classes and defineEntity/EntitySchema declare persistent models. Its
 * @Entity and its EntitySchema are TypeORM's words too: in a file that mentions MikroORM they are
 * MikroORM's (registered before TypeORM), and so is a schema listing `properties`.
 */
import type { Framework } from '../engine/framework-api.js';
import { entitySchemaFields } from './entity-schema.js';

const ID = 'mikro-orm';

export const mikroOrm: Framework = {
  id: ID,
  description: 'MikroORM entities (decorated classes, defineEntity)',
  declarations: {
    markers: ['defineentity', '@property'],
    mentionedIn: (lower) => lower.includes('@mikro-orm'),
    persistent: true,
    call: (ctx, _st, call) => entitySchemaFields(ctx, call, ID, (columns) => ctx.uses.has(ID) || !columns),
    construct: (ctx, _st, node) => entitySchemaFields(ctx, node, ID, (columns) => ctx.uses.has(ID) || !columns),
    decorators: {
      models: ['Entity'],
      modelsIfMentioned: true,
      tableFromOptions: true,
      relations: ['OneToOne', 'ManyToOne', 'OneToMany', 'ManyToMany', 'Embedded'],
      neutral: ['Index', 'Unique'],
      embeds: ['Property'],
    },
  },
};
