import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRules } from '../load.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { allRules, ruleCatalog, ruleNames } from './index.js';

describe('rule metadata', () => {
  const detectors = loadRules();
  const metas = allRules(detectors);

  test('one list holds every family: packs, code rules, declared fields, columns, keyed values, pdscan’s own', () => {
    const ids = new Set(metas.map((m) => m.id));
    for (const id of [detectors[0]!.id, 'pd-cross-border', 'pd-declared-phone', 'db-column-phone', 'kv-full-name', 'pdscan-suppression-without-reason']) {
      expect(ids.has(id), id).toBe(true);
    }
    for (const m of metas) for (const field of [m.name, m.shortDescription, m.fullDescription, m.help]) expect(field.trim(), m.id).not.toBe('');
  });

  test('the catalogue answers by id, with the database’s view of the shared credential rule and generic help for unknown ids', () => {
    const catalog = ruleCatalog(detectors);
    expect(catalog.get('pd-plaintext-credential', 'credentials').categories).toEqual(['credentials']);
    expect(catalog.get('pd-cross-border', 'health').refs?.length).toBeGreaterThan(0);
    expect(catalog.get('no-such-rule', 'phone')).toMatchObject({ id: 'no-such-rule', categories: ['phone'] });
    const names = ruleNames(catalog);
    expect(names('pd-log', 'phone')).toEqual({ vi: expect.stringMatching(/\S/), en: catalog.get('pd-log', 'phone').shortDescription });
    expect(names('pd-log', 'phone').vi).not.toBe(names('pd-log', 'phone').en);
  });

  test('detectors and sources take rule metadata from the catalogue, not from reporters', () => {
    const offenders: string[] = [];
    for (const dir of ['src/classify', 'src/sources']) {
      for (const file of readdirSync(path.join(PACKAGE_ROOT, dir), { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.ts')) continue;
        const text = readFileSync(path.join(PACKAGE_ROOT, dir, file), 'utf8');
        if (/from '(\.\.\/)+report\/rule-meta/.test(text)) offenders.push(path.join(dir, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
