import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflatedZeros, gzip, tar, zip } from '../../../../test/helpers/zip-writer.js';
import { expandFile, lineChunks } from './expand.js';
import { DEFAULT_CONTAINER_LIMITS, type ContainerLimits, type ContainerNotice, type TextUnit } from './types.js';

const CSV = 'Họ tên,Số CCCD,Số điện thoại\nTrần Văn Bình,001090012345,0387654321\n';

async function expand(name: string, data: Buffer, limits: Partial<ContainerLimits> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-archive-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    const units: TextUnit[] = [];
    const notices: ContainerNotice[] = [];
    await expandFile(file, name, data.length, { ...DEFAULT_CONTAINER_LIMITS, ...limits }, { unit: (u) => void units.push(u), notice: (n) => void notices.push(n) });
    return { units, notices };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('archives', () => {
  it('reads the inner files of a zip at archive!/inner paths', async () => {
    const { units, notices } = await expand('backup.zip', zip([{ name: 'exports/' }, { name: 'exports/kh.csv', data: CSV }, { name: 'notes.txt', data: 'hello', store: true }]));
    expect(units.map((u) => u.path)).toEqual(['backup.zip!/exports/kh.csv', 'backup.zip!/notes.txt']);
    expect(units[0]!.formatPath).toBe('exports/kh.csv');
    expect(units[0]!.text.toString('utf8')).toBe(CSV);
    expect(notices).toEqual([]);
  });

  it('follows nested archives (zip in tar.gz in zip) up to max_depth, and names the level it refuses', async () => {
    const inner = zip([{ name: 'kh.csv', data: CSV }]);
    const tgz = gzip(tar([{ name: 'db/inner.zip', data: inner }, { name: 'readme.md', data: '# hi' }]));
    const outer = zip([{ name: 'nested.tar.gz', data: tgz, store: true }]);
    const deep = await expand('outer.zip', outer);
    expect(deep.units.map((u) => u.path)).toEqual(['outer.zip!/nested.tar.gz!/db/inner.zip!/kh.csv', 'outer.zip!/nested.tar.gz!/readme.md']);
    const shallow = await expand('outer.zip', outer, { maxDepth: 2 });
    expect(shallow.units.map((u) => u.path)).toEqual(['outer.zip!/nested.tar.gz!/readme.md']);
    expect(shallow.notices).toEqual([{ where: 'outer.zip!/nested.tar.gz!/db/inner.zip', kind: 'refused', message: expect.stringContaining('max_depth 2') }]);
  });

  it('reads .tgz and a lone .gz', async () => {
    const tgz = await expand('dump.tgz', gzip(tar([{ name: 'a/kh.csv', data: CSV }])));
    expect(tgz.units.map((u) => u.path)).toEqual(['dump.tgz!/a/kh.csv']);
    const gz = await expand('kh.csv.gz', gzip(Buffer.from(CSV)));
    expect(gz.units.map((u) => [u.path, u.formatPath])).toEqual([['kh.csv.gz!/kh.csv', 'kh.csv']]);
  });

  it('reports encrypted entries without guessing, and reads the rest', async () => {
    const { units, notices } = await expand('secret.zip', zip([{ name: 'kh.csv', data: 'not really encrypted', encrypted: true, store: true }, { name: 'open.csv', data: CSV }]));
    expect(units.map((u) => u.path)).toEqual(['secret.zip!/open.csv']);
    expect(notices).toEqual([{ where: 'secret.zip!/kh.csv', kind: 'encrypted', message: expect.stringContaining('encrypted') }]);
  });

  it('never follows an entry path out of the archive root (zip-slip), and says so', async () => {
    const { units, notices } = await expand('slip.zip', zip([{ name: '../../etc/evil.csv', data: CSV }, { name: 'ok.csv', data: CSV }]));
    expect(units.map((u) => u.path)).toEqual(['slip.zip!/ok.csv']);
    expect(notices[0]).toMatchObject({ where: 'slip.zip!/../../etc/evil.csv', kind: 'refused' });
  });

  it('refuses too many entries from the central directory alone', async () => {
    const many = zip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    const { units, notices } = await expand('many.zip', many, { maxEntries: 10 });
    expect(units).toEqual([]);
    expect(notices).toEqual([{ where: 'many.zip', kind: 'refused', message: expect.stringContaining('20 entries (limit max_entries 10)') }]);
  });

  it('names a password-protected workbook and a broken legacy .xls instead of failing on them', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect((await expand('luong.xlsx', ole)).notices).toEqual([{ where: 'luong.xlsx', kind: 'encrypted', message: expect.stringContaining('password-protected') }]);
    expect((await expand('old.xls', ole)).notices).toEqual([{ where: 'old.xls', kind: 'unreadable', message: expect.stringContaining('cannot read') }]);
    const inZip = await expand('hr.zip', zip([{ name: 'luong.docx', data: ole }]));
    expect(inZip.notices.map((n) => [n.where, n.kind])).toEqual([['hr.zip!/luong.docx', 'encrypted']]);
  });

  it('names binary inner files and those that look like ID-document images', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    const { notices } = await expand('scans.zip', zip([{ name: 'cccd_mat_truoc.png', data: png }, { name: 'logo.png', data: png }]));
    expect(notices.map((n) => [n.where, n.kind])).toEqual([
      ['scans.zip!/cccd_mat_truoc.png', 'id-document-image'],
      ['scans.zip!/logo.png', 'unsupported'],
    ]);
  });
});

describe('large inner files', () => {
  it('a large CSV comes in chunks of whole lines, each with the header, numbered as in the file', () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `${i + 2},Trần Văn Bình,0387654321`);
    const text = Buffer.from(`STT,Họ tên,Số điện thoại\n${rows.join('\n')}\n`);
    const units = [...lineChunks('a.zip!/kh.csv', 'kh.csv', text)];
    expect(units.length).toBeGreaterThan(1);
    for (const u of units) {
      expect(u.text.toString('utf8').startsWith('STT,Họ tên,Số điện thoại\n')).toBe(true);
      // Each data line names its own file line in its first field.
      const lines = u.text.toString('utf8').split('\n');
      expect(u.reportedLine!(2)).toBe(Number(lines[1]!.split(',')[0]));
      expect(u.reportedLine!(lines.length - 1)).toBe(Number(lines[lines.length - 2]!.split(',')[0]));
    }
    expect([...lineChunks('a.zip!/small.csv', 'small.csv', Buffer.from('a,b\n1,2\n'))]).toHaveLength(1);
  });
});

describe('zip bombs', () => {
  // 16 copies of 16 copies of 16 copies of 16 MiB of zeros: a few KB that would inflate to 64 GiB.
  function nestedBomb(): Buffer {
    const zeros = deflatedZeros(16 * 1024 * 1024);
    let layer = zip(Array.from({ length: 16 }, (_, i) => ({ name: `${i}.txt`, deflated: zeros })));
    for (let level = 0; level < 3; level++) layer = zip(Array.from({ length: 16 }, (_, i) => ({ name: `${i}.zip`, data: layer })));
    return layer;
  }

  // How fast a refusal is belongs to bench/containers.ts, not to a timed unit test.
  it('refuses a nested bomb with bounded memory, each refusal named', async () => {
    const bomb = nestedBomb();
    expect(bomb.length).toBeLessThan(200 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const { units, notices } = await expand('bomb.zip', bomb, { maxDepth: 5 });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect(units).toEqual([]);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n.kind === 'refused' && /limit max_ratio/.test(n.message))).toBe(true);
  });

  it('refuses a bomb whose headers lie about its size, on the bytes actually inflated', async () => {
    const real = deflatedZeros(16 * 1024 * 1024);
    const liar = zip([{ name: 'small.txt', deflated: { ...real, size: 1000 } }]);
    const { units, notices } = await expand('liar.zip', liar, { maxRatio: 100_000 });
    expect(units).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ where: 'liar.zip', message: expect.stringMatching(/bytes/) });
  });

  it('stops a tar.gz at max_total_bytes', async () => {
    const big = gzip(tar([{ name: 'a.csv', data: Buffer.alloc(3 * 1024 * 1024, 0x61) }, { name: 'b.csv', data: Buffer.alloc(3 * 1024 * 1024, 0x61) }]));
    const { notices } = await expand('big.tgz', big, { maxTotalBytes: 4 * 1024 * 1024, maxRatio: 100_000 });
    expect(notices).toEqual([{ where: 'big.tgz', kind: 'refused', message: expect.stringContaining('max_total_bytes') }]);
  });
});
