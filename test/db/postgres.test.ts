/**
 * Integration tests against a real PostgreSQL (chosen or started by test/setup/databases.ts: user
 * postgres, trust, database `test`). Each run creates its own schema and role (pdscan_it_*) and drops them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { scanDatabase } from '../../src/sources/db/scan-db.js';
import { PostgresConnector } from '../../src/sources/db/postgres.js';
import { parseDbUrl } from '../../src/sources/db/url.js';
import { loadRules } from '../../src/rules/load.js';
import { ScanError } from '../../src/util/errors.js';
import type { RuleDef } from '../../src/rules/types.js';
import { dataset, EXPECTED, NOT_PERSONAL, ODD_TABLE, type TableData } from './fixtures/schema.js';
import { byKey, checkExpected, risksOf, TEST_RULES } from './helpers.js';
import { pgServer } from './servers.js';

const SUFFIX = `${process.pid}_${Date.now() % 100000}`;
const SCHEMA = `pdscan_it_${SUFFIX}`;
const ROLE = `pdscan_it_ro_${SUFFIX}`;
const BASE = pgServer.url();
const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

let admin: pg.Client;
let rules: RuleDef[];

async function load(t: TableData): Promise<void> {
  const cols = t.columns.map((c) => `${q(c.name)} ${c.pg}`).join(', ');
  const pk = t.primaryKey ? `, PRIMARY KEY (${q(t.primaryKey)})` : '';
  await admin.query(`CREATE TABLE ${q(SCHEMA)}.${q(t.name)} (${cols}${pk})`);
  // One round trip per table: arrays of column values, unnested server-side.
  const arrays = t.columns.map((_, i) => t.rows.map((r) => r[i] ?? null));
  const casts = t.columns.map((c, i) => `$${i + 1}::${c.pg === 'bytea' ? 'bytea' : 'text'}[]`).join(', ');
  const select = t.columns.map((c, i) => `c${i}::${c.pg}`).join(', ');
  await admin.query(
    `INSERT INTO ${q(SCHEMA)}.${q(t.name)} SELECT ${select} FROM unnest(${casts}) AS u(${t.columns.map((_, i) => `c${i}`).join(', ')})`,
    arrays,
  );
}

beforeAll(async () => {
  rules = loadRules();
  admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${q(SCHEMA)}`);
  for (const t of dataset()) await load(t);
  await admin.query(`CREATE VIEW ${q(SCHEMA)}.v_khach_hang AS SELECT ho_ten, so_dien_thoai FROM ${q(SCHEMA)}.khach_hang`);
  await admin.query(`CREATE TABLE ${q(SCHEMA)}.bi_mat (so_cccd text)`);
  await admin.query(`INSERT INTO ${q(SCHEMA)}.bi_mat VALUES ('001090012345')`);
  // 30,000 rows, never analyzed: the sampler must probe instead of trusting reltuples.
  await admin.query(
    `CREATE TABLE ${q(SCHEMA)}.giao_dich AS SELECT g AS id, '09' || lpad((g * 7919 % 100000000)::text, 8, '0') AS sdt_nguoi_nhan, (g % 1000) * 1000 AS so_tien FROM generate_series(1, 30000) g`,
  );
  await admin.query(`CREATE ROLE ${q(ROLE)} LOGIN`);
  await admin.query(`GRANT USAGE ON SCHEMA ${q(SCHEMA)} TO ${q(ROLE)}`);
  await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${q(SCHEMA)} TO ${q(ROLE)}`);
  await admin.query(`REVOKE SELECT ON ${q(SCHEMA)}.bi_mat FROM ${q(ROLE)}`);
}, 180_000);

afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS ${q(SCHEMA)} CASCADE`);
  await admin.query(`DROP OWNED BY ${q(ROLE)}`).catch(() => undefined);
  await admin.query(`DROP ROLE IF EXISTS ${q(ROLE)}`);
  await admin.end();
});

const only = (...tables: string[]) => tables.map((t) => `${SCHEMA}.${t}`);

describe('classification of a realistic schema', () => {
  let result: Awaited<ReturnType<typeof scanDatabase>>;
  beforeAll(async () => {
    result = await scanDatabase({ url: BASE, rules, regime: 'pdpl-2025', only: [`${SCHEMA}.*`], except: only('bi_mat', 'giao_dich') });
  }, 120_000);

  test('every personal column is found with the right category; non-personal ones are low at most', () => {
    expect(checkExpected(result, EXPECTED, NOT_PERSONAL)).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.stats).toMatchObject({ tablesFound: expect.any(Number), tablesScanned: 8, tablesSkipped: 0 });
  });

  test('column findings carry the logical location, the artifact location and the evidence', () => {
    const f = byKey(result).get('khach_hang.so_cccd')!;
    expect(f).toMatchObject({
      ruleId: 'db-column-national-id',
      kind: 'column',
      category: 'national-id',
      confidence: 'high',
      location: { path: `db/postgres/test/${SCHEMA}/khach_hang`, line: 3, column: 1 },
      logicalLocations: [
        { kind: 'database', name: 'test' },
        { kind: 'schema', name: SCHEMA },
        { kind: 'table', name: 'khach_hang', fullyQualifiedName: `test.${SCHEMA}.khach_hang` },
        { kind: 'column', name: 'so_cccd', fullyQualifiedName: `test.${SCHEMA}.khach_hang.so_cccd` },
      ],
      properties: { engine: 'postgres', database: 'test', schema: SCHEMA, table: 'khach_hang', column: 'so_cccd', type: 'character varying(12)', sampled: 1500, nullRatio: 0 },
    });
    expect(f.message).toMatch(/^Column "khach_hang"."so_cccd" holds citizen ID numbers \(CCCD\/CMND\) \(100% of /);
    expect(f.value).toMatch(/^\d{12}$/);
    expect((f.properties as { matchRatio: number }).matchRatio).toBeGreaterThan(0.9);
    expect((f.properties as { validatorPassRate: number }).validatorPassRate).toBe(1);
    expect(f.explain!.join('\n')).toMatch(/validator pass rate 100%/);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  test('the sparse notes column is reported at low confidence', () => {
    const f = byKey(result).get('khach_hang.ghi_chu')!;
    expect(f.confidence).toBe('low');
    expect((f.properties as { matchRatio: number }).matchRatio).toBeLessThan(0.05);
  });

  test('passwords in the clear are a risk; hashed ones are not', () => {
    expect(risksOf(result, 'pd-plaintext-credential')).toEqual(['tai_khoan.mat_khau']);
    const risk = result.findings.find((f) => f.ruleId === 'pd-plaintext-credential')!;
    expect(risk).toMatchObject({ kind: 'risk', category: 'credentials', level: 'high', confidence: 'high' });
    expect(risk.message).toMatch(/stores passwords or credentials in plain text/);
    expect(risk.value).toBeUndefined();
  });

  test('hashed passwords are a protection measure; their column is low', () => {
    expect(byKey(result).get('khach_hang.mat_khau')!.confidence).toBe('low');
    expect(result.evidence).toContainEqual(expect.objectContaining({ kind: 'protection', key: 'hashing:bcrypt', categories: ['credentials'] }));
  });

  test('odd identifiers keep their exact names in logical locations', () => {
    const f = byKey(result).get(`${ODD_TABLE}.Số Điện Thoại`)!;
    expect(f.message).toBe(`Column "Khách Hàng ""VIP"""."Số Điện Thoại" holds phone numbers (100% of 200 sampled values; 50 checked)`);
    expect(f.logicalLocations!.map((l) => l.name)).toEqual(['test', SCHEMA, ODD_TABLE, 'Số Điện Thoại']);
    expect(f.location!.path).toBe(`db/postgres/test/${SCHEMA}/${ODD_TABLE}`);
  });

  test('fingerprints are stable across scans', async () => {
    const again = await scanDatabase({ url: BASE, rules, regime: 'pdpl-2025', only: only('khach_hang') });
    const before = [...byKey(result)].filter(([k]) => k.startsWith('khach_hang.')).map(([k, f]) => [k, f.fingerprint]);
    expect([...byKey(again)].map(([k, f]) => [k, f.fingerprint])).toEqual(before);
  });
});

describe('what is scanned', () => {
  test('views only with includeViews', async () => {
    const without = await scanDatabase({ url: BASE, rules: TEST_RULES, regime: 'pdpl-2025', only: only('v_*') });
    expect(without.stats.tablesScanned).toBe(0);
    const withViews = await scanDatabase({ url: BASE, rules: TEST_RULES, regime: 'pdpl-2025', only: only('v_*'), includeViews: true });
    expect(withViews.stats.tablesScanned).toBe(1);
    expect(byKey(withViews).get('v_khach_hang.so_dien_thoai')?.category).toBe('phone');
  });

  test('--only and --except patterns', async () => {
    const r = await scanDatabase({ url: BASE, rules: TEST_RULES, regime: 'pdpl-2025', only: [`${SCHEMA}.*`], except: ['*khach*', '*VIP*', 'giao_dich', 'bi_mat'] });
    const tables = new Set(r.findings.map((f) => (f.properties as { table: string }).table));
    expect(tables.has('khach_hang')).toBe(false);
    expect(tables.has('nhan_vien')).toBe(true);
    expect(r.stats.tablesScanned).toBe(6);
  });

  test('a table that fails (permission denied) is reported and skipped; the rest is scanned', async () => {
    const r = await scanDatabase({ url: pgServer.url({ user: ROLE }), rules: TEST_RULES, regime: 'pdpl-2025', only: only('bi_mat', 'nhan_vien') });
    expect(r.problems).toEqual([{ where: `test.${SCHEMA}.bi_mat`, message: expect.stringMatching(/^skipped: permission denied/) }]);
    expect(r.stats).toMatchObject({ tablesScanned: 1, tablesSkipped: 1 });
    expect(byKey(r).get('nhan_vien.so_dt')?.category).toBe('phone');
  });

  test('a locked table times out, is reported, and the scan goes on', async () => {
    const locker = new pg.Client({ connectionString: BASE });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${q(SCHEMA)}.san_pham IN ACCESS EXCLUSIVE MODE`);
    try {
      const r = await scanDatabase({ url: BASE, rules: TEST_RULES, regime: 'pdpl-2025', only: only('san_pham', 'nhan_vien'), timeoutMs: 1000 });
      expect(r.problems).toEqual([{ where: `test.${SCHEMA}.san_pham`, message: expect.stringMatching(/^skipped: (the table is locked|timed out)/) }]);
      expect(r.stats.tablesScanned).toBe(1);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });
});

describe('sampling', () => {
  test('a big table never analyzed is probed, then sampled with TABLESAMPLE, not read from the start', async () => {
    const url = parseDbUrl(BASE, {});
    const c = await PostgresConnector.connect(url, { timeoutMs: 10_000, concurrency: 1 });
    try {
      const table = (await c.listTables({ includeViews: false })).find((t) => t.schema === SCHEMA && t.name === 'giao_dich')!;
      expect(table.estimatedRows).toBe(-1);
      const s = await c.sample(table, { sampleSize: 500 });
      expect(s.method).toMatch(/of about (2\d|3\d)\d{3} rows$/);
      expect(s.method).toMatch(/^TABLESAMPLE (SYSTEM|BERNOULLI)/);
      expect(s.rows).toBeGreaterThan(250);
      expect(s.rows).toBeLessThanOrEqual(500);
      const ids = s.values.get('id')!.map(Number);
      // Spread over the table: rows from its last third too.
      expect(Math.max(...ids)).toBeGreaterThan(20_000);
      // Deterministic: the same rows next time.
      const again = await c.sample(table, { sampleSize: 500 });
      expect(again.values.get('id')).toEqual(s.values.get('id'));
    } finally {
      await c.close();
    }
  });

  test('after ANALYZE the estimate comes from the catalog', async () => {
    await admin.query(`ANALYZE ${q(SCHEMA)}.giao_dich`);
    const c = await PostgresConnector.connect(parseDbUrl(BASE, {}), { timeoutMs: 10_000, concurrency: 1 });
    try {
      const table = (await c.listTables({ includeViews: false })).find((t) => t.schema === SCHEMA && t.name === 'giao_dich')!;
      expect(table.estimatedRows).toBeGreaterThan(25_000);
      const s = await c.sample(table, { sampleSize: 1000 });
      expect(s.method).toMatch(/^TABLESAMPLE SYSTEM \([\d.]+%\) of about 30000 rows$/);
      expect(s.rows).toBeGreaterThan(700);
      expect(s.rows).toBeLessThanOrEqual(1000);
    } finally {
      await c.close();
    }
  });
});

describe('safety', () => {
  test('pdscan cannot write: its transactions are read-only with a statement timeout', async () => {
    const c = await PostgresConnector.connect(parseDbUrl(BASE, {}), { timeoutMs: 4321, concurrency: 1 });
    try {
      await c.withClient('test', async (client) => {
        const state = await c.transaction(client, async (run) => ({
          ro: (await run<{ transaction_read_only: string }>('SHOW transaction_read_only')).rows[0]!.transaction_read_only,
          timeout: (await run<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0]!.statement_timeout,
        }));
        expect(state).toEqual({ ro: 'on', timeout: '4321ms' });
        await expect(c.transaction(client, (run) => run(`INSERT INTO ${q(SCHEMA)}.san_pham (id, ten) VALUES (-1, 'x')`))).rejects.toThrow(
          /cannot execute INSERT in a read-only transaction/,
        );
        // Even outside our transactions the session default is read-only.
        await expect(client.query(`DELETE FROM ${q(SCHEMA)}.san_pham`)).rejects.toThrow(/read-only transaction/);
      });
    } finally {
      await c.close();
    }
    const count = await admin.query(`SELECT count(*)::int AS n FROM ${q(SCHEMA)}.san_pham`);
    expect(count.rows[0].n).toBe(300);
  });

  test('an unreachable database is a ScanError with one line and no credentials', async () => {
    const err = await scanDatabase({ url: 'postgres://alice:Sup3rS3cret@127.0.0.1:1/test', rules: TEST_RULES, regime: 'pdpl-2025', timeoutMs: 3000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^cannot connect to postgres:\/\/127\.0\.0\.1:1\/test: .*ECONNREFUSED/);
    expect(msg).not.toMatch(/alice|Sup3rS3cret/);
    expect(msg).not.toContain('\n');
  });

  test('driver errors that name the user are redacted', async () => {
    const err = await scanDatabase({ url: pgServer.url({ user: `pdscan_no_such_user_${SUFFIX}`, password: 'pw' }), rules: TEST_RULES, regime: 'pdpl-2025' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    expect((err as Error).message).toMatch(/role "\*\*\*" does not exist/);
    expect((err as Error).message).not.toContain('pdscan_no_such_user');
  });
});
