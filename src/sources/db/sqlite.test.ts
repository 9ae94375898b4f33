import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRules } from '../../rules/load.js';
import { scanDatabase } from './scan-db.js';
import { parseDbUrl } from './url.js';
import { SqliteConnector, sqliteKind } from './sqlite.js';

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-sqlite-'));
  file = path.join(dir, 'shop.db');
  const db = new Database(file);
  db.exec(`CREATE TABLE khach_hang (id INTEGER PRIMARY KEY, ho_ten TEXT, so_dien_thoai, ghi_chu TEXT);
           CREATE TABLE tuy_chon (khoa TEXT PRIMARY KEY, gia_tri TEXT) WITHOUT ROWID;`);
  const insert = db.prepare('INSERT INTO khach_hang (ho_ten, so_dien_thoai, ghi_chu) VALUES (?, ?, ?)');
  const names = ['Trần Văn Bình', 'Lê Hoàng Yến', 'Phạm Quốc Đạt', 'Hà Thị Lan', 'Nguyễn Thị Minh Khai'];
  for (let i = 0; i < 300; i++) insert.run(names[i % 5], `09${String(12345678 + i * 7919).slice(0, 8)}`, 'khách quen');
  db.prepare('INSERT INTO tuy_chon VALUES (?, ?)').run('mau', 'xanh');
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite', () => {
  test('sqlite:PATH and bare .sqlite/.sqlite3/.db paths are SQLite URLs; others are not', () => {
    expect(parseDbUrl('sqlite:data/app.db')).toMatchObject({ engine: 'sqlite', database: 'data/app.db', display: 'sqlite:data/app.db' });
    expect(parseDbUrl('sqlite:///abs/x.sqlite').database).toBe('/abs/x.sqlite');
    expect(parseDbUrl('fixtures/demo.sqlite3').engine).toBe('sqlite');
    expect(() => parseDbUrl('data/app.txt')).toThrow(/must start with/);
    expect(parseDbUrl('postgres://h/x.db').engine).toBe('postgres');
  });

  test('column kinds follow SQLite type affinity', () => {
    expect(['INTEGER', 'varchar(20)', 'BLOB', 'DOUBLE', 'BOOLEAN', 'JSON', ''].map(sqliteKind)).toEqual(['integer', 'text', 'binary', 'number', 'skip', 'json', 'text']);
  });

  test('classifies columns with the same judgement as the other engines, without changing the file', async () => {
    const before = readFileSync(file);
    const r = await scanDatabase({ url: `sqlite:${file}`, rules: loadRules({}), regime: 'pdpl-2025', sampleSize: 100, threads: 1 });
    expect(r.target).toMatchObject({ kind: 'database', engine: 'sqlite' });
    const cols = r.findings.map((f) => `${f.logicalLocations?.map((l) => l.name).join('.')}:${f.category}`);
    expect(cols).toEqual(expect.arrayContaining(['shop.db.khach_hang.ho_ten:full-name', 'shop.db.khach_hang.so_dien_thoai:phone']));
    expect(r.stats).toMatchObject({ tablesFound: 2, tablesScanned: 2 });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test('samples at most the sample size, the same rows every run, and says how', async () => {
    const c = await SqliteConnector.connect(parseDbUrl(`sqlite:${file}`), { timeoutMs: 1000 });
    try {
      const [table] = (await c.listTables({ includeViews: false })).filter((t) => t.name === 'khach_hang');
      const a = await c.sample(table!, { sampleSize: 50 });
      const b = await c.sample(table!, { sampleSize: 50 });
      expect(a.rows).toBe(50);
      expect(a.values.get('so_dien_thoai')).toEqual(b.values.get('so_dien_thoai'));
      expect(a.method).toMatch(/pseudo-random order of rowid/);
    } finally {
      await c.close();
    }
  });

  test('a file that is not SQLite is a one-line error, and the file is never created', async () => {
    const bogus = path.join(dir, 'Thumbs.db');
    writeFileSync(bogus, 'not a database at all, just text padding to look like a header....');
    await expect(scanDatabase({ url: bogus, rules: loadRules({}), regime: 'pdpl-2025' })).rejects.toThrow(/cannot open sqlite:.*Thumbs\.db: file is not a database/);
    await expect(scanDatabase({ url: `sqlite:${path.join(dir, 'missing.db')}`, rules: loadRules({}), regime: 'pdpl-2025' })).rejects.toThrow(/cannot open/);
    expect(() => readFileSync(path.join(dir, 'missing.db'))).toThrow();
  });
});
