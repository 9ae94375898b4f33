import { describe, expect, test } from 'vitest';
import { vocabularyOf } from '../engine/vocabulary.js';
import { kysely, objection, supabase } from './sql-models.js';

describe('typed query builders', () => {
  test('Objection, Kysely and Supabase models are persistent; Kysely is detected by its import', () => {
    expect([...vocabularyOf([objection, kysely, supabase]).persistent]).toEqual(['objection', 'kysely', 'supabase']);
    expect(kysely.declarations?.mentionedIn?.("import { Kysely } from 'kysely'")).toBe(true);
    expect(kysely.declarations?.mentionedIn?.("import { Pool } from 'pg'")).toBe(false);
  });
});
