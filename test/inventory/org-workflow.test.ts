/**
 * The organisation-wide workflow of docs/org-inventory.workflow.yml: its `Merge` step, run as
 * written, on artefacts laid out the way actions/download-artifact lays them out.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { buildInventory, mergeInventories, serializeInventory, type Inventory } from '../../src/report/inventory/index.js';
import type { ScanResult, ScanSource } from '../../src/model/result.js';
import { TOOL_VERSION } from '../../src/cli/version.js';
import { codeScan, dbScan } from './fixtures.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { workflow_call: { inputs: Record<string, { default?: string }> } };
  jobs: Record<string, { needs?: string[]; steps: Step[]; strategy?: { matrix: Record<string, string> } }>;
}

const workflow = parse(readFileSync(path.join(PACKAGE_ROOT, 'docs/org-inventory.workflow.yml'), 'utf8')) as Workflow;
const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-org-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function artefact(name: string, scan: ScanResult, source: ScanSource): Inventory {
  const inv = buildInventory([{ ...scan, target: { ...scan.target, name: scan.target.kind === 'files' ? '.' : scan.target.name, source } }], { regime: 'pdpl-2025', toolVersion: TOOL_VERSION });
  mkdirSync(path.join(dir, 'inventories', name), { recursive: true });
  writeFileSync(path.join(dir, 'inventories', name, 'inventory.json'), serializeInventory(inv, 'json', 'vi'));
  return JSON.parse(serializeInventory(inv, 'json', 'vi')) as Inventory;
}

describe('docs/org-inventory.workflow.yml', () => {
  test('matrix jobs over repositories and databases upload inventory-* artefacts that the merge job downloads', () => {
    expect(workflow.jobs.repository!.strategy!.matrix.repo).toBe('${{ fromJSON(inputs.repositories) }}');
    expect(workflow.jobs.database!.strategy!.matrix.db).toBe('${{ fromJSON(inputs.databases) }}');
    for (const job of ['repository', 'database']) {
      const upload = workflow.jobs[job]!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(String(upload!.with!.name)).toMatch(/^(inventory-|\$\{\{ steps\.artifact)/);
      expect(workflow.jobs[job]!.steps.some((s) => s.run?.includes('--inventory inventory.json') || s.run?.includes('--inventory ../inventory.json'))).toBe(true);
    }
    expect(workflow.jobs.merge!.needs).toEqual(['repository', 'database']);
    const download = workflow.jobs.merge!.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toEqual({ pattern: 'inventory-*', path: 'inventories' });
  });

  test('the Merge step, run as written, merges three systems and keeps them apart', () => {
    const shop = artefact('inventory-repo-acme--shop-api', codeScan(), { kind: 'repository', name: 'github.com/acme/shop-api', repository: 'https://github.com/acme/shop-api', commit: '1'.repeat(40) });
    const admin = artefact('inventory-repo-acme--admin-api', codeScan(), { kind: 'repository', name: 'github.com/acme/admin-api', repository: 'https://github.com/acme/admin-api', commit: '2'.repeat(40) });
    const db = artefact('inventory-db-0', dbScan(), { kind: 'database', name: 'shop-staging-db', engine: 'postgres' });
    // The step calls the pdscan checked out at .pdscan: here, this repository (dist/ from `npm run build`).
    symlinkSync(PACKAGE_ROOT, path.join(dir, '.pdscan'));
    const step = workflow.jobs.merge!.steps.find((s) => s.name === 'Merge')!;
    const env = { ...process.env, INVENTORY_LANG: workflow.on.workflow_call.inputs.lang!.default ?? 'vi' };
    const r = spawnSync('bash', ['-c', step.run!], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);

    const merged = JSON.parse(readFileSync(path.join(dir, 'org-inventory/inventory.json'), 'utf8')) as Inventory;
    expect(merged).toEqual(mergeInventories([shop, admin, db], { toolVersion: TOOL_VERSION }));
    expect(merged.targets.map((t) => t.source!.name).sort()).toEqual(['github.com/acme/admin-api', 'github.com/acme/shop-api', 'shop-staging-db']);
    const files = merged.categories.flatMap((c) => c.files.map((f) => f.path));
    expect(files).toContain('github.com/acme/shop-api:seed/customers.sql');
    expect(files).toContain('github.com/acme/admin-api:seed/customers.sql');
    const md = readFileSync(path.join(dir, 'org-inventory/inventory.md'), 'utf8');
    expect(md).toContain('```mermaid');
    expect(md).toContain('["shop-staging-db"]');
    expect(md).toContain('`github.com/acme/admin-api`');
  });
});
