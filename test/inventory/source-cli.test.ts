/**
 * `pdscan scan` records its source (repository without credentials, commit) in the inventory
 * and SARIF; `--source-name` names it; inventories of two repositories merged by the CLI keep
 * the same relative path apart (the CLI merge is run in org-workflow.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Log as SarifLog } from 'sarif';
import { clearGithubEnv, makeRepo, pdscan, trackRepos } from '../pr/helpers.js';
import { mergeInventories, parseInventory, type Inventory } from '../../src/report/inventory/index.js';

const track = trackRepos();
beforeAll(clearGithubEnv);

function repoWith(remote: string) {
  const repo = track(makeRepo());
  repo.write('src/users/user.entity.ts', '@Entity()\nexport class User {\n  @Column() soDienThoai: string;\n  @Column() email: string;\n}\n');
  repo.git('remote', 'add', 'origin', remote);
  return { repo, head: repo.commit('base').trim() };
}

describe('the source of a file scan', () => {
  it('SARIF: automationDetails per source and kind, versionControlProvenance; inventory: targets[].source', async () => {
    const { repo, head } = repoWith('https://ci-bot:s3cr3t-t0ken@github.com/acme/shop-api.git');
    const sarif = path.join(repo.out, 'r.sarif');
    const inv = path.join(repo.out, 'inv.json');
    expect((await pdscan(repo.dir, ['scan', '--sarif', sarif, '--inventory', inv])).code).toBe(0);
    const run = (JSON.parse(readFileSync(sarif, 'utf8')) as SarifLog).runs[0]!;
    expect(run.automationDetails).toEqual({ id: 'pdscan/github.com/acme/shop-api/files/' });
    expect(run.versionControlProvenance).toEqual([{ repositoryUri: 'https://github.com/acme/shop-api', revisionId: head }]);
    const inventory = JSON.parse(readFileSync(inv, 'utf8')) as Inventory;
    expect(inventory.targets[0]!.source).toEqual({ kind: 'repository', name: 'github.com/acme/shop-api', repository: 'https://github.com/acme/shop-api', commit: head });
    for (const f of [sarif, inv]) expect(readFileSync(f, 'utf8')).not.toMatch(/s3cr3t|ci-bot/);
  });

  it('--source-name names the source; two repositories merged keep the same path apart', async () => {
    const a = repoWith('git@github.com:acme/shop-api.git').repo;
    const b = repoWith('git@github.com:acme/admin-api.git').repo;
    const ia = path.join(a.out, 'a.json');
    const ib = path.join(a.out, 'b.json');
    const sarif = path.join(a.out, 'a.sarif');
    await pdscan(a.dir, ['scan', '--inventory', ia, '--sarif', sarif, '--source-name', 'shop']);
    await pdscan(b.dir, ['scan', '--inventory', ib]);
    expect((JSON.parse(readFileSync(sarif, 'utf8')) as SarifLog).runs[0]!.automationDetails!.id).toBe('pdscan/shop/files/');
    const org = mergeInventories([ia, ib].map((f) => parseInventory(readFileSync(f, 'utf8'), f)), { toolVersion: 't' });
    const fields = org.categories.flatMap((c) => c.fields.map((f) => `${f.path}#${f.field}`));
    expect(fields).toEqual(expect.arrayContaining(['shop:src/users/user.entity.ts#soDienThoai', 'github.com/acme/admin-api:src/users/user.entity.ts#soDienThoai']));
    expect(org.storages.filter((s) => s.name === 'User').map((s) => s.system).sort()).toEqual(['github.com/acme/admin-api', 'shop']);
  });
});
