import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readChunks, type Chunk } from './bulk-stream.js';
import { readForScan } from './read.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function chunksOf(name: string, text: string, chunkBytes: number): Promise<Chunk[]> {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const out: Chunk[] = [];
  for await (const c of readChunks(file, name, chunkBytes)) out.push(c);
  return out;
}

/** A chunk's own lines, without the carried context. */
const own = (c: Chunk) => c.text.toString('utf8').split('\n').slice(c.prefixLines).join('\n');

describe('readChunks', () => {
  const csv = `ho_ten,so_dien_thoai\n${Array.from({ length: 200 }, (_, i) => `Nguyễn Văn ${i},09${String(i).padStart(8, '0')}`).join('\n')}\n`;

  test('cuts at line ends, carries the CSV header, and numbers lines as in the file', async () => {
    const chunks = await chunksOf('a.csv', csv, 512);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.map(own).join('')).toBe(csv);
    for (const c of chunks.slice(1)) {
      expect(c.prefixLines).toBe(1);
      expect(c.text.toString('utf8').startsWith('ho_ten,so_dien_thoai\n')).toBe(true);
      const firstOwn = own(c).split('\n')[0]!;
      expect(csv.split('\n')[c.firstLine - 1]).toBe(firstOwn);
    }
  });

  test('a SQL chunk that continues an INSERT starts with its head', async () => {
    const tuples = Array.from({ length: 100 }, (_, i) => `(${i}, '09${String(i).padStart(8, '0')}')`).join(',\n');
    const sql = `INSERT INTO khach_hang (id, so_dien_thoai) VALUES\n${tuples};\n`;
    const chunks = await chunksOf('d.sql', sql, 400);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map(own).join('')).toBe(sql);
    for (const c of chunks.slice(1, -1)) expect(c.text.toString('utf8')).toMatch(/^INSERT INTO khach_hang \(id, so_dien_thoai\) VALUES\n/);
  });

  test('a line longer than a chunk is read whole', async () => {
    const long = `${'x'.repeat(3000)}\nshort\n`;
    const chunks = await chunksOf('l.log', long, 256);
    expect(chunks.map(own).join('')).toBe(long);
    expect(chunks[0]!.text.toString('utf8').split('\n')[0]).toHaveLength(3000);
  });
});

describe('readForScan', () => {
  test('a bulk file over the streaming threshold is streamed, not read whole; other text is read whole', async () => {
    const big = path.join(dir, 'big.ndjson');
    writeFileSync(big, '{"email":"a@example.com"}\n'.repeat(120_000));
    expect(await readForScan(big, 'big.ndjson')).toEqual({ ok: 'stream' });
    const txt = path.join(dir, 'big.txt');
    writeFileSync(txt, 'x\n'.repeat(1_200_000));
    expect((await readForScan(txt, 'big.txt')).ok).toBe(true);
  });
});
