/**
 * `pdscan scan --inventory`, `pdscan inventory merge` and `pdscan init`, run in-process through
 * main() so that they test the sources, not a stale build.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { buildInventory, serializeInventory, validateInventory, type Inventory } from '../../src/report/inventory/index.js';
import { STARTER_CONFIG } from '../../src/cli/commands/init.js';
import { codeScan, dbScan, ORGANISATION } from './fixtures.js';

let dir: string;
const start = process.cwd();

async function pdscan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const CONFIG = `
rules:
  - id: test-phone
    category: phone
    name: Test phone number
    patterns: ['\\b(0[35789]\\d{8})\\b']
    value_group: 1
    context: { words: ['số điện thoại'] }
    examples: { match: ['0912345678'], no_match: ['x'] }
inventory:
  system: Ứng dụng thử nghiệm
  controller:
    name: Công ty Thử Nghiệm (giả định)
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-inv-cli-'));
  writeFileSync(path.join(dir, '.pdscan.yml'), CONFIG);
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'src/notes.txt'), 'Liên hệ\nSố điện thoại: 0912345678\n');
  const code = buildInventory([codeScan()], { regime: 'pdpl-2025', toolVersion: 't', config: ORGANISATION });
  const db = buildInventory([dbScan()], { regime: 'pdpl-2025', toolVersion: 't' });
  writeFileSync(path.join(dir, 'code.json'), serializeInventory(code, 'json', 'vi'));
  writeFileSync(path.join(dir, 'db.json'), serializeInventory(db, 'json', 'vi'));
  process.chdir(dir);
});
afterAll(() => {
  process.chdir(start);
  rmSync(dir, { recursive: true, force: true });
});

describe('pdscan scan --inventory', () => {
  test('writes JSON and Markdown in one run, from the config block, without raw values', async () => {
    const r = await pdscan(['scan', 'src', '--format', 'json', '--output', 'scan.json', '--inventory', 'out/inv.json', 'out/inv.md', '-q']);
    expect(r.code).toBe(0);
    const inv = JSON.parse(readFileSync('out/inv.json', 'utf8')) as Inventory;
    expect(validateInventory(inv)).toEqual([]);
    expect(inv.organisation).toEqual({ system: 'Ứng dụng thử nghiệm', controller: { name: 'Công ty Thử Nghiệm (giả định)' } });
    expect(inv.categories.map((c) => c.id)).toEqual(['phone']);
    const md = readFileSync('out/inv.md', 'utf8');
    expect(md).toMatch(/^# Bản nháp hồ sơ đánh giá tác động xử lý dữ liệu cá nhân: Ứng dụng thử nghiệm/);
    for (const out of [JSON.stringify(inv), md]) expect(out).not.toContain('0912345678');
  });

  test('--lang en and --law decree-13', async () => {
    const r = await pdscan(['scan', 'src', '--format', 'json', '--output', 'scan.json', '--inventory', 'inv.en.md', '--lang', 'en', '--law', 'decree-13', '-q']);
    expect(r.code).toBe(0);
    const md = readFileSync('inv.en.md', 'utf8');
    expect(md).toMatch(/^# Draft personal data processing impact assessment: Ứng dụng thử nghiệm/);
    expect(md).toContain('`--law decree-13`');
  });

  test('an inventory file that is neither .json nor .md is a usage error', async () => {
    const r = await pdscan(['scan', 'src', '--format', 'json', '--output', 'scan.json', '--inventory', 'inv.txt', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inv.txt: the inventory file must end in .json or .md');
  });
});

describe('pdscan inventory merge', () => {
  test('merges code and database inventories into one JSON file; merging the result again changes nothing', async () => {
    expect((await pdscan(['inventory', 'merge', 'code.json', 'db.json', '--output', 'merged.json', '--config', 'none.yml'])).code).toBe(2);
    writeFileSync('empty.yml', '{}\n');
    const r = await pdscan(['inventory', 'merge', 'code.json', 'db.json', '--output', 'merged.json', '--config', 'empty.yml']);
    expect(r.code).toBe(0);
    const merged = readFileSync('merged.json', 'utf8');
    const inv = JSON.parse(merged) as Inventory;
    expect(validateInventory(inv)).toEqual([]);
    expect(inv.targets.map((t) => t.name)).toEqual(['postgres://db.internal:5432/bank', 'shop-api']);
    expect((await pdscan(['inventory', 'merge', 'merged.json', 'code.json', 'merged.json', '--output', 'again.json', '--config', 'empty.yml'])).code).toBe(0);
    expect(readFileSync('again.json', 'utf8')).toBe(merged);
    expect((await pdscan(['inventory', 'merge', 'db.json', 'code.json', '--output', 'swapped.json', '--config', 'empty.yml'])).code).toBe(0);
    expect(readFileSync('swapped.json', 'utf8')).toBe(merged);
  });

  test('Markdown to stdout by default, English with --lang en; the config fills organisation fields', async () => {
    const r = await pdscan(['inventory', 'merge', 'db.json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Draft personal data processing impact assessment: Ứng dụng thử nghiệm/);
    expect(r.stdout).toContain('| Name | Công ty Thử Nghiệm (giả định) |');
  });

  test('bad inputs are usage errors naming the file', async () => {
    writeFileSync('not-json.json', '{');
    writeFileSync('other.json', '{"runs": []}');
    writeFileSync('broken.json', JSON.stringify({ ...(JSON.parse(readFileSync('db.json', 'utf8')) as object), regime: 'gdpr' }));
    for (const [file, message] of [
      ['missing.json', 'missing.json: cannot read (ENOENT)'],
      ['not-json.json', 'not-json.json: not JSON'],
      ['other.json', 'other.json: not a pdscan inventory'],
      ['broken.json', 'broken.json: invalid inventory: regime'],
    ] as const) {
      const r = await pdscan(['inventory', 'merge', file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});

describe('pdscan init', () => {
  test('writes the starter config and refuses to overwrite without --force', async () => {
    const r = await pdscan(['init', '--output', 'starter.yml']);
    expect(r.code).toBe(0);
    expect(readFileSync('starter.yml', 'utf8')).toBe(STARTER_CONFIG);
    writeFileSync('starter.yml', 'law: decree-13\n');
    const again = await pdscan(['init', '--output', 'starter.yml']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('starter.yml already exists (use --force to overwrite it)');
    expect(readFileSync('starter.yml', 'utf8')).toBe('law: decree-13\n');
    expect((await pdscan(['init', '--output', 'starter.yml', '--force'])).code).toBe(0);
    expect(readFileSync('starter.yml', 'utf8')).toBe(STARTER_CONFIG);
  });

  test('defaults to .pdscan.yml in the working directory', async () => {
    const sub = path.join(dir, 'fresh');
    mkdirSync(sub);
    process.chdir(sub);
    try {
      expect((await pdscan(['init'])).code).toBe(0);
      expect(existsSync(path.join(sub, '.pdscan.yml'))).toBe(true);
      expect((await pdscan(['init'])).code).toBe(2);
    } finally {
      process.chdir(dir);
    }
  });
});
