/**
 * The category ids are a fixed output contract read by external tests. Sub-kinds (blood-type
 * under health, eid-bank-credentials under credentials) are reported as their parent, with
 * `subcategory`; their own sensitivity decides `sensitive` / `precaution` under each regime
 * (Decree 13 Art. 2.4.b excludes blood type from sensitive health data; Decree 356 Art. 4.1.d
 * does not; Art. 4.1.i/k make e-identity and bank / e-wallet logins sensitive). Runs the built
 * CLI (dist/) on the demo app and on a synthetic file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/util/paths.js';

const FIXED_IDS = new Set([
  'full-name', 'date-of-birth', 'gender', 'address', 'nationality', 'personal-image', 'phone', 'national-id', 'id-document-image',
  'passport', 'driver-license', 'license-plate', 'tax-id', 'social-insurance', 'health-insurance', 'marital-status', 'family',
  'digital-account', 'online-activity', 'credentials', 'political-religious', 'health', 'ethnicity', 'genetic', 'biometric',
  'sex-life', 'criminal-record', 'financial', 'location', 'private-life',
]);

const BIN = path.join(PACKAGE_ROOT, 'bin/pdscan.js');
const DEMO = path.join(PACKAGE_ROOT, 'fixtures/demo-app');
const REGIMES = ['pdpl-2025', 'decree-13'] as const;
type Regime = (typeof REGIMES)[number];

interface Props { category: string; categories: string[]; subcategory?: string; sensitive: boolean; precaution?: boolean }
interface Outputs {
  sarif: { runs: Array<{ results: Array<{ ruleId: string; properties: Props }> }> };
  json: { findings: Array<Props & { ruleId: string; properties?: { subcategory?: string } }>; summary: { byCategory: Record<string, number>; sensitiveCategories: string[] } };
  inventory: {
    categories: Array<{ id: string; sensitive: boolean; precaution?: true; kinds?: string[] }>;
    summary: { sensitiveCategories: string[]; precautionCategories: string[] };
    recipients: Array<{ categories: string[]; sensitiveCategories: string[] }>;
    purposes: Array<{ categories: string[] }>;
    sources: Array<{ categories: string[] }>;
    storages: Array<{ categories: string[] }>;
  };
  markdown: string;
}

let dir: string;
const out = {} as Record<Regime, Outputs>;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-contract-'));
  const synth = path.join(dir, 'synthetic');
  spawnSync('mkdir', ['-p', synth]);
  // A patient's blood type and the login of a bank app, in a note and in code; a shop password.
  writeFileSync(path.join(synth, 'patient.txt'), 'Họ tên: Nguyễn Văn An\nNhóm máu: O+\nMật khẩu ngân hàng: Abc@12345\n');
  writeFileSync(path.join(synth, 'user.ts'), "export const user = { nhomMau: 'A+', matKhauInternetBanking: 'S3cret!pass', password: 'shop-pass-1' };\n");
  for (const regime of REGIMES) {
    const base = path.join(dir, regime);
    const r = spawnSync(
      process.execPath,
      [BIN, 'scan', DEMO, synth, '--law', regime, '--sarif', `${base}.sarif`, '--json', `${base}.json`, '--inventory', `${base}.inv.json`, `${base}.inv.md`, '--lang', 'en', '--no-summary', '--format', 'text'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.status, r.stderr).toBe(0);
    out[regime] = {
      sarif: JSON.parse(readFileSync(`${base}.sarif`, 'utf8')) as Outputs['sarif'],
      json: JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Outputs['json'],
      inventory: JSON.parse(readFileSync(`${base}.inv.json`, 'utf8')) as Outputs['inventory'],
      markdown: readFileSync(`${base}.inv.md`, 'utf8'),
    };
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(REGIMES)('category contract under %s', (regime) => {
  test('every category in SARIF, JSON and the inventory is a fixed id', () => {
    const { sarif, json, inventory } = out[regime];
    const seen: string[] = [];
    for (const r of sarif.runs.flatMap((run) => run.results)) seen.push(r.properties.category, ...r.properties.categories);
    for (const f of json.findings) seen.push(f.category, ...f.categories);
    seen.push(...Object.keys(json.summary.byCategory), ...json.summary.sensitiveCategories);
    seen.push(...inventory.categories.map((c) => c.id), ...inventory.summary.sensitiveCategories, ...inventory.summary.precautionCategories);
    for (const list of [inventory.recipients, inventory.purposes, inventory.sources, inventory.storages]) for (const x of list) seen.push(...x.categories);
    for (const r of inventory.recipients) seen.push(...r.sensitiveCategories);
    expect(seen.length).toBeGreaterThan(0);
    expect([...new Set(seen)].filter((c) => !FIXED_IDS.has(c))).toEqual([]);
  });

  test('sub-kinds are reported under their parent, with their own flags', () => {
    const results = out[regime].sarif.runs.flatMap((run) => run.results);
    const blood = results.filter((r) => r.properties.subcategory === 'blood-type');
    const bank = results.filter((r) => r.properties.subcategory === 'eid-bank-credentials');
    expect(blood.length).toBeGreaterThan(0);
    expect(bank.length).toBeGreaterThan(0);
    // Blood type: sensitive under Decree 356 Art. 4.1.d; basic under Decree 13 (Art. 2.4.b excludes it).
    for (const r of blood) {
      expect(r.properties.category).toBe('health');
      expect(r.properties.sensitive).toBe(regime === 'pdpl-2025');
      expect(r.properties.precaution).toBeUndefined();
    }
    // Bank / e-identity logins: sensitive under Decree 356 Art. 4.1.i/k; basic under Decree 13.
    for (const r of bank) {
      expect(r.properties.category).toBe('credentials');
      expect(r.properties.sensitive).toBe(regime === 'pdpl-2025');
      expect(r.properties.precaution).toBeUndefined();
    }
    // Other passwords: never sensitive by law; a precaution under pdpl-2025 only.
    const plain = results.filter((r) => r.properties.category === 'credentials' && !r.properties.subcategory);
    expect(plain.length).toBeGreaterThan(0);
    for (const r of plain) {
      expect(r.properties.sensitive).toBe(false);
      expect(r.properties.precaution === true).toBe(regime === 'pdpl-2025');
    }
    // JSON says the same as SARIF.
    for (const f of out[regime].json.findings.filter((x) => x.properties?.subcategory)) {
      expect(f.sensitive).toBe(regime === 'pdpl-2025');
      expect(['health', 'credentials']).toContain(f.category);
    }
  });

  test('the inventory ticks a category sensitive only when one of its findings is', () => {
    const { inventory, json } = out[regime];
    const health = inventory.categories.find((c) => c.id === 'health')!;
    const creds = inventory.categories.find((c) => c.id === 'credentials')!;
    expect(health.kinds).toContain('blood-type');
    expect(creds.kinds).toEqual(expect.arrayContaining(['credentials', 'eid-bank-credentials']));
    // The demo app holds diagnoses (health, sensitive under both regimes).
    expect(health.sensitive).toBe(true);
    // Credentials: sensitive by law under pdpl-2025 through the bank login; basic under Decree 13.
    expect(creds.sensitive).toBe(regime === 'pdpl-2025');
    expect(creds.precaution).toBeUndefined();
    for (const c of inventory.categories) {
      expect(inventory.summary.sensitiveCategories.includes(c.id)).toBe(c.sensitive);
      expect(inventory.summary.precautionCategories.includes(c.id)).toBe(c.precaution === true);
    }
    // JSON's summary agrees with the inventory on the categories both report.
    for (const id of Object.keys(json.summary.byCategory)) {
      const inv = inventory.categories.find((c) => c.id === id);
      if (inv) expect(json.summary.sensitiveCategories.includes(id), id).toBe(inv.sensitive);
    }
  });
});

test('the synthetic file alone: blood type and bank login are not sensitive under Decree 13', () => {
  const synth = path.join(dir, 'synthetic');
  for (const regime of REGIMES) {
    const file = path.join(dir, `synth-${regime}.inv.json`);
    const r = spawnSync(process.execPath, [BIN, 'scan', synth, '--law', regime, '--inventory', file, '--no-summary', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    const inv = JSON.parse(readFileSync(file, 'utf8')) as Outputs['inventory'];
    const byId = new Map(inv.categories.map((c) => [c.id, c]));
    expect([...byId.keys()].filter((c) => !FIXED_IDS.has(c))).toEqual([]);
    expect(byId.get('health')?.kinds).toEqual(['blood-type']);
    expect(byId.get('health')?.sensitive).toBe(regime === 'pdpl-2025');
    expect(byId.get('credentials')?.sensitive).toBe(regime === 'pdpl-2025');
    expect(byId.get('credentials')?.precaution).toBeUndefined();
    const json = JSON.parse(r.stdout) as Outputs['json'];
    expect(json.summary.sensitiveCategories).toEqual(regime === 'pdpl-2025' ? ['credentials', 'health'] : []);
  }
}, 60_000);
