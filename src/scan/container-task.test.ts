/**
 * The new-user folder: a workbook and a zipped CSV used to give "0 findings in 0 files".
 * Containers now go through the same classification as text, at their inner paths.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanFiles } from './scan-files.js';
import { docx, xlsx, zip } from '../../test/helpers/zip-writer.js';

let dir: string;
const ROWS = [
  ['Họ tên', 'Số CCCD', 'Số điện thoại'],
  ['Trần Văn Bình', '001090012345', '0387654321'],
];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-containers-'));
  writeFileSync(path.join(dir, 'khach_hang.xlsx'), xlsx([{ name: 'Khách hàng', rows: ROWS }]));
  writeFileSync(path.join(dir, 'kh.zip'), zip([{ name: 'exports/kh.csv', data: `${ROWS.map((r) => r.join(',')).join('\n')}\n` }]));
  writeFileSync(path.join(dir, 'hop_dong.docx'), docx(['Bên B: Trần Văn Bình, điện thoại 0387654321'], undefined, 'Số CCCD của bên B: 001090012345'));
  writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scan = () => scanFiles({ paths: ['.'], cwd: dir, maxFileSize: 5 * 1024 * 1024, ruleOptions: {}, code: false, threads: 1 });

describe('containers in a file scan', () => {
  test('finds the workbook customer and the zipped CSV at the inner path, aggregated like bulk files', async () => {
    const r = await scan();
    const byPath = (p: string) => r.findings.filter((f) => f.location?.path === p).map((f) => f.category).sort();
    expect(byPath('kh.zip!/exports/kh.csv')).toEqual(expect.arrayContaining(['national-id', 'phone']));
    const sheet = r.findings.filter((f) => f.location?.path === 'khach_hang.xlsx');
    expect(sheet.map((f) => f.category)).toEqual(expect.arrayContaining(['national-id', 'phone']));
    expect(sheet.every((f) => f.kind === 'aggregate' && f.location!.line === 2 && f.properties?.sheet === 'Khách hàng')).toBe(true);
    expect(sheet.every((f) => typeof f.fingerprint === 'string' && f.fingerprint.length === 32)).toBe(true);
    expect(r.stats.filesScanned).toBe(3);
  });

  test('reads document comments, and names the binary file it skipped', async () => {
    const r = await scan();
    const doc = r.findings.filter((f) => f.location?.path === 'hop_dong.docx').map((f) => f.category);
    expect(doc).toEqual(expect.arrayContaining(['national-id', 'phone']));
    expect(r.skippedBinary).toEqual(['logo.png']);
  });
});
