/**
 * Organisation-wide inventories: inventories of several repositories and databases, each
 * recording its source, merge into one where the same relative path from two repositories stays
 * two entries; merging stays deterministic, idempotent, commutative and associative.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { buildInventory, mergeInventories, renderInventoryMarkdown, validateInventory, type Inventory } from '../../src/report/inventory/index.js';
import type { ScanResult, ScanSource } from '../../src/model/result.js';
import { codeScan, dbScan } from './fixtures.js';

const VERSION = '0.0.0-test';
const merge = (invs: Inventory[]) => mergeInventories(invs, { toolVersion: VERSION });
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

function stamped(scan: ScanResult, source: ScanSource, name = scan.target.name): Inventory {
  const inv = buildInventory([{ ...scan, target: { ...scan.target, name, source } }], { regime: 'pdpl-2025', toolVersion: VERSION });
  // Inventories travel between CI jobs as JSON files.
  return JSON.parse(JSON.stringify(inv)) as Inventory;
}

const shop = stamped(codeScan(), { kind: 'repository', name: 'github.com/acme/shop-api', repository: 'https://github.com/acme/shop-api', commit: SHA_A }, '.');
// A second repository with the very same relative paths and model names.
const admin = stamped(codeScan(), { kind: 'repository', name: 'github.com/acme/admin-api', repository: 'https://github.com/acme/admin-api', commit: SHA_B }, '.');
const bank = stamped(dbScan(), { kind: 'database', name: 'postgres://db.internal:5432/bank', engine: 'postgres' });

const allPaths = (inv: Inventory) => inv.categories.flatMap((c) => [...c.files.map((f) => f.path), ...c.fields.map((f) => f.path ?? '')]);

describe('merging inventories of three systems', () => {
  const org = merge([shop, admin, bank]);

  test('each target keeps its source; the result is valid', () => {
    expect(validateInventory(org)).toEqual([]);
    expect(org.targets.map((t) => t.source?.name)).toEqual(['postgres://db.internal:5432/bank', 'github.com/acme/admin-api', 'github.com/acme/shop-api']);
    expect(org.targets.find((t) => t.source?.name === 'github.com/acme/shop-api')!.source).toEqual({ kind: 'repository', name: 'github.com/acme/shop-api', repository: 'https://github.com/acme/shop-api', commit: SHA_A });
  });

  test('the same path in two repositories stays two evidence entries, prefixed by their system', () => {
    const paths = allPaths(org);
    expect(paths).toContain('github.com/acme/shop-api:seed/customers.sql');
    expect(paths).toContain('github.com/acme/admin-api:seed/customers.sql');
    expect(paths.filter((p) => !p.startsWith('github.com/acme/'))).toEqual([]);
    // Every file hit of one repository reappears under the other's name: nothing ran together.
    const single = allPaths(shop).length;
    expect(paths.length).toBe(2 * single);
    for (const where of [...org.risks.flatMap((r) => r.where), ...org.storages.flatMap((s) => s.evidence)]) {
      if (where.path) expect(where.path).toMatch(/^(github\.com\/acme\/(shop|admin)-api|postgres:\/\/db\.internal:5432\/bank):/);
    }
  });

  test('storages and sources are per system; recipients are shared', () => {
    const models = org.storages.filter((s) => s.kind === 'model');
    expect(new Set(models.map((s) => s.system))).toEqual(new Set(['github.com/acme/shop-api', 'github.com/acme/admin-api']));
    expect(models.length).toBe(2 * shop.storages.filter((s) => s.kind === 'model').length);
    const columns = org.categories.flatMap((c) => c.columns);
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.every((c) => c.system === 'postgres://db.internal:5432/bank')).toBe(true);
    expect(org.recipients.map((r) => r.id)).toEqual(shop.recipients.map((r) => r.id));
    for (const l of org.links) for (const end of [l.from, l.to]) expect(end).toMatch(/^(recipient:|(source|storage):(github\.com|postgres:))/);
  });

  test('the Mermaid map groups each system\'s sources and storages', () => {
    const md = renderInventoryMarkdown(org, 'en');
    expect(md).toContain('subgraph srcSys0["github.com/acme/admin-api"]');
    expect(md).toContain('subgraph stoSys1["github.com/acme/admin-api"]');
    expect(md).toContain('subgraph stoSys2["github.com/acme/shop-api"]');
    expect(md).toContain('subgraph stoSys3["postgres://db.internal:5432/bank"]');
    expect(md).toContain('`github.com/acme/shop-api`');
  });

  test('idempotent, commutative and associative', () => {
    expect(merge([org, org])).toEqual(org);
    expect(merge([org])).toEqual(org);
    expect(merge([org, shop])).toEqual(org);
    expect(merge([bank, shop, admin])).toEqual(org);
    expect(merge([merge([shop, admin]), bank])).toEqual(org);
    expect(merge([shop, merge([admin, bank])])).toEqual(org);
  });

  test('a single system is not namespaced: merging it with itself or a rescan keeps plain paths', () => {
    expect(merge([shop])).toEqual(shop);
    expect(merge([shop, shop])).toEqual(shop);
    expect(allPaths(merge([shop, shop]))).toContain('seed/customers.sql');
  });
});

describe('merge properties (fast-check)', () => {
  const pool = [shop, admin, bank, merge([shop, admin]), merge([admin, bank])];
  const pick = fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 5 }).map((ix) => ix.map((i) => pool[i]!));

  test('order does not matter and duplicates change nothing', () => {
    fc.assert(
      fc.property(pick, fc.nat(), (invs, seed) => {
        const shuffled = [...invs].sort((a, b) => ((JSON.stringify(a).length * (seed + 1)) % 7) - ((JSON.stringify(b).length * (seed + 1)) % 7));
        const m = merge(invs);
        expect(merge(shuffled)).toEqual(m);
        expect(merge([...invs, ...invs])).toEqual(m);
        expect(merge([m, m])).toEqual(m);
      }),
      { numRuns: 40 },
    );
  });

  test('merging in two steps equals merging at once', () => {
    fc.assert(
      fc.property(pick, pick, (xs, ys) => {
        expect(merge([merge(xs), merge(ys)])).toEqual(merge([...xs, ...ys]));
      }),
      { numRuns: 40 },
    );
  });
});
