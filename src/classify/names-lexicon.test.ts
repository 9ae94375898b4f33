/** rules/names.yml is validated when loaded: errors name the file and the field. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLexicon } from './names/lexicon.js';
import { ConfigError } from '../util/errors.js';

describe('names.yml validation', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdscan-names-'));
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const base = `version: 1
owners: { person: [user], person_weak: [member], record: [order], non_person: [product], container: [schema] }
negatives: { leading: { words: [is] }, after_term: [{ words: [template] }] }
protection: { hashing: [hash], encryption: [enc], masking: [masked] }
`;
  test('the shipped file loads', () => {
    expect(() => loadLexicon()).not.toThrow();
  });
  test('unknown category names the field', () => {
    const f = write('bad-cat.yml', `${base}terms:\n  - { category: nope, owner: any, high: [x] }\n`);
    expect(() => loadLexicon(f, 'bad-cat.yml')).toThrow(/bad-cat\.yml: terms\[0\]\.category: unknown category "nope"/);
  });
  test('schema errors name the file and field', () => {
    const f = write('bad-owner.yml', `${base}terms:\n  - { category: phone, owner: sometimes, high: [phone] }\n`);
    expect(() => loadLexicon(f, 'bad-owner.yml')).toThrow(ConfigError);
    expect(() => loadLexicon(f, 'bad-owner.yml')).toThrow(/bad-owner\.yml: terms\[0\]\.owner/);
  });
  test('duplicate terms are refused, even spelled differently', () => {
    const f = write('dup.yml', `${base}terms:\n  - { category: phone, owner: any, high: [so dien thoai] }\n  - { category: phone, owner: any, low: [số_điện_thoại] }\n`);
    expect(() => loadLexicon(f, 'dup.yml')).toThrow(/dup\.yml: terms\[1\]\.low\[0\]: duplicate term/);
  });
  test('a glued spelling clash between categories is refused', () => {
    const f = write('glue.yml', `${base}terms:\n  - { category: phone, owner: any, high: [abc def] }\n  - { category: digital-account, owner: any, high: [abcdef] }\n`);
    expect(() => loadLexicon(f, 'glue.yml')).toThrow(/glued together/);
  });
});

describe('names.yml validation: promotions and alone', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdscan-names2-'));
  const base = `version: 1
owners: { person: [user], person_weak: [member], record: [order], non_person: [product], non_person_weak: [op], container: [schema] }
negatives: { leading: { words: [is] }, after_term: [{ words: [template] }] }
protection: { hashing: [hash], encryption: [enc], masking: [masked] }
`;
  test('a promotion to an unknown category names the field', () => {
    const f = path.join(dir, 'promo.yml');
    writeFileSync(f, `${base}promotions:\n  - { words: [image], of: [national-id], category: nope }\nterms:\n  - { category: national-id, owner: any, high: [cccd] }\n`);
    expect(() => loadLexicon(f, 'promo.yml')).toThrow(/promo\.yml: promotions\[0\]\.category: unknown category "nope"/);
  });
  test('alone must be a boolean', () => {
    const f = path.join(dir, 'alone.yml');
    writeFileSync(f, `${base}terms:\n  - { category: gender, owner: any, alone: sometimes, medium: [phai] }\n`);
    expect(() => loadLexicon(f, 'alone.yml')).toThrow(/alone\.yml: terms\[0\]\.alone/);
  });
});
