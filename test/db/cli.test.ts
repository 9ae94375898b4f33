/**
 * `pdscan db` end to end through the built CLI (dist/, from `npm run build`): exit codes, one-line
 * errors without credentials, masked JSON, and SARIF that Microsoft's SARIF Multitool accepts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Log as SarifLog } from 'sarif';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { multitoolErrors } from '../helpers/sarif-multitool.js';
import { pgServer } from './servers.js';

const BIN = path.join(PACKAGE_ROOT, 'bin/pdscan.js');
const SCHEMA = `pdscan_cli_${process.pid}_${Date.now() % 100000}`;
const URL = pgServer.url();
let dir: string;
let admin: pg.Client;

function pdscan(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-db-cli-'));
  admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${SCHEMA}"`);
  await admin.query(`CREATE TABLE "${SCHEMA}".khach_hang (id int PRIMARY KEY, ho_ten text, so_dien_thoai text, so_cccd text, "Ghi Chú #1" text)`);
  await admin.query(
    `INSERT INTO "${SCHEMA}".khach_hang SELECT g, 'Nguyễn Văn An', '09' || lpad((g * 7919 % 100000000)::text, 8, '0'), '0010' || (80 + g % 10)::text || lpad((g * 31 % 1000000)::text, 6, '0'), 'không có' FROM generate_series(1, 300) g`,
  );
  await admin.query(`CREATE TABLE "${SCHEMA}".nhan_vien (ma_nv int PRIMARY KEY, email text)`);
  await admin.query(`INSERT INTO "${SCHEMA}".nhan_vien SELECT g, 'nhanvien' || g || '@outlook.com' FROM generate_series(1, 100) g`);
}, 60_000);

afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

describe('pdscan db', () => {
  test('JSON: one finding per personal column, masked values, exit 0 (tables judged in worker threads)', () => {
    const r = pdscan(['db', URL, '--only', `${SCHEMA}.*`, '--format', 'json', '--sample-size', '1000', '--threads', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>>; targets: Array<{ name: string }>; stats: Record<string, number> };
    expect(out.targets[0]!.name).toBe(`postgres://${pgServer.hostPort()}/test`);
    const phone = out.findings.find((f) => (f.properties as { column: string }).column === 'so_dien_thoai')!;
    expect(phone).toMatchObject({ ruleId: 'db-column-phone', kind: 'column', category: 'phone', confidence: 'high', location: { path: `db/postgres/test/${SCHEMA}/khach_hang`, line: 3, column: 1 } });
    expect(phone.value).toMatch(/^09\*{6}\d\d$/);
    expect(phone.message).toMatch(/holds phone numbers \(100% of 300 sampled values; 50 checked\): 09\*{6}\d\d$/);
    expect(out.stats).toMatchObject({ tablesScanned: 2 });
    expect(out.findings.find((f) => (f.properties as { table: string }).table === 'nhan_vien')).toMatchObject({ category: 'digital-account' });
  });

  test('--inventory from a live database: storages per table with their categories, valid, no raw values', () => {
    const r = pdscan(['db', URL, '--only', `${SCHEMA}.*`, '--format', 'json', '--sample-size', '1000', '--inventory', 'db-inv.json', '--inventory', 'db-inv.md']);
    expect(r.code).toBe(0);
    const inv = JSON.parse(readFileSync(path.join(dir, 'db-inv.json'), 'utf8')) as {
      storages: Array<{ kind: string; name: string; engine?: string; categories: string[] }>;
      categories: Array<{ id: string; columns: Array<{ table?: string; column?: string }> }>;
    };
    const khachHang = inv.storages.find((st) => st.name === `test.${SCHEMA}.khach_hang`);
    expect(khachHang).toMatchObject({ kind: 'table', engine: 'postgres' });
    expect(khachHang!.categories).toEqual(expect.arrayContaining(['phone', 'national-id', 'full-name']));
    expect(inv.storages.find((st) => st.name === `test.${SCHEMA}.nhan_vien`)?.categories).toEqual(['digital-account']);
    expect(inv.categories.find((c) => c.id === 'phone')?.columns).toEqual([expect.objectContaining({ table: 'khach_hang', column: 'so_dien_thoai' })]);
    const md = readFileSync(path.join(dir, 'db-inv.md'), 'utf8');
    expect(md).toContain('khach_hang');
    // Sampled values never reach the DPO's dossier: not the numbers, not the names.
    expect(md).not.toMatch(/09\d{8}|Nguyễn Văn An|@outlook\.com/);
    expect(readFileSync(path.join(dir, 'db-inv.json'), 'utf8')).not.toMatch(/09\d{8}|Nguyễn Văn An|@outlook\.com/);
  });

  test('--show-data shows raw examples; --fail-on exits 1', () => {
    const r = pdscan(['db', URL, '--only', `${SCHEMA}.khach_hang`, '--format', 'json', '--show-data', '--fail-on', 'medium']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Array<{ value?: string; category: string }> };
    expect(out.findings.find((f) => f.category === 'phone')!.value).toMatch(/^09\d{8}$/);
  });

  test('SARIF passes the SARIF Multitool (GitHub rules) with no errors', () => {
    const file = path.join(dir, 'db.sarif');
    const r = pdscan(['db', URL, '--only', `${SCHEMA}.*`, '--format', 'sarif', '--output', file, '--explain']);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(readFileSync(file, 'utf8')) as SarifLog;
    const res = sarif.runs[0]!.results!;
    expect(res.length).toBeGreaterThanOrEqual(3);
    const loc = res[0]!.locations![0]!;
    expect(loc.physicalLocation!.artifactLocation).toEqual({ uri: `db/postgres/test/${SCHEMA}/khach_hang`, uriBaseId: '%SRCROOT%' });
    expect(loc.logicalLocations!.map((l) => l.kind)).toEqual(['database', 'schema', 'table', 'column']);
    expect(res[0]!.partialFingerprints!['pdscan/v1']).toMatch(/^[0-9a-f]{32}$/);
    const rule = sarif.runs[0]!.tool.driver.rules!.find((x) => x.id === 'db-column-phone')!;
    expect(rule.shortDescription!.text).toBe('Database column holding phone numbers');
    expect(rule.help!.text).toMatch(/Decree 13\/2023/);
    // The run names the database it scanned (no credentials), so several runs do not replace each other.
    expect(sarif.runs[0]!.automationDetails).toEqual({ id: `pdscan/postgres/${pgServer.hostPort()}/test/database/` });
    expect(multitoolErrors(file)).toEqual([]);
  });

  test('the db: block of .pdscan.yml sets defaults; command-line options win', () => {
    const cfgDir = mkdtempSync(path.join(tmpdir(), 'pdscan-db-cfg-'));
    const cfg = path.join(cfgDir, 'pdscan.yml');
    writeFileSync(cfg, `db:\n  only: ["${SCHEMA}.nhan_vien"]\n  sample_size: 40\n  timeout: 5\n  concurrency: 1\n`);
    const a = JSON.parse(pdscan(['db', URL, '--config', cfg, '--format', 'json']).stdout) as { stats: Record<string, number> };
    expect(a.stats).toMatchObject({ tablesScanned: 1, rowsSampled: 40 });
    const b = JSON.parse(pdscan(['db', URL, '--config', cfg, '--format', 'json', '--sample-size', '60', '--only', `${SCHEMA}.khach_hang`]).stdout) as { stats: Record<string, number> };
    expect(b.stats).toMatchObject({ tablesScanned: 1, rowsSampled: 60 });
    rmSync(cfgDir, { recursive: true, force: true });
  });

  test('text output: one line per column, grouped by table; --explain shows the reasoning', () => {
    const r = pdscan(['db', URL, '--only', `${SCHEMA}.khach_hang`, '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`db/postgres/test/${SCHEMA}/khach_hang`);
    expect(r.stdout).toMatch(/3:1 +\w+ +phone +Column "khach_hang"."so_dien_thoai" holds phone numbers/);
    expect(r.stdout).toMatch(/· values: 50 of 50 values checked \(of 300 non-null sampled\) matched phone \(100%\)/);
    expect(r.stdout).toMatch(/· column name agrees/);
    expect(r.stdout).not.toMatch(/09\d{8}/);
  });

  test('an unreachable database exits 3 with one line and no credentials', () => {
    const r = pdscan(['db', 'postgres://alice:Sup3rS3cret@127.0.0.1:1/test', '--timeout', '3']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('pdscan: cannot connect to postgres://127.0.0.1:1/test: connect ECONNREFUSED 127.0.0.1:1\n');
  });

  test('a password from PDSCAN_DB_PASSWORD never shows, even in errors', () => {
    const r = pdscan(['db', 'mysql://root@127.0.0.1:1/x', '--timeout', '2'], { PDSCAN_DB_PASSWORD: 'env-Secret-42' });
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('env-Secret-42');
  });

  test('a bad URL scheme or option is a usage error (exit 2)', () => {
    const a = pdscan(['db', 'oracle://h/db']);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe('pdscan: unsupported database URL scheme "oracle://" (use postgres://, postgresql://, mysql://, mariadb://, mongodb:// or mongodb+srv://)\n');
    expect(pdscan(['db', URL, '--sample-size', '0']).code).toBe(2);
    expect(pdscan(['db', URL, '--timeout', 'soon']).code).toBe(2);
    expect(pdscan(['db']).code).toBe(2);
  });

  test('--only that matches no table says so instead of reporting a clean database', () => {
    const r = pdscan(['db', URL, '--only', 'nosuch_pdscan*', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: no table matches --only nosuch_pdscan\*/);
    expect(r.stdout).toMatch(/no table matches --only nosuch_pdscan\*/);
  });
});
