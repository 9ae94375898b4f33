/**
 * --cache: a warm run gives what a cold run gives, without scanning unchanged files again; a
 * changed file, rule or option is scanned afresh; a corrupt or foreign cache is ignored with a warning.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { scanFiles, type FileScanOptions } from './scan-files.js';
import type { ScanResult } from '../model/result.js';

let dir: string;
let cacheDir: string;

// Synthetic data only: a model, a route that logs a customer's phone, and a CSV export.
const FILES: Record<string, string> = {
  'src/customer.entity.ts': `import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';
@Entity()
export class Customer {
  @PrimaryGeneratedColumn() id: number;
  @Column() phoneNumber: string;
  @Column() email: string;
}
`,
  'src/customers.controller.ts': `import { Body, Controller, Post } from '@nestjs/common';
import { Customer } from './customer.entity';
@Controller('customers')
export class CustomersController {
  @Post()
  create(@Body() body: Customer) {
    console.log('new customer', body.phoneNumber, body.email);
    return body;
  }
}
`,
  'data/export.csv': 'ho_ten,email,so_dien_thoai\nNguyen Van A,nguyen.van.a@congtyabc.vn,0912345678\nTran Thi B,tran.thi.b@congtyabc.vn,0987654321\n',
  'notes.txt': 'Liên hệ: le.van.c@congtyabc.vn\n',
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-cache-'));
  cacheDir = path.join(dir, '.cache-dir');
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: FileScanOptions = { paths: ['src', 'data', 'notes.txt'], cwd: '', threads: 1, maxFileSize: 1 << 20, ruleOptions: {} };

async function scan(extra: Partial<FileScanOptions> = {}): Promise<{ result: ScanResult; warnings: string[] }> {
  const warnings: string[] = [];
  const result = await scanFiles({ ...base, cwd: dir, ...extra, warn: (m) => warnings.push(m) });
  return { result, warnings };
}

/** What a user sees: findings, evidence, problems (stats differ by design: filesFromCache). */
const seen = (r: ScanResult) => ({ findings: r.findings, evidence: r.evidence, problems: r.problems });

function cacheFiles(): string[] {
  return readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
}

// Each test runs several scans with code analysis from source: slow on a loaded machine, not a speed check.
describe('scan cache', { timeout: 240_000 }, () => {
  test('a warm run gives the cold run\'s findings, flows included, from the cache alone', async () => {
    const plain = await scan();
    expect(plain.result.findings.some((f) => f.kind !== 'value')).toBe(true); // code findings are part of what is cached
    const cold = await scan({ cacheDir });
    expect(cold.result.stats.filesFromCache).toBe(0);
    expect(seen(cold.result)).toEqual(seen(plain.result));
    const warm = await scan({ cacheDir });
    expect(warm.result.stats.filesFromCache).toBe(Object.keys(FILES).length);
    expect(seen(warm.result)).toEqual(seen(plain.result));
    expect(warm.warnings).toEqual([]);
  });

  test('a changed file is scanned again; the others still come from the cache', async () => {
    await scan({ cacheDir });
    writeFileSync(path.join(dir, 'notes.txt'), 'Liên hệ: pham.thi.d@congtyabc.vn\n');
    const warm = await scan({ cacheDir });
    expect(warm.result.stats.filesFromCache).toBe(Object.keys(FILES).length - 1);
    const values = warm.result.findings.filter((f) => f.location?.path === 'notes.txt').map((f) => f.value);
    expect(values).toContain('pham.thi.d@congtyabc.vn');
    expect(values).not.toContain('le.van.c@congtyabc.vn');
    expect(seen(warm.result)).toEqual(seen((await scan()).result));
  });

  test('other rules or options miss the cache (and keep their own)', async () => {
    await scan({ cacheDir });
    const disabled = await scan({ cacheDir, ruleOptions: { disable: ['email-address'] } });
    expect(disabled.result.stats.filesFromCache).toBe(0);
    expect(seen(disabled.result)).toEqual(seen((await scan({ ruleOptions: { disable: ['email-address'] } })).result));
    const textOnly = await scan({ cacheDir, code: false });
    expect(textOnly.result.stats.filesFromCache).toBe(0);
    expect(seen(textOnly.result)).toEqual(seen((await scan({ code: false })).result));
    // The first settings' cache is still there and still hits.
    expect((await scan({ cacheDir })).result.stats.filesFromCache).toBe(Object.keys(FILES).length);
  });

  test('a corrupt or foreign cache is ignored with a warning, and rebuilt', async () => {
    const plain = await scan();
    await scan({ cacheDir });
    for (const bad of [Buffer.from('not a cache at all'), serialize({ magic: 'something-else', entries: new Map() })]) {
      for (const f of cacheFiles()) writeFileSync(path.join(cacheDir, f), bad);
      const r = await scan({ cacheDir });
      expect(r.warnings.join('\n')).toMatch(/ignoring the scan cache .*(corrupt|not a pdscan scan cache)/);
      expect(r.result.stats.filesFromCache).toBe(0);
      expect(seen(r.result)).toEqual(seen(plain.result));
      expect((await scan({ cacheDir })).warnings).toEqual([]);
    }
  });

  test('an entry of the wrong shape makes the whole cache untrusted', async () => {
    rmSync(cacheDir, { recursive: true, force: true });
    await scan({ cacheDir });
    const [file] = cacheFiles();
    const { deserialize } = await import('node:v8');
    const { readFileSync } = await import('node:fs');
    const data = deserialize(readFileSync(path.join(cacheDir, file!))) as { entries: Map<string, { hash: string; out: { findings: unknown } }> };
    const [id, entry] = [...data.entries][0]!;
    data.entries.set(id, { ...entry, out: { ...entry.out, findings: 'none' } });
    writeFileSync(path.join(cacheDir, file!), serialize(data));
    const r = await scan({ cacheDir });
    expect(r.warnings.join('\n')).toMatch(/malformed entry/);
    expect(r.result.stats.filesFromCache).toBe(0);
  });
});
