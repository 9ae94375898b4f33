/**
 * The real MongoDB connector, through the official driver, against the wire-protocol test server
 * (no mongod can be installed here). The server records every command, which lets these tests
 * prove that pdscan only reads and always bounds its queries with maxTimeMS.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Binary, type Document } from 'bson';
import { MongoWireServer } from './mongo-wire-server.js';
import { scanDatabase } from '../../src/sources/db/scan-db.js';
import { loadRules } from '../../src/rules/load.js';
import { ScanError } from '../../src/util/errors.js';
import type { RuleDef } from '../../src/rules/types.js';
import { VnData, JPEG } from './fixtures/vn-data.js';
import { byKey, checkExpected, TEST_RULES } from './helpers.js';

const d = new VnData(7);

function customers(n: number): Document[] {
  return Array.from({ length: n }, (_, i) => {
    const name = d.fullName();
    return {
      _id: i + 1,
      ho_ten: name,
      so_cccd: d.cccd(),
      ngay_sinh: new Date(`${d.birthDate()}T00:00:00Z`),
      lien_he: { email: d.email(name, i), so_dien_thoai: d.mobile(), dia_chi: d.address() },
      nguoi_phu_thuoc: [{ ho_ten: d.fullName(), quan_he: 'con' }, { ho_ten: d.fullName(), quan_he: 'vợ' }],
      anh_dai_dien: new Binary(JPEG),
      tags: ['vip', 'online'],
      diem_thuong: i * 10,
    };
  });
}

function events(n: number): Document[] {
  return Array.from({ length: n }, (_, i) => ({ _id: i, loai: ['dang_nhap', 'xem_trang'][i % 2], ip: d.publicIp(), so_dien_thoai: d.mobile() }));
}

const CUSTOMERS = customers(400);
const server = new MongoWireServer({
  databases: {
    ngan_hang: {
      khach_hang: { docs: CUSTOMERS },
      su_kien: { docs: events(2500) },
      san_pham: { docs: Array.from({ length: 50 }, (_, i) => ({ _id: i, ten: `Gói tiết kiệm ${i}`, lai_suat: 5.5, hotline: '1900 5454' })) },
      v_khach_hang: { docs: CUSTOMERS.slice(0, 20).map((c) => ({ ho_ten: c.ho_ten, lien_he: c.lien_he })), view: true },
      cham: { docs: events(10), slowMs: 60_000 },
      cam: { docs: events(10), forbidden: true },
    },
    noi_bo: { nhat_ky: { docs: events(30) } },
  },
});

let rules: RuleDef[];
beforeAll(async () => {
  rules = loadRules();
  await server.start();
});
afterAll(async () => server.stop());

describe('documents', () => {
  let result: Awaited<ReturnType<typeof scanDatabase>>;
  beforeAll(async () => {
    server.commands.length = 0;
    result = await scanDatabase({ url: server.url, rules, regime: 'pdpl-2025', sampleSize: 1000, timeoutMs: 5000 });
  }, 60_000);

  test('fields are inferred from sampled documents, nested objects and arrays of sub-documents included', () => {
    const expected = {
      'khach_hang.ho_ten': 'full-name',
      'khach_hang.so_cccd': 'national-id',
      'khach_hang.ngay_sinh': 'date-of-birth',
      'khach_hang.lien_he.email': 'digital-account',
      'khach_hang.lien_he.so_dien_thoai': 'phone',
      'khach_hang.lien_he.dia_chi': 'address',
      'khach_hang.nguoi_phu_thuoc[].ho_ten': 'full-name',
      'khach_hang.anh_dai_dien': 'personal-image',
      'su_kien.ip': 'online-activity',
      'su_kien.so_dien_thoai': 'phone',
      'nhat_ky.ip': 'online-activity',
    };
    expect(checkExpected(result, expected, ['khach_hang._id', 'khach_hang.tags[]', 'khach_hang.diem_thuong', 'su_kien.loai', 'san_pham.ten', 'san_pham.hotline', 'san_pham.lai_suat'])).toEqual([]);
  });

  test('locations name the database, collection and field', () => {
    const f = byKey(result).get('khach_hang.lien_he.so_dien_thoai')!;
    expect(f.location!.path).toBe('db/mongodb/ngan_hang/khach_hang');
    expect(f.logicalLocations).toEqual([
      { kind: 'database', name: 'ngan_hang', fullyQualifiedName: 'ngan_hang' },
      { kind: 'collection', name: 'khach_hang', fullyQualifiedName: 'ngan_hang.khach_hang' },
      { kind: 'field', name: 'lien_he.so_dien_thoai', fullyQualifiedName: 'ngan_hang.khach_hang.lien_he.so_dien_thoai' },
    ]);
    expect(f.message).toMatch(/^Column "khach_hang"\.lien_he\.so_dien_thoai holds phone numbers/);
  });

  test('system databases are skipped; views only when asked; failing collections are reported and skipped', () => {
    const tables = new Set(result.findings.map((f) => `${(f.properties as { database: string }).database}.${(f.properties as { table: string }).table}`));
    expect(tables.has('ngan_hang.v_khach_hang')).toBe(false);
    expect(result.problems).toEqual([
      { where: 'ngan_hang.cam', message: expect.stringMatching(/^skipped: permission denied: not authorized/) },
      { where: 'ngan_hang.cham', message: 'skipped: timed out after 5s (raise --timeout)' },
    ]);
    expect(result.stats).toMatchObject({ tablesFound: 6, tablesScanned: 4, tablesSkipped: 2 });
  });

  test('pdscan only reads, and bounds every query with maxTimeMS', () => {
    const allowed = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'buildInfo', 'buildinfo', 'listDatabases', 'listCollections', 'count', 'find', 'aggregate', 'getMore', 'killCursors', 'endSessions']);
    const names = server.commands.map((c) => c.name);
    expect(names.filter((n) => !allowed.has(n))).toEqual([]);
    for (const c of server.commands.filter((x) => ['find', 'aggregate', 'count', 'listDatabases', 'listCollections'].includes(x.name))) {
      expect(c.body.maxTimeMS, `${c.name} ${JSON.stringify(c.body)}`).toBe(5000);
    }
    for (const c of server.commands.filter((x) => x.name === 'aggregate')) {
      const stages = (c.body.pipeline as Document[]).map((s) => Object.keys(s)[0]);
      expect(stages).toEqual(['$sample']);
    }
  });

  test('sampling: all documents when they fit, windows when the sample is ≥ 5%, $sample below 5%', () => {
    const finds = server.commands.filter((c) => c.name === 'find');
    // khach_hang (400 ≤ 1000): one find of everything.
    expect(finds.filter((c) => c.body.find === 'khach_hang').map((c) => c.body.limit)).toEqual([1000]);
    // su_kien (2,500; 1,000 is 40%): ten windows at increasing offsets, no sort.
    const windows = finds.filter((c) => c.body.find === 'su_kien');
    expect(windows).toHaveLength(10);
    expect(windows.every((c) => c.body.sort === undefined && c.body.limit === 100)).toBe(true);
    const skips = windows.map((c) => Number(c.body.skip ?? 0));
    expect([...skips].sort((a, b) => a - b)).toEqual(skips);
    expect(skips[skips.length - 1]).toBeGreaterThan(2000);
  });
});

test('$sample is used when the sample is under 5% of the collection', async () => {
  server.commands.length = 0;
  const r = await scanDatabase({ url: `${server.url}/ngan_hang`, rules: TEST_RULES, regime: 'pdpl-2025', sampleSize: 100, only: ['su_kien'] });
  const agg = server.commands.filter((c) => c.name === 'aggregate');
  expect(agg).toHaveLength(1);
  expect(agg[0]!.body.pipeline).toEqual([{ $sample: { size: 100 } }]);
  expect(r.stats.rowsSampled).toBe(100);
  // The database in the URL limits the scan to it.
  expect(server.commands.some((c) => c.name === 'listDatabases')).toBe(false);
});

test('big batches go through getMore cursors', async () => {
  server.commands.length = 0;
  const r = await scanDatabase({ url: `${server.url}/ngan_hang`, rules: TEST_RULES, regime: 'pdpl-2025', sampleSize: 2500, only: ['su_kien'] });
  expect(r.stats.rowsSampled).toBe(2500);
  const finds = server.commands.filter((c) => c.name === 'find');
  expect(finds.map((c) => [c.body.limit, c.body.batchSize])).toEqual([[2500, 1000]]);
  expect(server.commands.filter((c) => c.name === 'getMore').length).toBeGreaterThanOrEqual(1);
});

test('views with includeViews', async () => {
  const r = await scanDatabase({ url: `${server.url}/ngan_hang`, rules: TEST_RULES, regime: 'pdpl-2025', only: ['v_*'], includeViews: true });
  expect(byKey(r).get('v_khach_hang.lien_he.so_dien_thoai')?.category).toBe('phone');
});

describe('connection failures', () => {
  test('bad credentials: ScanError without the user or the password', async () => {
    const locked = new MongoWireServer({ databases: {}, requireAuth: true });
    await locked.start();
    try {
      const err = await scanDatabase({ url: `mongodb://nguyenvanan:M4tKhau!@127.0.0.1:${locked.port}/admin`, rules: TEST_RULES, regime: 'pdpl-2025', timeoutMs: 3000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ScanError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/^cannot connect to mongodb:\/\/127\.0\.0\.1:\d+\/admin: /);
      expect(msg).not.toMatch(/nguyenvanan|M4tKhau/);
    } finally {
      await locked.stop();
    }
  });

  test('unreachable: ScanError after the server-selection timeout', async () => {
    const err = await scanDatabase({ url: 'mongodb://u:secretpw@127.0.0.1:1/x', rules: TEST_RULES, regime: 'pdpl-2025', timeoutMs: 1500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    expect((err as Error).message).toMatch(/^cannot connect to mongodb:\/\/127\.0\.0\.1:1\/x: /);
    expect((err as Error).message).not.toContain('secretpw');
  });
});
