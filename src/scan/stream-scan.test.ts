/**
 * A bulk file read in chunks reports what it reports read whole: the same aggregates, counts,
 * first locations and fingerprints. A chunked file that cannot be finished is a problem, not a crash.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRules } from '../rules/load.js';
import { createFileScanner } from './file-task.js';
import type { Finding } from '../model/finding.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-stream-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scanFile = createFileScanner(loadRules(), undefined, { streamChunkBytes: 1024 });
const streamed = Promise.resolve({ ok: 'stream' as const });
const shape = (fs: Finding[]) =>
  fs.map((f) => [f.category, f.ruleId, f.count, f.confidence, f.location?.line, f.location?.column, f.sampleLocations?.map((l) => l.line), f.fingerprint]).sort();

describe('streamed bulk files', () => {
  test('CSV: the same findings as read whole, with the header as each chunk\'s column context', async () => {
    // Birth dates, passwords and religions are known only by their column.
    const rows = Array.from({ length: 150 }, (_, i) => `${i},Trần Thị Mai,199${i % 10}-0${1 + (i % 9)}-1${i % 10},Pw${i}xYz!${i * 37},Phật giáo,khach${i}@example.com`);
    const file = path.join(dir, 'khach_hang.csv');
    writeFileSync(file, `id,ho_ten,ngay_sinh,mat_khau,ton_giao,email\n${rows.join('\n')}\n`);
    const input = { abs: file, rel: 'khach_hang.csv' };
    const whole = await scanFile(input);
    const chunked = await scanFile(input, streamed);
    expect(whole.findings.map((f) => f.category).sort()).toEqual(expect.arrayContaining(['credentials', 'date-of-birth', 'political-religious']));
    expect(shape(chunked.findings)).toEqual(shape(whole.findings));
    expect(chunked.lines).toBe(whole.lines);
    expect(chunked.problem).toBeUndefined();
  });

  test('a streamed file that vanishes is reported and skipped', async () => {
    const out = await scanFile({ abs: path.join(dir, 'gone.csv'), rel: 'gone.csv' }, streamed);
    expect(out.findings).toEqual([]);
    expect(out.problem).toMatch(/^could not be scanned: ENOENT/);
  });
});
