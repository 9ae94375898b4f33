/**
 * `pdscan scan --staged` (pre-commit): only what the next commit records, read from the index,
 * and only findings on staged lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { clearGithubEnv, makeRepo, pdscan, testHits, trackRepos } from './helpers.js';

const track = trackRepos();
beforeAll(clearGithubEnv);

describe('scan --staged', () => {
  it('reports staged lines only: unstaged and untracked files are not scanned', async () => {
    const repo = track(makeRepo());
    repo.write('a.txt', 'one\nold TESTPHONE-1111\n');
    repo.write('b.txt', 'nothing here\n');
    repo.commit('base');
    repo.write('a.txt', 'one\nold TESTPHONE-1111\nstaged TESTPHONE-2222\n');
    repo.git('add', 'a.txt');
    repo.write('b.txt', 'nothing here\nunstaged TESTDIAG-flu\n');
    repo.write('new.txt', 'untracked TESTACCT-42\n');

    const r = await pdscan(repo.dir, ['scan', '--staged']);
    expect(r.code).toBe(0);
    expect(testHits(r)).toEqual(['a.txt:3 t-phone']);
    expect(r.json!.stats.diffChangedFiles).toBe(1);
  });

  it('reads the staged content of a partially staged file, not the working tree', async () => {
    const repo = track(makeRepo());
    repo.write('p.txt', 'a\nb\nc\n');
    repo.commit('base');
    // Stage one new line, then add another in the working tree only (what `git add -p` leaves).
    repo.write('p.txt', 'a\nstaged TESTPHONE-3333\nb\nc\n');
    repo.git('add', 'p.txt');
    repo.write('p.txt', 'unstaged TESTDIAG-cold\na\nstaged TESTPHONE-3333\nb\nc\n');

    const r = await pdscan(repo.dir, ['scan', '--staged']);
    // Line 2 of the staged version (line 3 in the working tree): the position the commit will have.
    expect(testHits(r)).toEqual(['p.txt:2 t-phone']);
    // And a value that is only in the working tree is not reported.
    expect(r.json!.findings.some((f) => f.ruleId === 't-health')).toBe(false);
  });

  it('a rename reports only its edited lines; a deletion reports nothing', async () => {
    const repo = track(makeRepo());
    repo.write('old/name.txt', 'keep TESTPHONE-4444\nline 2\nline 3\nline 4\nline 5\n');
    repo.write('gone.txt', 'TESTDIAG-flu\n');
    repo.commit('base');
    repo.git('mv', 'old', 'new');
    repo.write('new/name.txt', 'keep TESTPHONE-4444\nline 2\nline 3\nline 4\nline 5\nadded TESTACCT-77\n');
    repo.git('add', 'new/name.txt');
    repo.git('rm', '-q', 'gone.txt');

    const r = await pdscan(repo.dir, ['scan', '--staged']);
    expect(testHits(r)).toEqual(['new/name.txt:6 t-mail']);
    expect(r.json!.stats.diffDeletedFiles).toBe(1);
  });

  it('works before the first commit, in a subdirectory, and with inline suppressions of the staged text', async () => {
    const repo = track(makeRepo());
    repo.write('pkg/src/x.txt', 'TESTPHONE-5555\n# pdscan-ignore-next-line phone -- the clinic hotline\nTESTPHONE-6666\n');
    repo.write('top.txt', 'TESTDIAG-flu\n');
    repo.git('add', '-A');

    const all = await pdscan(repo.dir, ['scan', '--staged']);
    expect(testHits(all)).toEqual(['pkg/src/x.txt:1 t-phone', 'top.txt:1 t-health']);
    const sub = await pdscan(`${repo.dir}/pkg`, ['scan', '--staged', '--config', '../.pdscan.yml']);
    expect(testHits(sub)).toEqual(['src/x.txt:1 t-phone']);
    // Roots: a staged file, and a file and a directory with nothing staged (no problem reported).
    repo.commit('first');
    repo.write('top.txt', 'TESTDIAG-flu\nTESTDIAG-cold\n');
    repo.write('other.txt', 'TESTACCT-9\n');
    repo.git('add', 'top.txt');
    const roots = await pdscan(repo.dir, ['scan', '--staged', 'top.txt', 'other.txt', 'pkg']);
    expect(testHits(roots)).toEqual(['top.txt:2 t-health']);
    expect(roots.json!.problems).toEqual([]);
  });

  it('nothing staged: nothing reported, exit 0; --fail-on applies to staged findings', async () => {
    const repo = track(makeRepo());
    repo.write('a.txt', 'TESTDIAG-flu\n');
    repo.commit('base');
    const none = await pdscan(repo.dir, ['scan', '--staged', '--fail-on', 'low']);
    expect(none.code).toBe(0);
    expect(testHits(none)).toEqual([]);
    repo.write('a.txt', 'TESTDIAG-flu\nTESTDIAG-measles\n');
    repo.git('add', 'a.txt');
    expect((await pdscan(repo.dir, ['scan', '--staged', '--fail-on', 'low'])).code).toBe(1);
  });

  it('--staged with --diff-base is a usage error', async () => {
    const repo = track(makeRepo());
    repo.commit('base');
    const r = await pdscan(repo.dir, ['scan', '--staged', '--diff-base', 'HEAD']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--staged and --diff-base cannot be used together/);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(PACKAGE_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; pass_filenames: boolean }>;

  it('each hook runs `pdscan scan --staged` on the whole index and fails the commit on staged findings', async () => {
    expect(hooks.map((h) => [h.id, h.language])).toEqual([['pdscan', 'node'], ['pdscan-system', 'system']]);
    for (const hook of hooks) {
      expect(hook.pass_filenames).toBe(false);
      const args = hook.entry.split(' ');
      const cli = args.slice(args.indexOf('pdscan') + 1);
      expect(cli.slice(0, 2)).toEqual(['scan', '--staged']);
      const repo = track(makeRepo());
      repo.write('a.txt', 'nothing\n');
      repo.commit('base');
      expect((await pdscan(repo.dir, cli)).code).toBe(0);
      repo.write('a.txt', 'nothing\nTESTPHONE-7777\n');
      repo.git('add', 'a.txt');
      const r = await pdscan(repo.dir, cli);
      expect(testHits(r)).toEqual(['a.txt:2 t-phone']);
      expect(r.code).toBe(1);
    }
  });
});
