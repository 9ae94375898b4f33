/**
 * `pdscan scan --diff-base`: throwaway repositories with a base commit and a change; only the
 * change's findings may be reported.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clearGithubEnv, gitIn, makeRepo, pdscan, testHits, trackRepos, wrapRepo, type Repo, type RunResult } from './helpers.js';
import { collectChanges } from '../../src/pr/changes.js';

const track = trackRepos();
beforeAll(clearGithubEnv);

/** Every reported finding (whatever rule found it) must sit on a line the change added. */
function allOnChangedLines(r: RunResult, repo: Repo, ref: string): void {
  const changes = collectChanges(ref, repo.dir);
  for (const f of r.json?.findings ?? []) {
    const fc = changes.changed.get(f.location!.path);
    expect(fc, `${f.ruleId} in ${f.location!.path} is not in a changed file`).toBeDefined();
    if (fc!.lines !== 'all') expect(fc!.lines.has(f.location!.line), `${f.ruleId} at ${f.location!.path}:${f.location!.line}`).toBe(true);
  }
}

describe('diff mode', () => {
  it('reports only findings on added or changed lines, and the full scan still sees the old ones', async () => {
    const repo = track(makeRepo());
    repo.write('src/app.txt', 'header\nold TESTPHONE-1111 here\nmiddle\nend\n');
    repo.write('src/other.txt', 'TESTDIAG-flu in an untouched file\n');
    const base = repo.commit('base');
    // Change: one new line with a finding, an unrelated edit that moves the old finding down.
    repo.write('src/app.txt', 'header\ninserted line\nold TESTPHONE-1111 here\nmiddle\nnew TESTPHONE-2222 added\nend\n');
    repo.commit('change');

    const full = await pdscan(repo.dir, ['scan']);
    expect(testHits(full)).toEqual(['src/app.txt:3 t-phone', 'src/app.txt:5 t-phone', 'src/other.txt:1 t-health']);

    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(diff.code).toBe(0);
    expect(testHits(diff)).toEqual(['src/app.txt:5 t-phone']);
    allOnChangedLines(diff, repo, base);
    expect(diff.json!.stats.diffChangedFiles).toBe(1);
  });

  it('accepts a branch name and compares with the merge base, not the branch tip', async () => {
    const repo = track(makeRepo());
    repo.write('a.txt', 'start\n');
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('a.txt', 'start\nfeature TESTPHONE-3333\n');
    repo.commit('feature work');
    // main moves on after the branch point; its new content is not the feature's doing.
    repo.git('checkout', '-q', 'main');
    repo.write('m.txt', 'main TESTDIAG-cold\n');
    repo.commit('main moves on');
    repo.git('checkout', '-q', 'feature');

    const diff = await pdscan(repo.dir, ['scan', '--diff-base', 'main']);
    expect(testHits(diff)).toEqual(['a.txt:2 t-phone']);
  });

  it('counts uncommitted edits and untracked files as changes (local use)', async () => {
    const repo = track(makeRepo());
    repo.write('a.txt', 'one\n');
    repo.commit('base');
    repo.write('a.txt', 'one\nTESTPHONE-4444\n'); // not committed
    repo.write('new/untracked.txt', 'TESTACCT-42\n');
    const diff = await pdscan(repo.dir, ['scan', '--diff-base', 'HEAD']);
    expect(testHits(diff)).toEqual(['a.txt:2 t-phone', 'new/untracked.txt:1 t-mail']);
  });

  it('a renamed file reports only its edited lines', async () => {
    const repo = track(makeRepo());
    const body = Array.from({ length: 20 }, (_, i) => `line ${i} of a long enough file`).join('\n');
    repo.write('old/name.txt', `${body}\nkept TESTPHONE-5555\n`);
    const base = repo.commit('base');
    repo.rm('old/name.txt');
    repo.write('new/name.txt', `${body}\nkept TESTPHONE-5555\nadded TESTDIAG-asthma\n`);
    repo.commit('rename and edit');

    const changes = collectChanges(base, repo.dir);
    const fc = changes.changed.get('new/name.txt')!;
    expect(fc.status).toBe('renamed');
    expect(fc.oldRepoPath).toBe('old/name.txt');

    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(testHits(diff)).toEqual(['new/name.txt:22 t-health']);
  });

  it('a pure rename reports nothing', async () => {
    const repo = track(makeRepo());
    repo.write('a/data.txt', 'TESTPHONE-6666\nmore text here\nand more\n');
    const base = repo.commit('base');
    repo.write('b/data.txt', repo.read('a/data.txt'));
    repo.rm('a/data.txt');
    repo.commit('move');
    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(testHits(diff)).toEqual([]);
  });

  it('a deleted file is listed as deleted and reports nothing', async () => {
    const repo = track(makeRepo());
    repo.write('gone.txt', 'TESTPHONE-7777\n');
    repo.write('stay.txt', 'quiet\n');
    const base = repo.commit('base');
    repo.rm('gone.txt');
    repo.write('stay.txt', 'quiet\nTESTACCT-9\n');
    repo.commit('delete');
    const changes = collectChanges(base, repo.dir);
    expect(changes.deleted.map((d) => d.path)).toEqual(['gone.txt']);
    expect([...changes.changed.keys()]).toEqual(['stay.txt']);
    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(testHits(diff)).toEqual(['stay.txt:2 t-mail']);
    expect(diff.json!.stats.diffDeletedFiles).toBe(1);
  });

  it('a binary file counts as changed in full, and the scan skips or reads it safely', async () => {
    const repo = track(makeRepo());
    repo.write('blob.dat', Buffer.from([0, 1, 2, 3, 0, 255]));
    repo.write('notes.txt', 'x\n');
    const base = repo.commit('base');
    repo.write('blob.dat', Buffer.concat([Buffer.from([0, 9, 0, 8]), Buffer.from('TESTPHONE-8888')]));
    // A text file git treats as binary (a NUL byte) still holds a finding that must not be lost.
    repo.write('weird.txt', Buffer.concat([Buffer.from('TESTPHONE-1212\n'), Buffer.from([0]), Buffer.from('\n')]));
    repo.commit('binary change');
    const changes = collectChanges(base, repo.dir);
    expect(changes.changed.get('blob.dat')).toMatchObject({ binary: true, lines: 'all' });
    expect(changes.changed.get('weird.txt')?.lines).toBe('all');
    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(diff.code).toBe(0);
    expect(testHits(diff).filter((h) => h.startsWith('blob.dat'))).toEqual([]);
  });

  it('handles paths with spaces and non-ASCII characters', async () => {
    const repo = track(makeRepo());
    repo.write('dữ liệu/a b.txt', 'x\n');
    const base = repo.commit('base');
    repo.write('dữ liệu/a b.txt', 'x\nTESTPHONE-1313\n');
    repo.commit('edit');
    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(testHits(diff)).toEqual(['dữ liệu/a b.txt:2 t-phone']);
  });

  it('scanning from a subdirectory keeps paths relative to it', async () => {
    const repo = track(makeRepo());
    repo.write('pkg/a.txt', 'x\n');
    repo.write('other/b.txt', 'x\n');
    const base = repo.commit('base');
    repo.write('pkg/a.txt', 'x\nTESTPHONE-1414\n');
    repo.write('other/b.txt', 'x\nTESTPHONE-1515\n');
    repo.commit('edit');
    repo.write('pkg/.pdscan.yml', repo.read('.pdscan.yml'));
    const diff = await pdscan(path.join(repo.dir, 'pkg'), ['scan', '--diff-base', base]);
    expect(testHits(diff)).toEqual(['a.txt:2 t-phone']);
  });

  it('fails with a clear message when the base does not exist', async () => {
    const repo = track(makeRepo());
    repo.write('a.txt', 'x\n');
    repo.commit('base');
    const r = await pdscan(repo.dir, ['scan', '--diff-base', 'no-such-branch']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--diff-base no-such-branch: it is not in this clone and there is no remote/);
    expect(r.stderr).toMatch(/fetch-depth: 0/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects a ref that looks like an option', async () => {
    const repo = track(makeRepo());
    repo.write('a.txt', 'x\n');
    repo.commit('base');
    const r = await pdscan(repo.dir, ['scan', '--diff-base=--output=/tmp/x']);
    expect(r.code).toBe(2);
  });

  it('fails clearly outside a git repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-nogit-'));
    const r = await pdscan(dir, ['scan', '--diff-base', 'main']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/needs a git repository/);
  });
});

describe('shallow clones', () => {
  function origin(): { repo: Repo; base: string } {
    const repo = track(makeRepo());
    repo.write('a.txt', 'first TESTPHONE-2001\n');
    const base = repo.commit('base');
    repo.write('a.txt', 'first TESTPHONE-2001\nsecond TESTPHONE-2002\n');
    repo.commit('one');
    repo.write('b.txt', 'third TESTDIAG-mumps\n');
    repo.commit('two');
    return { repo, base };
  }

  function shallowClone(from: Repo): Repo {
    const root = mkdtempSync(path.join(tmpdir(), 'pdscan-shallow-'));
    const dir = path.join(root, 'clone');
    gitIn(root, 'clone', '-q', '--depth', '1', `file://${from.dir}`, dir);
    const out = path.join(root, 'out');
    return track(wrapRepo(dir, out, [root]));
  }

  it('fetches the missing base commit and history, then reports only the change', async () => {
    const { repo, base } = origin();
    const clone = shallowClone(repo);
    expect(gitIn(clone.dir, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    expect(() => gitIn(clone.dir, 'cat-file', '-e', `${base}^{commit}`)).toThrow();

    const diff = await pdscan(clone.dir, ['scan', '--diff-base', base]);
    expect(diff.code).toBe(0);
    expect(testHits(diff)).toEqual(['a.txt:2 t-phone', 'b.txt:1 t-health']);
    expect(diff.json!.problems.map((p) => p.message).join('\n')).toMatch(/fetched the diff base|deepened the shallow clone/);
  });

  it('fails with what to change when the base cannot be fetched', async () => {
    const { repo } = origin();
    const clone = shallowClone(repo);
    const r = await pdscan(clone.dir, ['scan', '--diff-base', 'deadbeef'.repeat(5)]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/could not be fetched from origin/);
    expect(r.stderr).toMatch(/fetch-depth: 0/);
  });
});
