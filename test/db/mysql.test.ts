/**
 * Integration tests against a real MariaDB (chosen or started by test/setup/databases.ts: root, no password).
 * Each run creates its own database and user (pdscan_it_*) and drops them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import mysql from 'mysql2/promise';
import { scanDatabase } from '../../src/sources/db/scan-db.js';
import { MysqlConnector } from '../../src/sources/db/mysql.js';
import { parseDbUrl } from '../../src/sources/db/url.js';
import { loadRules } from '../../src/rules/load.js';
import { ScanError } from '../../src/util/errors.js';
import type { RuleDef } from '../../src/rules/types.js';
import { dataset, EXPECTED, NOT_PERSONAL, ODD_TABLE, type TableData } from './fixtures/schema.js';
import { byKey, checkExpected, risksOf, TEST_RULES } from './helpers.js';
import { escapeRe, mysqlServer } from './servers.js';

const SUFFIX = `${process.pid}_${Date.now() % 100000}`;
const DB = `pdscan_it_${SUFFIX}`;
const USER = `pdscan_u_${SUFFIX}`.slice(0, 32);
const PASSWORD = 'Kh0ng-Du0c-Lo!';
const BASE = mysqlServer.url(DB);
const q = (id: string) => `\`${id.replace(/`/g, '``')}\``;

let admin: mysql.Connection;
let rules: RuleDef[];

async function load(t: TableData): Promise<void> {
  const cols = t.columns.map((c) => `${q(c.name)} ${c.my}`).join(', ');
  const pk = t.primaryKey ? `, PRIMARY KEY (${q(t.primaryKey)})` : '';
  await admin.query(`CREATE TABLE ${q(DB)}.${q(t.name)} (${cols}${pk}) CHARACTER SET utf8mb4`);
  for (let i = 0; i < t.rows.length; i += 500) {
    const chunk = t.rows.slice(i, i + 500);
    await admin.query(`INSERT INTO ${q(DB)}.${q(t.name)} VALUES ?`, [chunk]);
  }
}

beforeAll(async () => {
  rules = loadRules();
  admin = await mysql.createConnection({ ...mysqlServer.connection(), charset: 'utf8mb4' });
  await admin.query(`CREATE DATABASE ${q(DB)} CHARACTER SET utf8mb4`);
  for (const t of dataset()) await load(t);
  await admin.query(`CREATE VIEW ${q(DB)}.v_khach_hang AS SELECT ho_ten, so_dien_thoai FROM ${q(DB)}.khach_hang`);
  // A view whose table is gone: selecting from it fails.
  await admin.query(`CREATE TABLE ${q(DB)}.tam (x INT)`);
  await admin.query(`CREATE VIEW ${q(DB)}.v_hong AS SELECT x FROM ${q(DB)}.tam`);
  await admin.query(`DROP TABLE ${q(DB)}.tam`);
  // A view that takes too long.
  await admin.query(`CREATE VIEW ${q(DB)}.v_cham AS SELECT SLEEP(5) AS s, '0912345678' AS so_dien_thoai`);
  // 40,000 rows with an integer key: sampled by random key ranges.
  await admin.query(`CREATE TABLE ${q(DB)}.giao_dich (id INT PRIMARY KEY, sdt_nguoi_nhan CHAR(10), so_tien INT)`);
  await admin.query('SET SESSION max_recursive_iterations = 100000');
  await admin.query(
    `INSERT INTO ${q(DB)}.giao_dich WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 40000)
     SELECT n, CONCAT('09', LPAD(MOD(n * 7919, 100000000), 8, '0')), MOD(n, 1000) * 1000 FROM s`,
  );
  await admin.query(`ANALYZE TABLE ${q(DB)}.giao_dich`);
  await admin.query(`CREATE USER '${USER}'@'127.0.0.1' IDENTIFIED BY '${PASSWORD}'`);
  await admin.query(`CREATE USER '${USER}'@'localhost' IDENTIFIED BY '${PASSWORD}'`);
  await admin.query(`GRANT SELECT ON ${q(DB)}.nhan_vien TO '${USER}'@'127.0.0.1'`);
  await admin.query(`GRANT SELECT ON ${q(DB)}.nhan_vien TO '${USER}'@'localhost'`);
}, 180_000);

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${q(DB)}`);
  await admin.query(`DROP USER IF EXISTS '${USER}'@'127.0.0.1'`);
  await admin.query(`DROP USER IF EXISTS '${USER}'@'localhost'`);
  await admin.end();
});

describe('classification of a realistic schema', () => {
  let result: Awaited<ReturnType<typeof scanDatabase>>;
  beforeAll(async () => {
    result = await scanDatabase({ url: BASE, rules, regime: 'pdpl-2025', except: ['giao_dich'] });
  }, 120_000);

  test('every personal column is found with the right category; non-personal ones are low at most', () => {
    expect(checkExpected(result, EXPECTED, NOT_PERSONAL)).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.stats).toMatchObject({ tablesScanned: 8, tablesSkipped: 0 });
  });

  test('locations: db/mysql/<database>/<table>, the column position as the line, exact names', () => {
    const f = byKey(result).get(`${ODD_TABLE}.Email Address`)!;
    expect(f.location).toEqual({ path: `db/mysql/${DB}/${ODD_TABLE}`, line: 3, column: 1 });
    expect(f.logicalLocations!.map((l) => [l.kind, l.name])).toEqual([
      ['database', DB],
      ['table', ODD_TABLE],
      ['column', 'Email Address'],
    ]);
    expect(f.properties).toMatchObject({ engine: 'mysql', database: DB, table: ODD_TABLE, column: 'Email Address', type: 'varchar(120)' });
  });

  test('a JSON column (LONGTEXT in MariaDB) is flattened into paths', () => {
    const f = byKey(result).get('don_hang.thong_tin_giao_hang → nguoi_nhan.sdt')!;
    expect(f.message).toMatch(/^Column "don_hang"."thong_tin_giao_hang" → nguoi_nhan\.sdt holds phone numbers/);
  });

  test('passwords in the clear are a risk', () => {
    expect(risksOf(result, 'pd-plaintext-credential')).toEqual(['tai_khoan.mat_khau']);
  });

  test('a phone stored as BIGINT is recognised', () => {
    const f = byKey(result).get('nhan_vien.so_dt')!;
    expect(f.category).toBe('phone');
    expect(f.value).toMatch(/^0\d{9}$/);
  });
});

describe('sampling without a full scan', () => {
  let c: MysqlConnector;
  beforeAll(async () => {
    c = await MysqlConnector.connect(parseDbUrl(BASE, {}), { timeoutMs: 10_000, concurrency: 1 });
  });
  afterAll(async () => c.close());

  const table = async (name: string) => (await c.listTables({ includeViews: true })).find((t) => t.name === name)!;

  test('integer primary key: random key ranges spread over the table', async () => {
    const s = await c.sample(await table('giao_dich'), { sampleSize: 1000 });
    expect(s.method).toMatch(/random ranges of index id/);
    expect(s.rows).toBeGreaterThan(900);
    expect(s.rows).toBeLessThanOrEqual(1000);
    const ids = s.values.get('id')!.map(Number);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBeLessThan(5000);
    expect(Math.max(...ids)).toBeGreaterThan(35_000);
    const again = await c.sample(await table('giao_dich'), { sampleSize: 1000 });
    expect(again.values.get('id')).toEqual(s.values.get('id'));
  });

  test('string primary key: ranges between interpolated codes', async () => {
    const s = await c.sample(await table('benh_nhan'), { sampleSize: 100 });
    expect(s.method).toMatch(/random ranges of index ma_benh_nhan/);
    expect(s.rows).toBeGreaterThan(50);
    const codes = s.values.get('ma_benh_nhan')!.map(String).sort();
    expect(codes[codes.length - 1]! > 'BN000400').toBe(true);
  });

  test('no index at all: RAND() while the table is small', async () => {
    const s = await c.sample(await table('nhat_ky_truy_cap'), { sampleSize: 100 });
    expect(s.method).toMatch(/^RAND\(\)/);
    expect(s.rows).toBeGreaterThan(0);
    expect(s.rows).toBeLessThanOrEqual(100);
  });

  test('pdscan cannot write: an INSERT inside its transaction fails', async () => {
    const ro = await c.transaction(async (run) => run<{ ro: number }>('SELECT @@session.tx_read_only AS ro'));
    expect(Number(ro[0]!.ro)).toBe(1);
    await expect(c.transaction((run) => run(`INSERT INTO ${q(DB)}.san_pham (id, ten) VALUES (-1, 'x')`))).rejects.toThrow(/read[- ]only transaction/i);
    const [rows] = await admin.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${q(DB)}.san_pham`);
    expect(Number(rows[0]!.n)).toBe(300);
  });
});

describe('views and failures', () => {
  test('views only with includeViews; a broken view and a slow view are reported and skipped', async () => {
    const without = await scanDatabase({ url: BASE, rules: TEST_RULES, regime: 'pdpl-2025', only: ['v_*'] });
    expect(without.stats.tablesScanned).toBe(0);
    const r = await scanDatabase({ url: BASE, rules: TEST_RULES, regime: 'pdpl-2025', only: ['v_*'], includeViews: true, timeoutMs: 1500 });
    expect(r.stats).toMatchObject({ tablesScanned: 1, tablesSkipped: 2 });
    expect(byKey(r).get('v_khach_hang.so_dien_thoai')?.category).toBe('phone');
    expect(r.problems).toEqual([
      { where: `${DB}.v_cham`, message: expect.stringMatching(/^skipped: timed out after 1\.5s/) },
      { where: `${DB}.v_hong`, message: expect.stringMatching(/^skipped: .*(invalid|doesn't exist|broken view)/) },
    ]);
  }, 30_000);
});

describe('credentials', () => {
  test('a password from PDSCAN_DB_PASSWORD (or MYSQL_PWD) works and only granted tables are listed', async () => {
    const url = mysqlServer.url(DB, { user: USER });
    const r1 = await scanDatabase({ url, rules: TEST_RULES, regime: 'pdpl-2025', env: { PDSCAN_DB_PASSWORD: PASSWORD } });
    expect(r1.stats.tablesScanned).toBe(1);
    expect(byKey(r1).get('nhan_vien.so_dt')?.category).toBe('phone');
    const r2 = await scanDatabase({ url, rules: TEST_RULES, regime: 'pdpl-2025', env: { MYSQL_PWD: PASSWORD } });
    expect(r2.stats.tablesScanned).toBe(1);
  });

  test('a wrong password fails with one line that names neither the user nor the password', async () => {
    const err = await scanDatabase({ url: mysqlServer.url(DB, { user: USER, password: 'WrongPass123' }), rules: TEST_RULES, regime: 'pdpl-2025' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    const msg = (err as Error).message;
    expect(msg).toMatch(new RegExp(`^cannot connect to mysql://${escapeRe(mysqlServer.hostPort())}/pdscan_it_\\w+: Access denied for user '\\*\\*\\*'`));
    expect(msg).not.toContain(USER);
    expect(msg).not.toMatch(/WrongPass123/);
    expect(msg).not.toContain('\n');
  });

  test('an unreachable server: ScanError, one line', async () => {
    const err = await scanDatabase({ url: 'mariadb://root:topsecret@127.0.0.1:1/x', rules: TEST_RULES, regime: 'pdpl-2025', timeoutMs: 3000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    expect((err as Error).message).toMatch(/^cannot connect to mariadb:\/\/127\.0\.0\.1:1\/x: .*ECONNREFUSED/);
    expect((err as Error).message).not.toMatch(/topsecret|root/);
  });
});
