import { describe, expect, test } from 'vitest';
import { declaredWith, walkedWith } from '../../../../test/helpers/frameworks.js';
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
});
