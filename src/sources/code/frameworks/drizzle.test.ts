import { describe, expect, test } from 'vitest';
import { declaredWith, flowsWith, sinks, walkedWith } from '../../../../test/helpers/frameworks.js';
import { drizzle } from './drizzle.js';

describe('drizzle', () => {
  test('pgTable columns are persistent fields of the table variable', () => {
    const code = `
import { pgTable, text, varchar } from 'drizzle-orm/pg-core';
export const users = pgTable('users', { email: text('email'), phone: varchar('phone_number', { length: 20 }) });`;
    expect(walkedWith([drizzle], code)).toBe(true);
    expect(declaredWith([drizzle], code)).toEqual(['users.email drizzle', 'users.phone drizzle']);
    expect(declaredWith([], code)).toEqual([]);
  });

  test('`x.table(...)` is a Drizzle table only in a file that imports drizzle-orm', () => {
    const code = `export const users = schema.table('users', { email: text('email') });`;
    expect(declaredWith([drizzle], code)).toEqual([]);
    expect(declaredWith([drizzle], `import { pgSchema } from 'drizzle-orm/pg-core';\n${code}`)).toEqual(['users.email drizzle']);
  });

  test('insert(t).values(row), update(t).set(row) and onConflictDoUpdate({ set }) write rows of the table; the builder steps alone write nothing', () => {
    const code = `
import { db } from '@acme/db';
import { users } from '@acme/db/schema';
export async function save(email: string, name: string) {
  await db.insert(users).values({ email }).onConflictDoUpdate({ target: users.id, set: { email } });
  await db.update(users).set({ name }).where(eq(users.email, email));
  await db.select().from(users).where(eq(users.email, email));
  await cache.update(key).set({ email });
}`;
    expect(sinks(flowsWith([drizzle], code))).toEqual([
      'db.insert.values → storage: SQL query builder (Users)',
      'db.insert.values.onConflictDoUpdate → storage: SQL query builder (Users)',
      'db.update.set → storage: SQL query builder (Users)',
    ]);
  });
});
