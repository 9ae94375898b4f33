import { describe, expect, test } from 'vitest';
import { flowsWith, returnsOf, sinks } from '../../../../test/helpers/frameworks.js';
import { mongodb } from './mongodb.js';

describe('MongoDB driver', () => {
  test('collection finds are sources; inserts store documents; update filters are not data', () => {
    const code = `
export function find(db: Db) { return db.collection('patients').findOne({}); }
export async function save(db: Db, email: string, id: string) {
  await db.collection('users').insertOne({ email });
  await db.collection('users').updateOne({ id }, { $set: { email } });
  await db.collection('logs').updateOne({ email }, { $set: { seen: true } });
}`;
    const flows = flowsWith([mongodb], code);
    expect(returnsOf(flows, 'find')).toEqual(['type:Patients (MongoDB patients document)']);
    expect(sinks(flows)).toEqual(['db.collection.insertOne → storage: MongoDB (users)', 'db.collection.updateOne → storage: MongoDB (users)']);
  });
});
