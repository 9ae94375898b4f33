import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  builtinPacks,
  categoriesFile,
  codeRulesFile,
  keyedValuesFile,
  namesFile,
  obligationsFile,
  purposesFile,
  recipientsFile,
  useCatalogueSource,
  wordLists,
  yamlSource,
  type CatalogueSource,
} from './catalogue.js';
import { ConfigError } from '../util/errors.js';
import { PACKAGE_ROOT } from '../util/paths.js';

function countingSource(over: Record<string, unknown> = {}): { source: CatalogueSource; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    source: {
      read: (rel) => {
        reads.push(rel);
        return rel in over ? over[rel] : yamlSource.read(rel);
      },
      list: (dir) => yamlSource.list(dir),
    },
  };
}

afterEach(() => useCatalogueSource(yamlSource));

describe('rule catalogue', () => {
  test('every rules file loads and passes its checks', () => {
    expect(categoriesFile().categories.length).toBeGreaterThan(20);
    expect(codeRulesFile().rules.length).toBeGreaterThan(5);
    expect(Object.keys(keyedValuesFile().categories).length).toBeGreaterThan(5);
    expect(namesFile().terms.length).toBeGreaterThan(20);
    expect(obligationsFile().obligations.length).toBeGreaterThan(10);
    expect(purposesFile().purposes.length).toBeGreaterThan(5);
    expect(recipientsFile().recipients.length).toBeGreaterThan(10);
    expect(builtinPacks().map((p) => p.display)).toContain('rules/vn-identifiers.yml');
    expect(wordLists().get('vi-provinces')?.length).toBeGreaterThan(30);
  });

  test('reads each file once, and detection packs never read the data files', () => {
    const { source, reads } = countingSource();
    useCatalogueSource(source);
    builtinPacks();
    builtinPacks();
    purposesFile();
    purposesFile();
    expect(reads.filter((r) => r === 'purposes.yml')).toEqual(['purposes.yml']);
    expect(reads).not.toContain('obligations.yml');
    expect(reads).not.toContain('names.yml');
    expect(new Set(reads).size).toBe(reads.length);
  });

  test('a file that fails its checks is a ConfigError naming it', () => {
    const purposes = yamlSource.read('purposes.yml') as { inference: { context: Array<{ purpose: string }> } };
    const broken = { ...purposes, inference: { ...purposes.inference, context: [{ ...purposes.inference.context[0]!, purpose: 'no.such.purpose' }] } };
    useCatalogueSource(countingSource({ 'purposes.yml': broken }).source);
    expect(() => purposesFile()).toThrow(new ConfigError('rules/purposes.yml: context rule names unknown purpose no.such.purpose'));
    useCatalogueSource(countingSource({ 'lists/vi-provinces.yml': { entries: [1, 2] } }).source);
    expect(() => wordLists()).toThrow(new ConfigError('rules/lists/vi-provinces.yml: entries[0]: must be string'));
  });

  test('is the only code that reads rules/', () => {
    const src = path.join(PACKAGE_ROOT, 'src');
    const readers = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /\bRULES_DIR\b/.test(readFileSync(path.join(src, f), 'utf8')))
      .map((f) => f.split(path.sep).join('/'));
    // util/paths.ts defines the folder; only the catalogue reads it.
    expect(readers.sort()).toEqual(['rules/catalogue.ts', 'util/paths.ts']);
  });
});
