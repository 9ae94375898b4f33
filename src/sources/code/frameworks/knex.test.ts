import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { knex } from './knex.js';

describe('knex', () => {
  test('inserts into a named table store the row; selects do not', () => {
    const code = `
import Knex from 'knex';
const db = Knex({ client: 'pg' });
export async function add(email: string) {
  await db('users').insert({ email });
  await db('users').where({ email }).select('id');
}`;
    expect(sinks(flowsWith([knex], code))).toEqual(['db.insert → storage: Knex (users)']);
  });
});
