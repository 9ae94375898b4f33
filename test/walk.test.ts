import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { walk } from '../src/sources/files/walk.js';
import { readForScan, decode, looksMinified } from '../src/sources/files/read.js';

let root: string;
const put = (rel: string, content: string | Buffer) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), content);
};

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pdscan-walk-'));
  put('.gitignore', 'ignored.txt\nlogs/\n');
  put('keep.txt', 'a');
  put('ignored.txt', 'a');
  put('logs/app.log', 'a');
  put('sub/.gitignore', '*.tmp\n');
  put('sub/x.tmp', 'a');
  put('sub/y.txt', 'a');
  put('x.tmp', 'a'); // only ignored under sub/
  put('.pdscanignore', 'fixtures-private/\n');
  put('fixtures-private/a.txt', 'a');
  put('node_modules/pkg/index.js', 'a');
  put('dist/out.js', 'a');
  put('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
  put('app.min.js', 'a');
  put('big.txt', 'x'.repeat(2000));
  symlinkSync(path.join(root, 'missing-target'), path.join(root, 'broken-link'));
  mkdirSync(path.join(root, 'loop'));
  symlinkSync(root, path.join(root, 'loop', 'back-to-root'));
  symlinkSync(path.join(root, 'keep.txt'), path.join(root, 'link-to-keep.txt'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('walk', () => {
  test('respects nested .gitignore, .pdscanignore, built-in skips and limits', async () => {
    const res = await walk(['.'], { cwd: root, maxFileSize: 1000 });
    const rels = res.files.map((f) => f.rel);
    expect(rels).toEqual(['.gitignore', '.pdscanignore', 'keep.txt', 'link-to-keep.txt', 'sub/.gitignore', 'sub/y.txt', 'x.tmp']);
    expect(res.skipped.binary).toBe(1);
    expect(res.skipped.minified).toBe(1);
    expect(res.skipped.tooLarge).toBe(1);
  });

  test('a broken symlink is reported, a symlink loop is not followed', async () => {
    const res = await walk(['.'], { cwd: root, maxFileSize: 1e6 });
    expect(res.problems).toEqual([{ where: 'broken-link', message: 'broken symbolic link, skipped' }]);
    expect(res.files.some((f) => f.rel.startsWith('loop/'))).toBe(false);
  });

  test('a missing path is a problem, not a crash', async () => {
    const res = await walk(['nope'], { cwd: root, maxFileSize: 1e6 });
    expect(res.files).toEqual([]);
    expect(res.problems[0]!.where).toBe('nope');
  });

  test('explicit files are scanned even when ignored by a directory rule', async () => {
    const res = await walk(['ignored.txt'], { cwd: root, maxFileSize: 1e6 });
    expect(res.files.map((f) => f.rel)).toEqual(['ignored.txt']);
  });
});

describe('read', () => {
  test('UTF-16 LE and BE with BOM decode to UTF-8', () => {
    const text = 'Họ tên: Trần Thị Mai';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const beBody = Buffer.from(text, 'utf16le');
    beBody.swap16();
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]);
    expect((decode(le) as Buffer).toString('utf8')).toBe(text);
    expect((decode(be) as Buffer).toString('utf8')).toBe(text);
  });

  test('UTF-8 BOM is stripped, NUL bytes mean binary', () => {
    expect((decode(Buffer.from([0xef, 0xbb, 0xbf, 0x61])) as Buffer).toString()).toBe('a');
    expect(decode(Buffer.from([0x61, 0x00, 0x62]))).toBe('binary');
  });

  test('minified bundles are recognised by line length', () => {
    expect(looksMinified(Buffer.from('x'.repeat(20000)), 'a.js')).toBe(true);
    expect(looksMinified(Buffer.from('let a = 1;\n'.repeat(2000)), 'a.js')).toBe(false);
    expect(looksMinified(Buffer.from('x'.repeat(20000)), 'a.txt')).toBe(false);
  });

  test('NFD text is normalised to NFC', async () => {
    put('nfd.txt', 'Nguyễn'.normalize('NFD'));
    const out = await readForScan(path.join(root, 'nfd.txt'), 'nfd.txt');
    expect(out.ok === true && out.buf.toString('utf8')).toBe('Nguyễn'.normalize('NFC'));
  });

  test('an unreadable file is an error outcome, not an exception', async () => {
    const out = await readForScan(path.join(root, 'does-not-exist'), 'does-not-exist');
    expect(out).toEqual({ ok: false, error: 'cannot read (ENOENT)' });
  });
});

describe('lockfiles', () => {
  test('lockfiles of every package manager are skipped like minified files (no personal data, many false matches)', async () => {
    const { isMinifiedPath } = await import('../src/sources/files/walk.js');
    for (const f of ['bun.lock', 'apps/web/pnpm-lock.yaml', 'Cargo.lock', 'composer.lock', 'Gemfile.lock', 'poetry.lock', 'npm-shrinkwrap.json']) expect(isMinifiedPath(f), f).toBe(true);
    expect(isMinifiedPath('src/lock.ts')).toBe(false);
  });
});
