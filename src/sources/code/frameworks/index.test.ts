import { describe, expect, test } from 'vitest';
import { mentionedIn } from '../engine/vocabulary.js';
import { FRAMEWORKS, VOCABULARY } from './index.js';

describe('registry', () => {
  test('ids are unique, and every framework says what it is', () => {
    const ids = FRAMEWORKS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FRAMEWORKS) expect(f.description.length).toBeGreaterThan(10);
  });

  test('order: loggers before HTTP before SDKs before stores; redirects after stores; SQL migrations last among extractors', () => {
    const at = (id: string) => FRAMEWORKS.findIndex((f) => f.id === id);
    expect(at('loggers')).toBeLessThan(at('http-clients'));
    expect(at('http-clients')).toBeLessThan(at('sdk-catalogue'));
    expect(at('sdk-catalogue')).toBeLessThan(at('prisma'));
    expect(at('typeorm')).toBeLessThan(at('active-record'));
    expect(at('fs')).toBeLessThan(at('http-servers'));
    const extractors = VOCABULARY.declarations.filter((d) => d.call || d.construct).map((d) => d.id);
    expect(extractors[extractors.length - 1]).toBe('sql');
    expect(VOCABULARY.entityModels.map((m) => m.id)).toEqual(['typeorm', 'sequelize', 'mongoose']);
  });

  test('frameworks a file mentions are found once per file', () => {
    expect([...mentionedIn(VOCABULARY, "import mongoose from 'mongoose'; import { object } from 'yup';")]).toEqual(['mongoose', 'yup']);
  });
});
