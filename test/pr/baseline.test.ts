/** `pdscan baseline create|prune` and `scan --baseline`: hide known findings, report stale ones. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clearGithubEnv, makeRepo, pdscan, testHits, type Repo } from './helpers.js';
import { applyBaseline, createBaseline, loadBaseline, pruneBaseline, serializeBaseline, underScannedPaths } from '../../src/pr/baseline.js';
import type { Finding } from '../../src/model/finding.js';

let repos: Repo[] = [];
beforeAll(clearGithubEnv);
afterEach(() => {
  repos.forEach((r) => r.dispose());
  repos = [];
});

function setup(): Repo {
  const repo = makeRepo();
  repos.push(repo);
  repo.write('src/a.txt', 'intro\nTESTPHONE-1111 first\nTESTPHONE-1111 first\nTESTDIAG-flu\n');
  repo.write('src/b.txt', 'TESTACCT-5\n');
  repo.commit('base');
  return repo;
}

describe('baseline', () => {
  it('create records fingerprints and no personal value', async () => {
    const repo = setup();
    const r = await pdscan(repo.dir, ['baseline', 'create', '--output', '.pdscan-baseline.json']);
    expect(r.code).toBe(0);
    const text = repo.read('.pdscan-baseline.json');
    expect(text).not.toMatch(/TESTPHONE|TESTDIAG|TESTACCT/);
    const b = JSON.parse(text);
    expect(b.format).toBe('pdscan-baseline');
    const mine = b.entries.filter((e: { ruleId: string }) => e.ruleId.startsWith('t-'));
    expect(mine.map((e: { path: string; line: number }) => `${e.path}:${e.line}`)).toEqual(['src/a.txt:2', 'src/a.txt:3', 'src/a.txt:4', 'src/b.txt:1']);
    // Two identical lines get two distinct fingerprints (occurrence index).
    expect(new Set(mine.map((e: { fingerprint: string }) => e.fingerprint)).size).toBe(4);
  });

  it('a later scan hides baselined findings, survives lines moving, and shows new ones', async () => {
    const repo = setup();
    await pdscan(repo.dir, ['baseline', 'create']);
    // Unrelated edits move every finding down; one new finding is added.
    repo.write('src/a.txt', 'new header\n\nintro\nTESTPHONE-1111 first\nTESTPHONE-1111 first\nTESTDIAG-flu\nTESTPHONE-9999 new\n');
    const r = await pdscan(repo.dir, ['scan', '--baseline', '.pdscan-baseline.json', '--fail-on', 'medium']);
    expect(testHits(r)).toEqual(['src/a.txt:7 t-phone']);
    expect(r.json!.stats.baselined).toBeGreaterThanOrEqual(4);
    expect(r.json!.stats.baselineStale).toBe(0);
    expect(r.code).toBe(1); // the new phone is medium
  });

  it('reports entries that no longer match as stale, and prune removes exactly those', async () => {
    const repo = setup();
    await pdscan(repo.dir, ['baseline', 'create']);
    repo.write('src/a.txt', 'intro\nTESTPHONE-1111 first\nTESTDIAG-flu\n'); // one duplicate line removed
    repo.rm('src/b.txt');
    const r = await pdscan(repo.dir, ['scan', '--baseline', '.pdscan-baseline.json']);
    expect(testHits(r)).toEqual([]);
    const stale = r.json!.problems.filter((p) => p.message.startsWith('stale baseline entry t-'));
    expect(stale.map((p) => p.message.replace(/: no finding.*/, '')).sort()).toEqual([
      'stale baseline entry t-mail (digital-account) at src/b.txt:1',
      'stale baseline entry t-phone (phone) at src/a.txt:3',
    ]);
    expect(stale[0]!.where).toBe('.pdscan-baseline.json');

    const before = JSON.parse(repo.read('.pdscan-baseline.json')).entries.length;
    const p = await pdscan(repo.dir, ['baseline', 'prune', '--baseline', '.pdscan-baseline.json']);
    expect(p.code).toBe(0);
    const after = JSON.parse(repo.read('.pdscan-baseline.json')).entries;
    expect(after.length).toBe(before - r.json!.stats.baselineStale!);
    const again = await pdscan(repo.dir, ['scan', '--baseline', '.pdscan-baseline.json']);
    expect(again.json!.stats.baselineStale).toBe(0);
  });

  it('scanning a subdirectory does not call entries elsewhere stale', async () => {
    const repo = setup();
    await pdscan(repo.dir, ['baseline', 'create']);
    repo.write('other/c.txt', 'nothing\n');
    const r = await pdscan(repo.dir, ['scan', 'other', '--baseline', '.pdscan-baseline.json']);
    expect(r.json!.stats.baselineStale).toBe(0);
  });

  it('works together with diff mode: only changed files are judged', async () => {
    const repo = setup();
    await pdscan(repo.dir, ['baseline', 'create']);
    const base = repo.commit('add baseline');
    repo.write('src/b.txt', 'TESTACCT-5\nTESTACCT-6\n');
    repo.commit('change');
    const r = await pdscan(repo.dir, ['scan', '--diff-base', base, '--baseline', '.pdscan-baseline.json']);
    expect(testHits(r)).toEqual(['src/b.txt:2 t-mail']);
    expect(r.json!.stats.baselineStale).toBe(0);
  });

  it('a missing or malformed baseline is a usage error (exit 2) with one clear line', async () => {
    const repo = setup();
    const missing = await pdscan(repo.dir, ['scan', '--baseline', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope.json: file not found \(create it with `pdscan baseline create --output nope.json`\)/);
    repo.write('bad.json', '{"format":"something-else","entries":[]}');
    const bad = await pdscan(repo.dir, ['scan', '--baseline', 'bad.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a pdscan baseline/);
  });
});

describe('baseline functions', () => {
  const f = (fingerprint: string, line = 1, extra: Partial<Finding> = {}): Finding => ({
    ruleId: 'r',
    kind: 'value',
    category: 'phone',
    categories: ['phone'],
    confidence: 'high',
    score: 0.9,
    message: 'm',
    value: 'secret-value',
    location: { path: 'a.txt', line, column: 1 },
    fingerprint,
    ...extra,
  });

  it('matches as a multiset: two entries hide two findings, not three', () => {
    const b = createBaseline([f('x'), f('x')]);
    const out = applyBaseline([f('x', 1), f('x', 2), f('x', 3)], b, () => true);
    expect(out.findings.length).toBe(1);
    expect(out.hidden).toBe(2);
    expect(out.stale).toEqual([]);
  });

  it('suppressed findings are neither baselined nor hidden', () => {
    const b = createBaseline([f('x', 1, { suppression: { kind: 'inSource' } })]);
    expect(b.entries).toEqual([]);
  });

  it('serialises one entry per line, without values, and round-trips', () => {
    const b = createBaseline([f('a'), f('b', 2)], '1.2.3');
    const text = serializeBaseline(b);
    expect(text).not.toContain('secret-value');
    expect(text.split('\n').filter((l) => l.includes('"fingerprint"')).length).toBe(2);
    expect(JSON.parse(text)).toEqual(b);
    expect(JSON.parse(serializeBaseline(createBaseline([])))).toMatchObject({ entries: [] });
  });

  it('prune drops only the stale entries', () => {
    const b = createBaseline([f('a'), f('a'), f('b')]);
    const { stale } = applyBaseline([f('a')], b, () => true);
    expect(stale.map((e) => e.fingerprint).sort()).toEqual(['a', 'b']);
    expect(pruneBaseline(b, stale).entries.map((e) => e.fingerprint)).toEqual(['a']);
  });

  it('scope of scanned paths', () => {
    expect(underScannedPaths('src/a.ts', ['.'])).toBe(true);
    expect(underScannedPaths('src/a.ts', ['src'])).toBe(true);
    expect(underScannedPaths('src/a.ts', ['./src/'])).toBe(true);
    expect(underScannedPaths('srcx/a.ts', ['src'])).toBe(false);
    expect(underScannedPaths('lib/a.ts', ['src', 'test'])).toBe(false);
    expect(underScannedPaths(undefined, ['.'])).toBe(false);
  });

  it('loadBaseline rejects a newer version and entries without fingerprints', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-bl-'));
    writeFileSync(path.join(dir, 'v2.json'), JSON.stringify({ format: 'pdscan-baseline', version: 2, entries: [] }));
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ format: 'pdscan-baseline', version: 1, entries: [{ ruleId: 'r' }] }));
    writeFileSync(path.join(dir, 'junk.json'), '{');
    expect(() => loadBaseline('v2.json', dir)).toThrow(/unsupported baseline version 2/);
    expect(() => loadBaseline('bad.json', dir)).toThrow(/entries\[0\] needs a "fingerprint"/);
    expect(() => loadBaseline('junk.json', dir)).toThrow(/not valid JSON/);
    rmSync(dir, { recursive: true, force: true });
  });
});
