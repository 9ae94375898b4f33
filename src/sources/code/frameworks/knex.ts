/**
 * Knex: `knex('users').insert(row)` writes to a table; `knex.schema.createTable(...)` migrations
 * declare persistent tables (declarations/ts/migrations.ts, see sql.ts).
 */
import { ts } from 'ts-morph';
import type { Framework } from '../engine/framework-api.js';

export const knex: Framework = {
  id: 'knex',
  description: 'Knex query builder: inserts and updates write rows; schema builder migrations declare tables',
  declarations: { markers: ['knex', 'createtable', 'altertable', 'addcolumn'], persistent: true },
  stores: { storeNames: ['knex', 'db', 'trx'] },
  calls: {
    classify({ chain, method: last, rootName: rn, binding: rb, api }) {
      if (!chain.rootCall || chain.members.length < 1 || !(rb?.module === 'knex' || /^(knex|db|trx)$/.test(rn)) || !/^(insert|update|upsert|merge)$/.test(last)) return undefined;
      const a = chain.rootCall.arguments[0];
      const table = a && ts.isStringLiteralLike(a) ? a.text : undefined;
      return { t: 'sink', info: { kind: 'storage', api, label: 'Knex', internal: true, ...(table ? { model: table } : {}) }, args: 'all' };
    },
  },
};
