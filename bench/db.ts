/**
 * `npx tsx bench/db.ts [--only pg|mysql] [--src]`: database scan benchmark (issue 4, "Performance").
 *
 * Seeds (once; reused when present) synthetic Vietnamese customer tables in PostgreSQL schema
 * `pdscan_bench` (database `test`): one of 50,000 rows, one of 5,000,000 rows, and 200 tables of
 * 12,000 rows; then times full `scanDatabase` runs (connect, list, sample 10,000 rows, classify):
 *   - 5M-row table vs 50k-row table: sampling cost must not grow with size (target ≤ 2×);
 *   - 200 tables at 10,000 sampled rows each: target ≤ 60 s.
 * Then the same two single-table figures for MariaDB/MySQL (database `pdscan_bench`) when a server
 * answers. Figures are printed and written to bench/.out/db.json.
 * Each single-table figure is the median of 3 runs. Rule loading is done once, outside the timings.
 * Uses the built package (dist/, worker threads) when present, else the sources (one thread).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { loadRules } from '../src/rules/load.js';
import type { RuleDef } from '../src/rules/types.js';

type ScanModule = typeof import('../src/sources/db/scan-db.js');
/** The built package when present (`npm run build`): it runs classification in worker threads. */
const DIST = fileURLToPath(new URL('../dist/sources/db/scan-db.js', import.meta.url));
let scanDatabase: ScanModule['scanDatabase'];

const PG_URL = process.env.PDSCAN_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const MY_URL = process.env.PDSCAN_BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306';
const SCHEMA = 'pdscan_bench';
const VERSION = 2;
const MANY = 200;
const MANY_ROWS = 12_000;
const args = process.argv.slice(2);

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Thanh', 'Đức', 'Thu', 'Quốc', 'Hồng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phương', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const MOBILE = ['090', '091', '093', '094', '096', '097', '098', '086', '088', '089', '032', '033', '035', '037', '039', '070', '077', '079', '081', '083', '085', '056', '058'];
const PROVINCES = ['001', '031', '048', '079', '092', '075', '056', '040', '038', '026'];
const STREETS = ['Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Điện Biên Phủ', 'Cách Mạng Tháng Tám'];
const WARDS = ['Phường Bến Nghé', 'Phường 7', 'Phường Hàng Bạc', 'Phường Thạc Gián', 'Phường Tân Định'];
const CITIES = ['Quận 1, TP. Hồ Chí Minh', 'Quận 3, TP. Hồ Chí Minh', 'Quận Hoàn Kiếm, Hà Nội', 'Quận Thanh Khê, Đà Nẵng'];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;
const pick = (xs: string[], expr: string) => `(${arr(xs)})[(1 + (${expr}) % ${xs.length})::int]`;

/** SELECT list producing one synthetic customer per g (PostgreSQL). */
function pgCustomerSelect(g: string): string {
  return `${g}::bigint AS id,
    ${pick(SURNAMES, g)} || ' ' || ${pick(MIDDLE, `${g} / 16`)} || ' ' || ${pick(GIVEN, `${g} / 160`)} AS ho_ten,
    ${pick(MOBILE, `${g} * 7`)} || lpad(((${g} * 7919) % 10000000)::text, 7, '0') AS so_dien_thoai,
    ${pick(PROVINCES, `${g} * 3`)} || (${g} % 2)::text || lpad((60 + ${g} % 40)::text, 2, '0') || lpad(((${g} * 104729) % 1000000)::text, 6, '0') AS so_cccd,
    'khach' || ${g} || '@gmail.com' AS email,
    'Số ' || (1 + ${g} % 300) || ' đường ' || ${pick(STREETS, g)} || ', ' || ${pick(WARDS, `${g} / 7`)} || ', ' || ${pick(CITIES, `${g} / 35`)} AS dia_chi,
    date '1950-01-01' + ((${g} * 37) % 20000)::int AS ngay_sinh,
    ((${g} % 5000) * 1000)::numeric AS so_tien,
    ${pick(['moi', 'dang_xu_ly', 'hoan_tat'], g)} AS trang_thai,
    timestamp '2024-01-01' + ((${g} * 13) % 31536000) * interval '1 second' AS created_at`;
}

function mySelectFor(g: string): string {
  const p = (xs: string[], expr: string) => `ELT(1 + MOD(${expr}, ${xs.length}), ${xs.map((x) => `'${x}'`).join(',')})`;
  return `${g} AS id,
    CONCAT(${p(SURNAMES, g)}, ' ', ${p(MIDDLE, `FLOOR(${g} / 16)`)}, ' ', ${p(GIVEN, `FLOOR(${g} / 160)`)}) AS ho_ten,
    CONCAT(${p(MOBILE, `${g} * 7`)}, LPAD(MOD(${g} * 7919, 10000000), 7, '0')) AS so_dien_thoai,
    CONCAT(${p(PROVINCES, `${g} * 3`)}, MOD(${g}, 2), LPAD(60 + MOD(${g}, 40), 2, '0'), LPAD(MOD(${g} * 104729, 1000000), 6, '0')) AS so_cccd,
    CONCAT('khach', ${g}, '@gmail.com') AS email,
    CONCAT('Số ', 1 + MOD(${g}, 300), ' đường ', ${p(STREETS, g)}, ', ', ${p(WARDS, `FLOOR(${g} / 7)`)}, ', ', ${p(CITIES, `FLOOR(${g} / 35)`)}) AS dia_chi,
    DATE_ADD('1950-01-01', INTERVAL MOD(${g} * 37, 20000) DAY) AS ngay_sinh,
    MOD(${g}, 5000) * 1000 AS so_tien,
    ${p(['moi', 'dang_xu_ly', 'hoan_tat'], g)} AS trang_thai,
    TIMESTAMPADD(SECOND, MOD(${g} * 13, 31536000), '2024-01-01') AS created_at`;
}

function log(msg: string): void {
  process.stdout.write(`${msg}\n`);
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function seedPostgres(): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    const ok = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'meta'`, [SCHEMA]);
    if (ok.rowCount) {
      const v = await c.query(`SELECT version FROM ${SCHEMA}.meta`);
      if (v.rows[0]?.version === VERSION) {
        log(`PostgreSQL: reusing schema ${SCHEMA}`);
        return;
      }
    }
    log(`PostgreSQL: seeding schema ${SCHEMA} (once; about a minute)...`);
    await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await c.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const [name, rows] of [['kh_50k', 50_000], ['kh_5m', 5_000_000]] as const) {
      const [, secs] = await timed(async () => {
        await c.query(`CREATE TABLE ${SCHEMA}.${name} AS SELECT ${pgCustomerSelect('g')} FROM generate_series(1::bigint, ${rows}) g`);
        await c.query(`ALTER TABLE ${SCHEMA}.${name} ADD PRIMARY KEY (id)`);
        await c.query(`ANALYZE ${SCHEMA}.${name}`);
      });
      log(`  ${name}: ${rows.toLocaleString('en')} rows in ${secs.toFixed(1)} s`);
    }
    const [, secs] = await timed(async () => {
      for (let i = 0; i < MANY; i++) {
        const name = `t_${String(i).padStart(3, '0')}`;
        await c.query(`CREATE TABLE ${SCHEMA}.${name} AS SELECT ${pgCustomerSelect(`(g + ${i * MANY_ROWS})`)} FROM generate_series(1::bigint, ${MANY_ROWS}) g`);
        await c.query(`ALTER TABLE ${SCHEMA}.${name} ADD PRIMARY KEY (id)`);
      }
      await c.query(`ANALYZE`);
    });
    log(`  ${MANY} tables × ${MANY_ROWS.toLocaleString('en')} rows in ${secs.toFixed(1)} s`);
    await c.query(`CREATE TABLE ${SCHEMA}.meta (version int)`);
    await c.query(`INSERT INTO ${SCHEMA}.meta VALUES (${VERSION})`);
  } finally {
    await c.end();
  }
}

async function seedMysql(): Promise<void> {
  const c = await mysql.createConnection({ uri: MY_URL, charset: 'utf8mb4', multipleStatements: false });
  try {
    const [m] = await c.query<mysql.RowDataPacket[]>(`SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'meta'`, [SCHEMA]);
    if (m.length) {
      const [v] = await c.query<mysql.RowDataPacket[]>(`SELECT version FROM ${SCHEMA}.meta`);
      if (Number(v[0]?.version) === VERSION) {
        log(`MySQL: reusing database ${SCHEMA}`);
        return;
      }
    }
    log(`MySQL: seeding database ${SCHEMA} (once; a few minutes)...`);
    await c.query(`DROP DATABASE IF EXISTS ${SCHEMA}`);
    await c.query(`CREATE DATABASE ${SCHEMA} CHARACTER SET utf8mb4`);
    await c.query(`CREATE TABLE ${SCHEMA}.digits (d INT PRIMARY KEY)`);
    await c.query(`INSERT INTO ${SCHEMA}.digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)`);
    const numbers = (rows: number) =>
      `SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 10000 * e.d + 100000 * f.d + 1000000 * h.d AS g
         FROM ${SCHEMA}.digits a, ${SCHEMA}.digits b, ${SCHEMA}.digits c, ${SCHEMA}.digits d, ${SCHEMA}.digits e, ${SCHEMA}.digits f, ${SCHEMA}.digits h
        WHERE h.d < ${Math.ceil(rows / 1_000_000)}`;
    for (const [name, rows] of [['kh_50k', 50_000], ['kh_5m', 5_000_000]] as const) {
      const [, secs] = await timed(async () => {
        await c.query(
          `CREATE TABLE ${SCHEMA}.${name} (id BIGINT PRIMARY KEY, ho_ten VARCHAR(100), so_dien_thoai VARCHAR(15), so_cccd CHAR(12), email VARCHAR(100),
             dia_chi VARCHAR(200), ngay_sinh DATE, so_tien DECIMAL(14,0), trang_thai VARCHAR(20), created_at DATETIME) CHARACTER SET utf8mb4`,
        );
        await c.query(`INSERT INTO ${SCHEMA}.${name} SELECT ${mySelectFor('n.g')} FROM (${numbers(rows)}) n WHERE n.g <= ${rows}`);
        await c.query(`ANALYZE TABLE ${SCHEMA}.${name}`);
      });
      log(`  ${name}: ${rows.toLocaleString('en')} rows in ${secs.toFixed(1)} s`);
    }
    await c.query(`CREATE TABLE ${SCHEMA}.meta (version INT)`);
    await c.query(`INSERT INTO ${SCHEMA}.meta VALUES (${VERSION})`);
  } finally {
    await c.end();
  }
}

async function scanOne(url: string, table: string, rules: RuleDef[]): Promise<{ secs: number; rows: number; findings: number }> {
  const runs: Array<{ secs: number; rows: number; findings: number }> = [];
  for (let i = 0; i < 3; i++) {
    const [r, secs] = await timed(() => scanDatabase({ url, rules, regime: 'pdpl-2025', only: [table] }));
    if (r.stats.tablesScanned !== 1) throw new Error(`${table}: not scanned (${JSON.stringify(r.problems)})`);
    runs.push({ secs, rows: r.stats.rowsSampled!, findings: r.findings.length });
  }
  const m = median(runs.map((r) => r.secs));
  return runs.find((r) => r.secs === m)!;
}

const figures: Record<string, unknown> = {};

async function benchEngine(label: string, url: string, rules: RuleDef[]): Promise<void> {
  const small = await scanOne(url, `${SCHEMA}.kh_50k`, rules);
  const big = await scanOne(url, `${SCHEMA}.kh_5m`, rules);
  log(`${label}: 50k-row table  ${small.secs.toFixed(2)} s (${small.rows} rows sampled, ${small.findings} findings)`);
  log(`${label}: 5M-row table   ${big.secs.toFixed(2)} s (${big.rows} rows sampled, ${big.findings} findings)`);
  const ratio = big.secs / small.secs;
  log(`${label}: 5M / 50k = ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? 'OK' : 'OVER'}`);
  figures[label] = { ...(figures[label] as object), table50k: small, table5m: big, ratio: Math.round(ratio * 100) / 100 };
}

async function mysqlReachable(): Promise<boolean> {
  try {
    const c = await mysql.createConnection({ uri: MY_URL, connectTimeout: 3000 });
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const which = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const fromDist = existsSync(DIST) && !args.includes('--src');
  ({ scanDatabase } = (fromDist ? await import(pathToFileURL(DIST).href) : await import('../src/sources/db/scan-db.js')) as ScanModule);
  log(`scanner: ${fromDist ? 'dist/ (worker threads)' : 'src/ (one thread)'}`);
  const [rules, ruleSecs] = await timed(async () => loadRules());
  log(`rules loaded in ${ruleSecs.toFixed(2)} s (not counted below)`);
  if (which !== 'mysql') {
    await seedPostgres();
    await benchEngine('PostgreSQL', PG_URL, rules);
    const [r, secs] = await timed(() => scanDatabase({ url: PG_URL, rules, regime: 'pdpl-2025', only: [`${SCHEMA}.t_*`] }));
    log(
      `PostgreSQL: ${r.stats.tablesScanned} tables, ${r.stats.rowsSampled!.toLocaleString('en')} rows sampled, ${r.findings.length} findings in ${secs.toFixed(1)} s ` +
        `(target ≤ 60 s) ${secs <= 60 && r.stats.tablesScanned === MANY ? 'OK' : 'OVER'}`,
    );
    figures.PostgreSQL = { ...(figures.PostgreSQL as object), tables200: { secs, tables: r.stats.tablesScanned, rows: r.stats.rowsSampled, findings: r.findings.length } };
  }
  if (which !== 'pg') {
    if (await mysqlReachable()) {
      await seedMysql();
      await benchEngine('MySQL', `${MY_URL}/${SCHEMA}`, rules);
    } else log(`MySQL: no server at ${MY_URL.replace(/\/\/[^@/]*@/, '//')}, skipped`);
  }
  const out = path.join(fileURLToPath(new URL('.', import.meta.url)), '.out');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'db.json'), `${JSON.stringify({ date: new Date().toISOString(), scanner: fromDist ? 'dist' : 'src', figures }, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
