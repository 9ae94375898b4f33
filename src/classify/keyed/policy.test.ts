import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../util/errors.js';
import { compileKeyedPolicy, keyedPolicy, loadKeyedPolicy, type KeyedValuesFile } from './policy.js';
import { keyedCategoryIds } from '../../rules/meta/families.js';

const base = (): KeyedValuesFile => ({
  version: 1,
  placeholders: { values: ['null'], patterns: ['^x$'] },
  type_names: ['string'],
  heading_words: ['released'],
  flag_prefixes: ['is'],
  labels_file: { path_words: ['i18n'], min_labels: 2, min_share: 0.5 },
  categories: { credentials: { accept: [{ validator: 'credential-value' }] } },
});

function yamlFile(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-kv-'));
  const file = path.join(dir, 'keyed-values.yml');
  writeFileSync(file, text);
  return file;
}

describe('keyed-values policy', () => {
  test('the built-in file loads; keyed categories exclude structured identifiers', () => {
    const p = keyedPolicy();
    for (const c of ['family', 'credentials', 'biometric', 'private-life', 'id-document-image', 'gender']) expect(p.categories.has(c)).toBe(true);
    for (const c of ['national-id', 'tax-id', 'phone', 'financial', 'passport', 'location']) expect(p.categories.has(c)).toBe(false);
    expect(keyedCategoryIds()).toContain('full-name');
  });

  test('errors name the file and the field', () => {
    const bad = (mutate: (f: KeyedValuesFile) => void) => {
      const f = base();
      mutate(f);
      return () => compileKeyedPolicy(f, 'x.yml');
    };
    expect(bad((f) => (f.categories.credentials!.accept[0] = { validator: 'nope' }))).toThrow(/x\.yml: categories\.credentials\.accept\[0\]\.validator: unknown validator "nope"/);
    expect(bad((f) => (f.categories['not-a-category'] = { accept: [{ values: ['a'] }] }))).toThrow(/categories\.not-a-category: unknown category/);
    expect(bad((f) => (f.placeholders.patterns = ['(?<=x)y']))).toThrow(/placeholders\.patterns\[0\]: RE2 cannot compile/);
    expect(bad((f) => (f.categories.credentials!.accept[0] = { list: 'no-such-list' }))).toThrow(ConfigError);
    expect(bad((f) => (f.categories.credentials!.accept[0] = { values: ['a'], also: ['nope'] }))).toThrow(/accept\[0\]\.also\[0\]: unknown category "nope"/);
  });

  test('lazily compiled patterns (the prebuilt catalogue) match the same and fail at first use with the same error', () => {
    const f = base();
    f.placeholders.patterns = ['^x$', '(?<=x)y'];
    const p = compileKeyedPolicy(f, 'x.yml', true);
    expect(p.placeholderPatterns[0]!.test('x')).toBe(true);
    expect(p.placeholderPatterns[0]!.test('y')).toBe(false);
    expect(() => p.placeholderPatterns[1]!.test('xy')).toThrow(/x\.yml: placeholders\.patterns\[1\]: RE2 cannot compile/);
  });

  test('schema errors in the YAML file name the field', () => {
    const file = yamlFile('version: 1\nplaceholders: {values: [], patterns: [x]}\ntype_names: []\nheading_words: []\nflag_prefixes: []\nlabels_file: {path_words: [], min_labels: 1, min_share: 0.5}\ncategories:\n  gender:\n    accept: [{validator: x, values: [a]}]\n');
    expect(() => loadKeyedPolicy(file, 'my.yml')).toThrow(/my\.yml: categories\.gender\.accept\[0\]/);
    const file2 = yamlFile('version: 1\nplaceholders: {values: [], patterns: [x]}\ntype_names: []\nheading_words: []\nflag_prefixes: []\nlabels_file: {path_words: [], min_labels: 1, min_share: 0.5}\ncategories:\n  gender:\n    accept: [{values: [a]}]\n    colour: red\n');
    expect(() => loadKeyedPolicy(file2, 'my.yml')).toThrow(/unknown field "colour"/);
  });
});
