/**
 * The demo app (fixtures/demo-app) through the real file pipeline (scanFiles), then the
 * inventory. The expected Markdown is kept in fixtures/demo-app.inventory.md (Vietnamese) and
 * fixtures/demo-app.inventory.en.md; the README quotes it. It changes when detectors or code
 * analysis change: regenerate with UPDATE_GOLDEN=1 npx vitest run test/inventory and review.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { scanFiles } from '../../src/scan/scan-files.js';
import { loadRules } from '../../src/rules/load.js';
import { ruleCatalog, ruleNames } from '../../src/rules/meta/index.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { TOOL_VERSION } from '../../src/cli/version.js';
import { buildInventory, mergeInventories, renderInventoryMarkdown, serializeInventory, validateInventory, type Inventory } from '../../src/report/inventory/index.js';
import type { ScanResult } from '../../src/model/result.js';
import { expectGolden } from './golden.js';

let result: ScanResult;
let inv: Inventory;

beforeAll(async () => {
  result = await scanFiles({ paths: ['fixtures/demo-app'], cwd: PACKAGE_ROOT, threads: 1, maxFileSize: 5 * 1024 * 1024, ruleOptions: {} });
  inv = buildInventory([result], { regime: 'pdpl-2025', toolVersion: TOOL_VERSION, ruleName: ruleNames(ruleCatalog(loadRules())) });
});

describe('demo app inventory', () => {
  test('golden JSON, Vietnamese and English Markdown', () => {
    expect(validateInventory(inv)).toEqual([]);
    expectGolden('test/inventory/golden/demo-app.json', serializeInventory(inv, 'json', 'vi'));
    expectGolden('fixtures/demo-app.inventory.md', renderInventoryMarkdown(inv, 'vi'));
    expectGolden('fixtures/demo-app.inventory.en.md', renderInventoryMarkdown(inv, 'en'));
  });

  test('no raw personal value found by the scan appears in the inventory', () => {
    const values = [...new Set(result.findings.map((f) => f.value?.trim()).filter((v): v is string => !!v && v.length >= 5))];
    expect(values.length).toBeGreaterThan(10);
    const outputs = [serializeInventory(inv, 'json', 'vi'), renderInventoryMarkdown(inv, 'vi'), renderInventoryMarkdown(inv, 'en')];
    for (const out of outputs) for (const v of values) expect(out, v).not.toContain(v);
  });

  test('sensitive categories of the clinic are listed as sensitive', () => {
    expect(inv.summary.sensitiveCategories).toEqual(expect.arrayContaining(['health', 'ethnicity', 'political-religious']));
  });

  test('merging the demo inventory with itself changes nothing', () => {
    const again = JSON.parse(JSON.stringify(inv)) as Inventory;
    expect(mergeInventories([again, again], { toolVersion: TOOL_VERSION })).toEqual(again);
  });
});
