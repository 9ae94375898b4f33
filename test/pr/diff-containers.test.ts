/**
 * Diff mode and suppressions with archives: git sees a changed zip as changed bytes, not lines, so a
 * changed archive is rescanned whole and every finding inside it counts as the change's; an
 * untouched archive reports nothing new.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clearGithubEnv, makeRepo, pdscan, testHits, trackRepos } from './helpers.js';
import { zip } from '../helpers/zip-writer.js';

const track = trackRepos();
beforeAll(clearGithubEnv);

describe('diff mode with archives', () => {
  it('a changed zip is rescanned whole, an unchanged one is not reported', async () => {
    const repo = track(makeRepo());
    repo.write('old.zip', zip([{ name: 'a.txt', data: 'TESTPHONE-1111 old\n' }]));
    repo.write('data.zip', zip([{ name: 'notes/a.txt', data: 'TESTPHONE-1111 old\n' }]));
    const base = repo.commit('base');
    repo.write('data.zip', zip([{ name: 'notes/a.txt', data: 'TESTPHONE-1111 old\n' }, { name: 'notes/b.txt', data: 'x\nTESTPHONE-2222 new\n' }]));
    repo.commit('change');

    const full = await pdscan(repo.dir, ['scan']);
    expect(testHits(full)).toEqual(['data.zip!/notes/a.txt:1 t-phone', 'data.zip!/notes/b.txt:2 t-phone', 'old.zip!/a.txt:1 t-phone']);
    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(testHits(diff)).toEqual(['data.zip!/notes/a.txt:1 t-phone', 'data.zip!/notes/b.txt:2 t-phone']);
  });

  it('inline suppressions work inside archives for files that have comments', async () => {
    const repo = track(makeRepo());
    const py = 'a = "TESTPHONE-1111"\n# pdscan-ignore-next-line t-phone -- synthetic fixture\nb = "TESTPHONE-2222"\n';
    repo.write('src.zip', zip([{ name: 'app/settings.py', data: py }]));
    repo.commit('base');
    const r = await pdscan(repo.dir, ['scan']);
    expect(testHits(r)).toEqual(['src.zip!/app/settings.py:1 t-phone']);
    const hidden = r.json!.findings.filter((f) => f.suppression);
    expect(hidden.map((f) => [f.location?.path, f.location?.line])).toEqual([['src.zip!/app/settings.py', 3]]);
  });
});
