import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databaseSource, gitSource, normalizeRemote } from './source.js';
import { sourceSlug } from '../report/sarif.js';

describe('normalizeRemote', () => {
  test.each([
    ['https://x-access-token:ghs_SECRET@github.com/acme/shop-api.git', 'https://github.com/acme/shop-api', 'github.com/acme/shop-api'],
    ['git@github.com:acme/shop-api.git', 'ssh://github.com/acme/shop-api', 'github.com/acme/shop-api'],
    ['ssh://git@gitlab.example.vn:2222/team/billing.git', 'ssh://gitlab.example.vn:2222/team/billing', 'gitlab.example.vn:2222/team/billing'],
    ['https://dev.azure.com/acme/proj/_git/repo?x=1#y', 'https://dev.azure.com/acme/proj/_git/repo', 'dev.azure.com/acme/proj/_git/repo'],
    ['/srv/git/ledger.git', 'file:///srv/git/ledger', 'ledger'],
  ])('%s', (remote, repository, name) => {
    expect(normalizeRemote(remote)).toEqual({ repository, name });
  });

  test('no credentials survive, whatever the form', () => {
    for (const r of ['https://user:pa55@host.vn/a/b', 'ssh://user:pa55@host.vn/a/b', 'user@host.vn:a/b']) {
      expect(JSON.stringify(normalizeRemote(r))).not.toMatch(/user|pa55/);
    }
  });
});

describe('gitSource / databaseSource', () => {
  test('a repository: remote without credentials, HEAD; --source-name wins for the name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-source-'));
    try {
      const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).trim();
      git('init', '-q', '-b', 'main');
      git('remote', 'add', 'origin', 'https://bot:tok3n@github.com/acme/shop-api.git');
      writeFileSync(path.join(dir, 'a.txt'), 'x\n');
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'x');
      const head = git('rev-parse', 'HEAD');
      expect(gitSource(dir)).toEqual({ kind: 'repository', name: 'github.com/acme/shop-api', repository: 'https://github.com/acme/shop-api', commit: head });
      expect(gitSource(dir, 'shop').name).toBe('shop');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('outside git: the directory name, no commit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-nogit-'));
    try {
      // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temporary directory.
      process.env.GIT_CEILING_DIRECTORIES = path.dirname(dir);
      expect(gitSource(dir)).toEqual({ kind: 'repository', name: path.basename(dir) });
    } finally {
      delete process.env.GIT_CEILING_DIRECTORIES;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a database: the redacted URL, and a slug usable in a SARIF category', () => {
    const s = databaseSource({ kind: 'database', name: 'postgres://db.internal:5432/bank', engine: 'postgres' });
    expect(s).toEqual({ kind: 'database', name: 'postgres://db.internal:5432/bank', engine: 'postgres' });
    expect(sourceSlug(s)).toBe('postgres/db.internal:5432/bank');
    expect(sourceSlug({ kind: 'repository', name: 'Kho dữ liệu #2' })).toBe('Kho-dữ-liệu-2');
  });
});
