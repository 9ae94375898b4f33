import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNameStatusZ, parseUnifiedZero, unquoteGitPath } from '../../src/pr/diff-parse.js';
import { LineSet } from '../../src/pr/line-set.js';
import { parseCatFileBatch } from '../../src/pr/base-snapshot.js';

describe('parseNameStatusZ', () => {
  it('reads every status, renames and copies with their similarity', () => {
    const out = ['M', 'src/a.ts', 'A', 'new file.txt', 'D', 'gone.txt', 'R087', 'old/x.ts', 'new/x.ts', 'C100', 'a.ts', 'b.ts', 'T', 'link', ''].join('\0');
    expect(parseNameStatusZ(out)).toEqual([
      { status: 'modified', path: 'src/a.ts' },
      { status: 'added', path: 'new file.txt' },
      { status: 'deleted', path: 'gone.txt' },
      { status: 'renamed', path: 'new/x.ts', oldPath: 'old/x.ts', similarity: 87 },
      { status: 'copied', path: 'b.ts', oldPath: 'a.ts', similarity: 100 },
      { status: 'type-changed', path: 'link' },
    ]);
  });
  it('keeps any byte a path may hold (tabs, quotes, newlines)', () => {
    expect(parseNameStatusZ('M\0a\tb "c"\nd\0')).toEqual([{ status: 'modified', path: 'a\tb "c"\nd' }]);
  });
  it('rejects unknown statuses and truncated entries', () => {
    expect(() => parseNameStatusZ('Z\0x\0')).toThrow(/unexpected git diff status/);
    expect(() => parseNameStatusZ('R100\0only-old\0')).toThrow(/truncated/);
    expect(parseNameStatusZ('')).toEqual([]);
  });
});

describe('parseUnifiedZero', () => {
  const patch = [
    'diff --git a/src/a.ts b/src/a.ts',
    'index 1..2 100644',
    '--- a/src/a.ts',
    '+++ b/src/a.ts',
    '@@ -3,0 +4,2 @@ function x() {',
    '+added one',
    '+added two',
    '@@ -10 +12 @@',
    '-old',
    '+new',
    '@@ -20,3 +21,0 @@',
    '-gone',
    '-gone',
    '-gone',
    'diff --git a/with space.txt b/renamed space.txt',
    'similarity index 90%',
    'rename from with space.txt',
    'rename to renamed space.txt',
    '--- a/with space.txt\t',
    '+++ b/renamed space.txt\t',
    '@@ -1,0 +2 @@',
    '+x',
    'diff --git a/img.png b/img.png',
    'index 1..2 100644',
    'Binary files a/img.png and b/img.png differ',
    'diff --git "a/t\\303\\251st.txt" "b/t\\303\\251st.txt"',
    '--- "a/t\\303\\251st.txt"',
    '+++ "b/t\\303\\251st.txt"',
    '@@ -0,0 +1 @@',
    '+diff --git a/fake b/fake',
    'diff --git a/moved.txt b/elsewhere.txt',
    'similarity index 100%',
    'rename from moved.txt',
    'rename to elsewhere.txt',
    '',
  ].join('\n');
  const sections = parseUnifiedZero(patch);

  it('turns hunk headers into the new lines added or changed', () => {
    expect(sections.length).toBe(5);
    expect(sections[0]!.path).toBe('src/a.ts');
    expect(sections[0]!.added.toJSON()).toEqual([[4, 5], [12, 12]]);
    expect(sections[0]!.hunks).toBe(3);
  });
  it('reads renamed paths, with the trailing tab git adds to names with spaces', () => {
    expect(sections[1]!.path).toBe('renamed space.txt');
    expect(sections[1]!.added.toJSON()).toEqual([[2, 2]]);
  });
  it('marks binary files', () => {
    expect(sections[2]).toMatchObject({ path: 'img.png', binary: true, hunks: 0 });
  });
  it('unquotes C-quoted paths and is not fooled by added lines that look like headers', () => {
    expect(sections[3]!.path).toBe('tést.txt');
    expect(sections[3]!.added.toJSON()).toEqual([[1, 1]]);
  });
  it('a pure rename has no new lines', () => {
    expect(sections[4]).toMatchObject({ path: 'elsewhere.txt', hunks: 0 });
    expect(sections[4]!.added.size).toBe(0);
  });
});

describe('unquoteGitPath', () => {
  it('decodes octal UTF-8 bytes and C escapes', () => {
    expect(unquoteGitPath('"d\\341\\273\\257 li\\341\\273\\207u/a\\tb\\"c\\\\d"')).toBe('dữ liệu/a\tb"c\\d');
    expect(unquoteGitPath('plain/path.txt')).toBe('plain/path.txt');
  });
  it('inverts a C-style quoting of any string', () => {
    const quote = (s: string) =>
      `"${[...Buffer.from(s, 'utf8')].map((b) => (b === 0x22 ? '\\"' : b === 0x5c ? '\\\\' : b === 9 ? '\\t' : b === 10 ? '\\n' : b < 0x20 || b >= 0x7f ? `\\${b.toString(8).padStart(3, '0')}` : String.fromCharCode(b))).join('')}"`;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(unquoteGitPath(quote(s))).toBe(s);
      }),
    );
  });
});

describe('LineSet', () => {
  it('agrees with a plain set of lines', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 20 }))), fc.integer({ min: 0, max: 230 }), (spans, probe) => {
        const ranges = spans.map(([a, n]): [number, number] => [a, a + n - 1]);
        const naive = new Set(ranges.flatMap(([a, b]) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i)));
        const set = new LineSet(ranges);
        expect(set.has(probe)).toBe(naive.has(probe));
        expect(set.size).toBe(naive.size);
        expect(set.intersects(probe, probe + 3)).toBe([0, 1, 2, 3].some((d) => naive.has(probe + d)));
      }),
    );
  });
  it('merges adjacent ranges', () => {
    expect(new LineSet([[5, 6], [1, 2], [3, 4], [10, 9]]).toJSON()).toEqual([[1, 6]]);
  });
});

describe('parseCatFileBatch', () => {
  it('splits blobs by their declared size, binary-safe, and skips missing objects', () => {
    const a = Buffer.from('line1\nline2\n');
    const b = Buffer.from([0, 10, 255, 10]);
    const out = Buffer.concat([
      Buffer.from(`aaa blob ${a.length}\n`), a, Buffer.from('\n'),
      Buffer.from('HEAD:nope missing\n'),
      Buffer.from(`bbb blob ${b.length}\n`), b, Buffer.from('\n'),
      Buffer.from('ccc tree 0\n'), Buffer.from('\n'),
    ]);
    const blobs = parseCatFileBatch(out, 4);
    expect(blobs[0]!.equals(a)).toBe(true);
    expect(blobs[1]).toBeUndefined();
    expect(blobs[2]!.equals(b)).toBe(true);
    expect(blobs[3]).toBeUndefined();
  });
});
