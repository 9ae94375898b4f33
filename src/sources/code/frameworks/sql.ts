/**
 * SQL in code: DDL strings, and migrations (Knex schema builder, TypeORM `new Table(...)`,
 * Sequelize queryInterface) declaring tables: declarations/ts/migrations.ts. Asked last: its
 * shapes (`createTable`, `table`) are the most generic.
 */
import type { Framework } from '../engine/framework-api.js';
import { migrationFields } from '../declarations/ts/migrations.js';

export const sql: Framework = {
  id: 'sql',
  description: 'SQL DDL in strings and migrations',
  declarations: {
    markers: ['create table', 'alter table', 'new table'],
    persistent: true,
    call: (ctx, _st, call) => migrationFields(ctx, call),
    construct: (ctx, _st, node) => migrationFields(ctx, node),
  },
};
