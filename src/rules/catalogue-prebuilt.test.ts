import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  buildPrebuilt,
  builtinPacks,
  catalogueIsPrebuilt,
  categoriesFile,
  keyedValuesFile,
  namesFile,
  obligationsFile,
  prebuiltSource,
  recipientsFile,
  sourceHash,
  useCatalogueSource,
  wordLists,
  yamlSource,
  type CatalogueSource,
} from './catalogue.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-prebuilt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => useCatalogueSource(yamlSource));

let built: ReturnType<typeof buildPrebuilt> | undefined;
function writeArtefact(name: string, edit: (a: ReturnType<typeof buildPrebuilt>) => unknown = (a) => a): string {
  const file = path.join(dir, name);
  built ??= structuredClone(buildPrebuilt());
  writeFileSync(file, JSON.stringify(edit(built)));
  return file;
}

/** Everything the catalogue hands out, read through the source in use. */
function snapshot() {
  return {
    categories: categoriesFile(),
    names: namesFile(),
    keyed: keyedValuesFile(),
    obligations: obligationsFile(),
    recipients: recipientsFile(),
    packs: builtinPacks(),
    lists: [...wordLists()],
  };
}

describe('prebuilt rule catalogue', () => {
  test('gives exactly what reading and checking the YAML gives', () => {
    const file = writeArtefact('ok.json');
    useCatalogueSource(yamlSource);
    const fromYaml = structuredClone(snapshot());
    const source = prebuiltSource(file);
    expect(typeof source).toBe('object');
    useCatalogueSource(source as CatalogueSource);
    expect(catalogueIsPrebuilt()).toBe(true);
    expect(snapshot()).toEqual(fromYaml);
  });

  test('is refused when stale, from another version, or not an artefact', () => {
    expect(prebuiltSource(writeArtefact('stale.json', (a) => ({ ...a, hash: '0'.repeat(64) })))).toMatch(/stale/);
    expect(prebuiltSource(writeArtefact('old.json', (a) => ({ ...a, version: '0.0.1' })))).toMatch(/from pdscan 0\.0\.1/);
    expect(prebuiltSource(writeArtefact('foreign.json', () => ({ hello: 'world' })))).toMatch(/unknown format/);
    const garbage = path.join(dir, 'garbage.json');
    writeFileSync(garbage, '{not json');
    expect(prebuiltSource(garbage)).toMatch(/unreadable/);
    expect(prebuiltSource(path.join(dir, 'missing.json'))).toMatch(/no prebuilt rule catalogue/);
  });

  test('its hash follows the content of rules/ and schemas/', () => {
    expect(sourceHash()).toMatch(/^[0-9a-f]{64}$/);
    writeArtefact('hash.json');
    expect(built!.hash).toBe(sourceHash());
  });

  test('data in the artefact is not checked again (it was checked when built)', () => {
    const file = writeArtefact('unchecked.json', (a) => ({ ...a, files: { ...a.files, 'names.yml': { not: 'a names file' } } }));
    useCatalogueSource(prebuiltSource(file) as CatalogueSource);
    expect(namesFile()).toEqual({ not: 'a names file' });
  });
});
