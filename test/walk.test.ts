import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chmodSync, mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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
    expect(res.minifiedPaths).toEqual(['app.min.js']);
    expect(res.problems).toContainEqual({
      where: 'big.txt',
      message: 'larger than the size limit (2.0 KB > 1000 B), not scanned: raise --max-file-size or max_file_size',
    });
  });

  test('a broken symlink is reported, a symlink loop is not followed', async () => {
    const res = await walk(['.'], { cwd: root, maxFileSize: 1e6 });
    expect(res.problems).toEqual([{ where: 'broken-link', message: 'broken symbolic link, skipped' }]);
    expect(res.files.some((f) => f.rel.startsWith('loop/'))).toBe(false);
  });

  test('a file name that is not valid UTF-8 is named in the problems, not dropped silently', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-walk-utf8-'));
    try {
      writeFileSync(Buffer.concat([Buffer.from(`${dir}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.csv')]), 'a');
      writeFileSync(path.join(dir, 'good.csv'), 'a');
      const res = await walk(['.'], { cwd: dir, maxFileSize: 1e6 });
      expect(res.files.map((f) => f.rel)).toEqual(['good.csv']);
      expect(res.problems).toHaveLength(1);
      expect(res.problems[0]!.message).toMatch(/^name is not valid UTF-8 \(bytes 626164.*fffe2e637376\), file not scanned/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a tree nested deeper than the system can address is reported, and the rest is scanned', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-walk-deep-'));
    try {
      writeFileSync(path.join(dir, 'top.txt'), 'a');
      // 25 levels of 200-character names: past PATH_MAX (4096), built one level at a time.
      const seg = 'd'.repeat(200);
      // Created relative to an open directory (mkdirat), as no absolute path can name the bottom.
      const script = [
        'import os, sys',
        'fd = os.open(sys.argv[1], os.O_RDONLY)',
        'for _ in range(25):',
        `    os.mkdir('${seg}', dir_fd=fd)`,
        `    nfd = os.open('${seg}', os.O_RDONLY, dir_fd=fd); os.close(fd); fd = nfd`,
        "os.close(os.open('deep.txt', os.O_CREAT | os.O_WRONLY, dir_fd=fd))",
      ].join('\n');
      execFileSync('python3', ['-c', script, dir]);
      const res = await walk(['.'], { cwd: dir, maxFileSize: 1e6 });
      expect(res.files.map((f) => f.rel)).toContain('top.txt');
      expect(res.problems.some((p) => /path too long for the system/.test(p.message))).toBe(true);
    } finally {
      execFileSync('rm', ['-rf', dir]); // rm walks relative to open directories; fs.rmSync may not
    }
  });

  // root reads every directory whatever its mode, so the case only exists for other users.
  test.skipIf(process.getuid?.() === 0)('an unreadable directory is named in the problems', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-walk-perm-'));
    try {
      mkdirSync(path.join(dir, 'secret'));
      writeFileSync(path.join(dir, 'secret', 'a.txt'), 'a');
      chmodSync(path.join(dir, 'secret'), 0o000);
      const res = await walk(['.'], { cwd: dir, maxFileSize: 1e6 });
      expect(res.problems).toContainEqual({ where: 'secret', message: 'directory not read (permission denied), skipped with everything under it' });
    } finally {
      chmodSync(path.join(dir, 'secret'), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
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
