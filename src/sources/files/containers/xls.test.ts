import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ByteBudget, DEFAULT_CONTAINER_LIMITS, type ContainerNotice, type TextUnit } from './types.js';
import { expandXls } from './xls.js';
import { expandFile } from './expand.js';
import type { ExpandContext } from './expand.js';
import { xls } from '../../../../test/helpers/xls-writer.js';
import { xlsx } from '../../../../test/helpers/zip-writer.js';

async function read(data: Buffer, where = 'kh.xls') {
  const units: TextUnit[] = [];
  const notices: ContainerNotice[] = [];
  const ctx: ExpandContext = { limits: DEFAULT_CONTAINER_LIMITS, budget: new ByteBudget(DEFAULT_CONTAINER_LIMITS), depth: 1, sink: { unit: (u) => void units.push(u), notice: (n) => void notices.push(n) } };
  await expandXls(data, where, ctx);
  return { units, notices, text: units.map((u) => u.text.toString('utf8')).join('') };
}

describe('legacy .xls workbooks (BIFF8)', () => {
  it('each worksheet is a CSV table: header row first, shared strings, RK/MULRK/NUMBER numbers, LABEL and formula strings', async () => {
    const book = xls([
      { name: 'Khách hàng', rows: [['Họ tên', 'Số CCCD', 'Điện thoại', 'Ghi chú'], ['Trần Văn Bình', '001090012345', 912345678, { formula: 'khách quen' }], [null, null, 2.5, { inline: 'Lê, "Yến"' }], [1, 2, 3]] },
      { name: 'Sheet2', rows: [['Email'], ['an.tran@example.vn']] },
    ]);
    const { units, notices, text } = await read(book);
    expect(notices).toEqual([]);
    expect(text).toBe('Họ tên,Số CCCD,Điện thoại,Ghi chú\nTrần Văn Bình,001090012345,912345678,khách quen\n,,2.5,"Lê, ""Yến"""\n1,2,3\nEmail\nan.tran@example.vn\n');
    expect(units.map((u) => [u.formatPath, u.properties])).toEqual([['Khách hàng.csv', { sheet: 'Khách hàng' }], ['Sheet2.csv', { sheet: 'Sheet2' }]]);
    expect([1, 2, 3, 4].map(units[0]!.reportedLine!)).toEqual([1, 2, 3, 4]);
  });

  it('strings split across CONTINUE records, one- and two-byte characters alike, read whole', async () => {
    const names = ['Nguyễn Thị Hạnh Phúc', 'plain ascii name here', 'Đặng Quốc Khai'];
    const { text } = await read(xls([{ name: 'NV', rows: [['Họ tên'], ...names.map((n) => [n])] }], { sstChunk: 17 }));
    expect(text).toBe(`Họ tên\n${names.join('\n')}\n`);
  });

  it('property: any table of strings and integers comes back as written, whatever the record size', () => fc.assert(fc.asyncProperty(
    fc.array(fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/[",\r\n]/.test(s) && s.trim() === s && s.length > 0), fc.integer({ min: 0, max: 2 ** 28 })), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 6 }),
    fc.integer({ min: 12, max: 200 }),
    async (rows, sstChunk) => {
      const width = Math.max(...rows.map((r) => r.length));
      const full = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('x')]);
      const { text } = await read(xls([{ name: 'S', rows: full }], { sstChunk }));
      expect(text).toBe(`${full.map((r) => r.join(',')).join('\n')}\n`);
    },
  ), { numRuns: 60 }));

  it('an encrypted workbook is refused as encrypted; an Excel 95 (BIFF5) workbook is named, not misread', async () => {
    await expect(read(xls([{ name: 'S', rows: [['a']] }], { encrypted: true }))).rejects.toThrow();
    const old = await read(xls([{ name: 'S', rows: [['a']] }], { version: 0x0500 }));
    expect(old.units).toEqual([]);
    expect(old.notices).toEqual([{ where: 'kh.xls', kind: 'unsupported', message: expect.stringContaining('BIFF5') }]);
  });

  it('through expandFile: findings-ready units for .xls, an encrypted one reported, an .xlsx saved as .xls read as xlsx', async () => {
    const run = async (name: string, data: Buffer) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-xls-'));
      try {
        writeFileSync(path.join(dir, name), data);
        const units: TextUnit[] = [];
        const notices: ContainerNotice[] = [];
        await expandFile(path.join(dir, name), name, data.length, DEFAULT_CONTAINER_LIMITS, { unit: (u) => void units.push(u), notice: (n) => void notices.push(n) });
        return { units, notices };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const plain = await run('luong.xls', xls([{ name: 'Lương', rows: [['Họ tên', 'Số tài khoản'], ['Phạm Minh Tâm', '0451000123456']] }]));
    expect(plain.units.map((u) => u.text.toString('utf8'))).toEqual(['Họ tên,Số tài khoản\nPhạm Minh Tâm,0451000123456\n']);
    const locked = await run('luong.xls', xls([{ name: 'S', rows: [['a']] }], { encrypted: true }));
    expect(locked.notices.map((n) => n.kind)).toEqual(['encrypted']);
    const renamed = await run('kh.xls', xlsx([{ name: 'KH', rows: [['Email'], ['an@example.vn']] }]));
    expect(renamed.units.map((u) => u.text.toString('utf8'))).toEqual(['Email\nan@example.vn\n']);
  });
});
