import { describe, expect, test } from 'vitest';
import { walkedWith } from '../../../../test/helpers/frameworks.js';
import { vocabularyOf } from '../engine/vocabulary.js';
import { mikroOrm } from './mikro-orm.js';

describe('mikro-orm', () => {
  test('its decorators and defineEntity mark files; its models are persistent; imports are detected', () => {
    expect(walkedWith([mikroOrm], '@Property() email!: string;')).toBe(true);
    expect(walkedWith([mikroOrm], 'export const P = defineEntity({ name: "P" });')).toBe(true);
    expect(vocabularyOf([mikroOrm]).persistent.has('mikro-orm')).toBe(true);
    expect(mikroOrm.declarations?.mentionedIn?.("import { entity } from '@mikro-orm/core'")).toBe(true);
    expect(mikroOrm.declarations?.mentionedIn?.("import { Entity } from 'typeorm'")).toBe(false);
  });
});
