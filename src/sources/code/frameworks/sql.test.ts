import { describe, expect, test } from 'vitest';
import { declaredWith } from '../../../../test/helpers/frameworks.js';
import { sql } from './sql.js';
import { knex } from './knex.js';

describe('sql migrations', () => {
  test('Knex createTable and TypeORM new Table declare table columns', () => {
    const code = `
export async function up(k) {
  await k.schema.createTable('patients', (t) => { t.string('email'); t.string('phone'); });
}
new Table({ name: 'users', columns: [{ name: 'email', type: 'varchar' }] });`;
    expect(declaredWith([sql], code)).toEqual(['patients.email knex', 'patients.phone knex', 'users.email typeorm']);
  });

  test('knex migrations are walked for the knex markers; both are persistent stores', () => {
    expect(declaredWith([knex], `k.schema.createTable('t', (t) => t.string('email'));`)).toEqual([]);
    expect(sql.declarations?.persistent && knex.declarations?.persistent).toBe(true);
  });
});
