/** The MongoDB driver: `db.collection('users').insertOne(doc)` writes to the users collection; finds read it. */
import { ts } from 'ts-morph';
import type { Framework } from '../engine/framework-api.js';
import { cap } from '../engine/names.js';
import { FILTER_FIRST, ORM_READS, ORM_WRITES } from './orm-methods.js';

export const mongodb: Framework = {
  id: 'mongodb',
  description: 'MongoDB driver: collection reads are sources, inserts and updates write documents',
  stores: { storeNames: ['collection'], storeMembers: ['collection'] },
  calls: {
    classify({ chain, method: last, api }) {
      const nm = chain.members.length;
      const collIdx = chain.members.indexOf('collection');
      if (collIdx < 0 || collIdx >= nm - 1) return undefined;
      const a = chain.callAfter[collIdx]?.arguments[0];
      const coll = a && ts.isStringLiteralLike(a) ? a.text : 'collection';
      if (ORM_READS.has(last)) return { t: 'source', type: cap(coll), source: `MongoDB ${coll} document` };
      if (ORM_WRITES.has(last)) {
        return { t: 'sink', info: { kind: 'storage', api, label: 'MongoDB', internal: true, model: coll }, args: FILTER_FIRST.has(last) ? [1, 2] : 'all' };
      }
      return undefined;
    },
  },
};
