/** The MongoDB driver: `db.collection('users').insertOne(doc)` writes to the users collection; finds read it. */
import { ts } from 'ts-morph';
import type { Framework } from '../engine/framework-api.js';
import { cap } from '../engine/names.js';
import { FILTER_FIRST, ormReadWrite } from './orm-methods.js';

export const mongodb: Framework = {
  id: 'mongodb',
  description: 'MongoDB driver: collection reads are sources, inserts and updates write documents',
  stores: { storeNames: ['collection'], storeMembers: ['collection'] },
  calls: {
    classify({ call, chain, method: last, api, engine }) {
      const nm = chain.members.length;
      const collIdx = chain.members.indexOf('collection');
      if (collIdx < 0 || collIdx >= nm - 1) return undefined;
      const a = chain.callAfter[collIdx]?.arguments[0];
      const coll = a && ts.isStringLiteralLike(a) ? a.text : 'collection';
      const rw = ormReadWrite(last);
      const source = `MongoDB ${coll} document`;
      if (rw === 'read') return { t: 'source', type: cap(coll), source };
      if (rw) {
        const returns = rw === 'both' ? [{ k: 'type' as const, type: cap(coll), source, steps: [engine.step(call, `${source}: ${api}()`)] }] : undefined;
        return { t: 'sink', info: { kind: 'storage', api, label: 'MongoDB', internal: true, model: coll }, args: FILTER_FIRST.has(last) ? [1, 2] : 'all', ...(returns ? { returns } : {}) };
      }
      return undefined;
    },
  },
};
