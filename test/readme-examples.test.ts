/**
 * The README's `--explain` example is the CLI's real output: the block is run and compared, so the
 * README cannot drift from what pdscan prints.
 */
import { afterAll, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/util/paths.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fenced text block whose first line is `$ printf '…' > FILE && npx pdscan ARGS`. */
function explainExample(): { input: string; file: string; args: string[]; expected: string } {
  const readme = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const m = /```text\n\$ printf '([^']*)' > (\S+) && npx pdscan ([^\n]*)\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README: the --explain example block is missing');
  return { input: m[1]!.replace(/\\n/g, '\n'), file: m[2]!, args: m[3]!.split(' '), expected: m[4]! };
}

test('the README --explain example is what the CLI prints', () => {
  const ex = explainExample();
  expect(ex.args).toContain('--explain');
  writeFileSync(path.join(dir, ex.file), ex.input);
  const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin/pdscan.js'), ...ex.args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(ex.expected);
});
