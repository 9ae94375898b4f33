/**
 * Diff mode and cross-file flows: only the caller changes, the callee (with the sink, or with
 * the source it returns) does not. The flow must still be found and kept, because one of its
 * steps is on a changed line; flows wholly in unchanged files stay out.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clearGithubEnv, makeRepo, pdscan, trackRepos, type Repo, type RunResult } from './helpers.js';
import { contextFiles, importNeighbourhood, importSpecifiers } from '../../src/pr/context-files.js';
import { collectChanges } from '../../src/pr/changes.js';

const track = trackRepos();
beforeAll(clearGithubEnv);
afterEach(() => {
  delete process.env.PDSCAN_DIFF_CONTEXT;
});

const flows = (r: RunResult) =>
  (r.json?.findings ?? []).filter((f) => f.ruleId.startsWith('pd-') && !f.ruleId.startsWith('pd-declared')).map((f) => `${f.ruleId} ${f.location!.path}:${f.location!.line}`).sort();

function project(repo: Repo): string {
  repo.write('src/lib/notify.ts', `export function notify(text: string) {\n  console.log('notify', text);\n}\n`);
  repo.write('src/lib/contacts.ts', `declare function lookup(id: number): string;\nexport function contactOf(id: number) {\n  const soDienThoai = lookup(id);\n  return soDienThoai;\n}\n`);
  repo.write('src/legacy.ts', `export function legacy(email: string) {\n  console.log(email);\n}\n`);
  repo.write('src/api.ts', `import { notify } from './lib/notify';\nimport { contactOf } from './lib/contacts';\nexport function a(order: { id: number }) {\n  notify(String(order.id));\n}\n`);
  return repo.commit('base');
}

describe('diff mode with cross-file flows', () => {
  it('keeps a flow whose sink is in an unchanged file when the changed caller passes personal data', async () => {
    const repo = track(makeRepo());
    const base = project(repo);
    repo.write('src/api.ts', `${repo.read('src/api.ts')}export function b(email: string) {\n  notify(email);\n}\n`);
    repo.commit('caller changes');

    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(diff.code).toBe(0);
    // Sink in src/lib/notify.ts (unchanged): reported at the call on the changed line 7 of src/api.ts.
    expect(flows(diff)).toEqual(['pd-log src/api.ts:7']);
    // The old flow in src/legacy.ts was analysed as context only if linked; never reported.
    expect(diff.json!.stats.diffContextFiles).toBeGreaterThan(0);
  });

  it('keeps a flow whose source is returned by an unchanged file to a changed sink', async () => {
    const repo = track(makeRepo());
    const base = project(repo);
    repo.write('src/api.ts', `${repo.read('src/api.ts')}export function c() {\n  console.log(contactOf(1));\n}\n`);
    repo.commit('caller logs a contact');

    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(flows(diff)).toEqual(['pd-log src/api.ts:7']);

    // Without context (the old behaviour) the callee is not analysed and the flow is lost.
    process.env.PDSCAN_DIFF_CONTEXT = 'none';
    const none = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(flows(none)).toEqual([]);
  });

  it('an unchanged flow is not reported when an unrelated line of its file changes', async () => {
    const repo = track(makeRepo());
    const base = project(repo);
    repo.write('src/legacy.ts', `// owner: team a\n${repo.read('src/legacy.ts')}`);
    repo.commit('comment');
    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(flows(diff)).toEqual([]);
  });
});

describe('base comparison with cross-file flows', () => {
  it('a recipient the base already reached through the same unchanged callee is not new', async () => {
    const repo = track(makeRepo());
    repo.write('src/lib/crm.ts', `import axios from 'axios';\nexport async function pushContact(c: unknown) {\n  await axios.post('https://api.hubapi.com/crm/v3/objects/contacts', c);\n}\n`);
    repo.write('src/api.ts', `import { pushContact } from './lib/crm';\nexport async function a(email: string) {\n  await pushContact({ email });\n}\n`);
    const base = repo.commit('base');
    // Only the caller changes: the same data now also includes a phone number.
    repo.write('src/api.ts', `import { pushContact } from './lib/crm';\nexport async function a(email: string, phone: string) {\n  await pushContact({ email, phone });\n}\n`);
    repo.commit('caller changes');
    const outputs = path.join(repo.out, 'outputs.txt');
    writeFileSync(outputs, '');
    process.env.GITHUB_OUTPUT = outputs;
    try {
      const diff = await pdscan(repo.dir, ['scan', '--diff-base', base, '--summary', path.join(repo.out, 'summary.md')]);
      // The flow (sink in the unchanged src/lib/crm.ts) is reported at its changed call of pushContact().
      expect(flows(diff)).toEqual(['pd-cross-border src/api.ts:3', 'pd-marketing-consent src/api.ts:3']);
    } finally {
      delete process.env.GITHUB_OUTPUT;
    }
    const out = readFileSync(outputs, 'utf8');
    expect(out).toMatch(/^new-recipients=$/m);
    expect(out).toMatch(/^new-cross-border=$/m);
  });
});

describe('code context problems', () => {
  it('a context file that does not parse is not reported as a problem of the change', async () => {
    const repo = track(makeRepo());
    repo.write('src/lib/broken.ts', 'export function (\n');
    repo.write('src/api.ts', `import { x } from './lib/broken';\nexport const y = 1;\n`);
    const base = repo.commit('base');
    repo.write('src/api.ts', `import { x } from './lib/broken';\nexport const y = 2;\n`);
    repo.commit('edit');
    const full = await pdscan(repo.dir, ['scan']);
    expect(full.json!.problems.map((p) => p.where)).toContain('src/lib/broken.ts');
    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base]);
    expect(diff.json!.stats.diffContextFiles).toBe(1);
    expect(diff.json!.problems.map((p) => p.where)).not.toContain('src/lib/broken.ts');
  });
});

describe('code context of a change', () => {
  it('finds import specifiers of every form', () => {
    expect(
      importSpecifiers(`import a from './a';\nimport { b } from "../b";\nexport * from './c';\nconst d = require('./d');\nconst e = await import('./e');\nimport './f';\nconst g = 'from nowhere';`),
    ).toEqual(['./a', '../b', './c', './d', './e', './f']);
  });

  it('goes up to importers then down to their imports, within a few hops; resolves path aliases', () => {
    const text: Record<string, string> = {
      'src/a.ts': `import { b } from './b';\nimport { send } from '@/lib/email';\nimport { log } from './shared';`,
      'src/b.ts': `import { c } from './c';`,
      'src/c/index.ts': `import { d } from '../d.js';`,
      'src/d.ts': `import { e } from './e';`,
      'src/e.ts': `import { far } from './far';`,
      'src/far.ts': '',
      'src/lib/email.ts': '',
      'src/shared.ts': '',
      'src/caller.ts': `import { a } from './a';\nimport { dto } from './dto';`,
      'src/dto.ts': '',
      // Imports the same shared helper as a.ts: a sibling, not on any flow through a.ts.
      'src/sibling.ts': `import { log } from './shared';`,
      'src/app.module.ts': `import { a } from './a';\nimport { sibling } from './sibling';`,
    };
    const all = Object.keys(text);
    const read = (f: string) => text[f];
    expect([...importNeighbourhood(all, ['src/a.ts'], read, 4)].sort()).toEqual([
      'src/app.module.ts', 'src/b.ts', 'src/c/index.ts', 'src/caller.ts', 'src/d.ts', 'src/dto.ts', 'src/e.ts', 'src/lib/email.ts', 'src/shared.ts',
    ]);
    expect([...importNeighbourhood(all, ['src/a.ts'], read, 1)].sort()).toEqual(['src/app.module.ts', 'src/b.ts', 'src/caller.ts', 'src/lib/email.ts', 'src/shared.ts']);
    // A changed helper: its importers' callers and callees matter (they pass it data).
    expect([...importNeighbourhood(all, ['src/shared.ts'], read, 2)].sort()).toEqual(['src/a.ts', 'src/app.module.ts', 'src/b.ts', 'src/caller.ts', 'src/lib/email.ts', 'src/sibling.ts']);
  });

  it('no code changed: no context; Prisma schemas always come along with code', () => {
    const repo = track(makeRepo());
    repo.write('src/x.ts', 'export const x = 1;\n');
    repo.write('prisma/schema.prisma', 'model User {\n  id Int @id\n}\n');
    repo.write('notes.md', 'a\n');
    const base = repo.commit('base');
    repo.write('notes.md', 'a\nb\n');
    expect([...contextFiles(collectChanges(base, repo.dir), repo.dir, 'imports')]).toEqual([]);
    repo.write('src/y.ts', 'export const y = 2;\n');
    expect([...contextFiles(collectChanges(base, repo.dir), repo.dir, 'imports')]).toEqual(['prisma/schema.prisma']);
    expect([...contextFiles(collectChanges(base, repo.dir), repo.dir, 'all')].sort()).toEqual(['prisma/schema.prisma', 'src/x.ts']);
  });

  it('test files are context only with --include-tests', () => {
    const repo = track(makeRepo());
    repo.write('src/user.ts', 'export const user = { email: "" };\n');
    repo.write('src/user.spec.ts', 'import { user } from "./user";\n');
    repo.write('src/api.ts', 'import { user } from "./user";\n');
    const base = repo.commit('base');
    // The changed module's importers are its context: the app code, and its spec only when tests are analysed.
    repo.write('src/user.ts', 'export const user = { email: "", phone: "" };\n');
    expect([...contextFiles(collectChanges(base, repo.dir), repo.dir, 'imports')]).toEqual(['src/api.ts']);
    expect([...contextFiles(collectChanges(base, repo.dir), repo.dir, 'imports', { includeTests: true })].sort()).toEqual(['src/api.ts', 'src/user.spec.ts']);
  });

  it('a flow into an unchanged file with values of its own is still linked', async () => {
    const repo = track(makeRepo());
    repo.write('src/lib/notify.ts', `export function notify(text: string) {\n  console.log('notify', text);\n}\n// hotline of a test customer: 0912 345 678\n`);
    repo.write('src/api.ts', `import { notify } from './lib/notify';\nexport function a() {\n  notify('x');\n}\n`);
    const base = repo.commit('base');
    repo.write('src/api.ts', `${repo.read('src/api.ts')}export function b(email: string) {\n  notify(email);\n}\n`);
    repo.commit('caller changes');
    const diff = await pdscan(repo.dir, ['scan', '--diff-base', base, '--show-data']);
    // At the changed call of notify(), the sink in the unchanged file being on its path.
    expect(flows(diff)).toEqual(['pd-log src/api.ts:6']);
    expect(diff.json!.stats.diffContextFiles).toBe(1);
  });
});
