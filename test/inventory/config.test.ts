/** The `inventory:` block of .pdscan.yml: schema, normalization, merging, and the `pdscan init` starter. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_FIELDS, canonical, mergeConfigs, normalizeConfig } from '../../src/report/inventory/config.js';
import { loadConfig } from '../../src/config/load.js';
import { SCHEMAS_DIR } from '../../src/util/paths.js';
import { ConfigError } from '../../src/util/errors.js';
import { STARTER_CONFIG } from '../../src/cli/commands/init.js';
import { buildInventory } from '../../src/report/inventory/index.js';

function withConfig(text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-inv-cfg-'));
  writeFileSync(path.join(dir, '.pdscan.yml'), text);
  try {
    return loadConfig(undefined, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('schema', () => {
  test('config.schema.json validates the inventory block with the definition in inventory.schema.json', () => {
    const config = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, 'config.schema.json'), 'utf8')) as { properties: { inventory: unknown } };
    const inventory = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, 'inventory.schema.json'), 'utf8')) as { definitions: { config: unknown } };
    // The two must not drift apart (config.schema.json carries a copy, see the final report).
    expect(config.properties.inventory).toEqual(inventory.definitions.config);
  });

  test('a valid block loads; unknown fields and wrong types name the field', () => {
    const { config } = withConfig('inventory:\n  controller:\n    name: Công ty A (giả định)\n  processing_start: 2026-02-01\n  children: false\n  legal_basis: consent\n');
    expect(config.inventory).toMatchObject({ controller: { name: 'Công ty A (giả định)' }, processing_start: '2026-02-01', children: false });
    expect(() => withConfig('inventory:\n  controler:\n    name: x\n')).toThrow(new ConfigError('.pdscan.yml: inventory: unknown field "controler"'));
    expect(() => withConfig('inventory:\n  children: maybe\n')).toThrow(/inventory\.children/);
    expect(() => withConfig('inventory:\n  processing_start: soon\n')).toThrow(/inventory\.processing_start/);
  });

  test('the `pdscan init` starter names every field of the inventory block, Form 10 keys included', () => {
    const block = (parse(STARTER_CONFIG) as { inventory: Record<string, unknown> }).inventory;
    const missing = CONFIG_FIELDS.filter((f) => {
      const [head, tail] = f.split('.') as [string, string | undefined];
      if (!(head in block)) return true;
      return tail !== undefined && !(tail in ((block[head] ?? {}) as Record<string, unknown>));
    });
    expect(missing).toEqual([]);
  });

  test('the `pdscan init` starter is valid and leaves every field to fill', () => {
    const { config } = withConfig(STARTER_CONFIG);
    expect(normalizeConfig(config.inventory)).toEqual({});
    const inv = buildInventory([{ target: { kind: 'files', name: '.' }, findings: [], evidence: [], problems: [], stats: {} }], { regime: 'pdpl-2025', toolVersion: 't', config: config.inventory });
    expect(inv.todo.filter((t) => t.item === 'a' || t.item === 'b').every((t) => t.kind === 'to-fill')).toBe(true);
    expect(inv.todo.filter((t) => t.item === 'a').length).toBe(8);
  });
});

describe('normalizeConfig', () => {
  test('blank strings and nulls are absent; one legal basis becomes a list; keys in a fixed order', () => {
    expect(normalizeConfig({ system: '  ', controller: { name: ' A ', email: null }, legal_basis: 'consent', dpo: {} })).toEqual({ controller: { name: 'A' }, legal_basis: ['consent'] });
    expect(normalizeConfig(undefined)).toEqual({});
    expect(Object.keys(normalizeConfig({ role: 'controller', system: 'S' }))).toEqual(['system', 'role']);
  });
});

describe('mergeConfigs', () => {
  test('equal values collapse, different ones become conflicts, the override wins', () => {
    const a = { organisation: normalizeConfig({ system: 'S', controller: { name: 'A' }, retention: [{ data: 'x', period: '1y' }] }) };
    const b = { organisation: normalizeConfig({ system: 'S', controller: { name: 'B', phone: '1' } }) };
    const m = mergeConfigs([a, b]);
    expect(m.organisation).toEqual({ system: 'S', controller: { phone: '1' }, retention: [{ data: 'x', period: '1y' }] });
    expect(m.conflicts).toEqual({ 'controller.name': ['"A"', '"B"'] });
    expect(mergeConfigs([b, a])).toEqual(m);
    expect(mergeConfigs([m, a])).toEqual(m);
    expect(mergeConfigs([a, b], { controller: { name: 'C' } })).toEqual({ organisation: { system: 'S', controller: { name: 'C', phone: '1' }, retention: [{ data: 'x', period: '1y' }] }, conflicts: {} });
  });

  test('canonical JSON does not depend on key order', () => {
    expect(canonical({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(canonical({ a: [{ x: 1, y: 2 }], b: 1 }));
  });
});
